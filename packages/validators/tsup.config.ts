import { defineConfig } from "tsup";

export default defineConfig({
  // `generate` is for the package's own scripts (rules.json, the conformance suite); it is not in `exports`.
  entry: { index: "src/index.ts", core: "src/core.ts", generate: "src/generate.ts" },
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  // Keep Chinese labels readable in the published bundle instead of \uXXXX escapes.
  esbuildOptions(options) {
    options.charset = "utf8";
  },
});
