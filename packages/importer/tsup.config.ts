import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";
import { releasePolicy } from "../../scripts/release-policy.mjs";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "es2022",
  platform: "neutral",
  // Dependencies are declared and not bundled, or bundled and not declared; bundled code is credited in
  // dist/THIRD_PARTY_NOTICES.md (scripts/release-policy.mjs checks both after every build).
  // string-width (and its helpers) is bundled: ESM-only, and from the CJS build require(esm) would hand esbuild's
  // interop the module namespace instead of the default export (the renderer bundles it for the same reason).
  noExternal: ["string-width", "strip-ansi", "ansi-regex", "get-east-asian-width"],
  esbuildPlugins: [releasePolicy(fileURLToPath(new URL(".", import.meta.url)))],
  // Keep Chinese labels readable in the published bundle instead of \uXXXX escapes.
  esbuildOptions(options) {
    options.charset = "utf8";
  },
});
