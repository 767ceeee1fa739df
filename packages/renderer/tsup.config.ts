import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";
import { releasePolicy } from "../../scripts/release-policy.mjs";

export default defineConfig({
  entry: ["src/index.ts"],
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  target: "node20",
  // Bundled, not declared (scripts/release-policy.mjs states the rule and writes dist/THIRD_PARTY_NOTICES.md):
  // - docx: every docx release declares `@types/node` as a runtime dependency, which would be hoisted into a
  //   consumer's browser TypeScript project, and docx 9.9+ declares nanoid 6 (engines: Node ≥ 22), so an install on
  //   Node 20 warned EBADENGINE and failed with --engine-strict. docx's own dist already inlines the fflate and nanoid
  //   code it runs (plain JavaScript that runs on Node 20: the release test proves it), so bundling docx ships exactly
  //   that code and the install pulls neither package. The notices credit fflate and nanoid as well.
  // - string-width and its helpers: ESM-only. Required from the CJS build (require(esm)), esbuild's interop hands
  //   over the module namespace instead of the default export.
  // @xxgk/schema stays a dependency (only its zod-free `@xxgk/schema/layout` entry is imported: no zod is loaded).
  noExternal: ["docx", "string-width", "strip-ansi", "ansi-regex", "get-east-asian-width"],
  esbuildPlugins: [releasePolicy(fileURLToPath(new URL(".", import.meta.url)))],
  // Keep Chinese labels readable in the published bundle instead of \uXXXX escapes.
  esbuildOptions(options) {
    options.charset = "utf8";
  },
});
