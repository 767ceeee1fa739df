import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";
import { releasePolicy } from "../../scripts/release-policy.mjs";

export default defineConfig({
  entry: { index: "src/index.ts", layout: "src/layout-entry.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  // Dependencies are declared and not bundled, or bundled and not declared; bundled code is credited in
  // dist/THIRD_PARTY_NOTICES.md (scripts/release-policy.mjs checks both after every build).
  esbuildPlugins: [releasePolicy(fileURLToPath(new URL(".", import.meta.url)))],
  // Keep Chinese labels readable in the published bundle instead of \uXXXX escapes.
  esbuildOptions(options) {
    options.charset = "utf8";
  },
});
