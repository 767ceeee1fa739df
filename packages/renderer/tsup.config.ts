import { defineConfig } from "tsup";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  // string-width and its helpers are ESM-only. Required from the CJS build (require(esm)), esbuild's interop hands
  // over the module namespace instead of the default export, so they are bundled (a few kB) rather than imported.
  noExternal: ["string-width", "strip-ansi", "ansi-regex", "get-east-asian-width"],
  // Keep Chinese labels readable in the published bundle instead of \uXXXX escapes.
  esbuildOptions(options) {
    options.charset = "utf8";
  },
});
