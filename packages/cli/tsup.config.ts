import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const { version } = JSON.parse(read("./package.json")) as { version: string };
const schemaFiles = ["report.schema.json", "report-2021.schema.json", "report-2019.schema.json"];

// Embedded at build time: the example report for `xxgk` without arguments and `init --example`, and the committed
// JSON Schemas for `xxgk schema` (nothing is generated at run time).
const define = {
  __XXGK_VERSION__: JSON.stringify(version),
  __XXGK_EXAMPLE__: JSON.stringify(read("../../examples/2023-shizuishan-shangwuju.json")),
  __XXGK_SCHEMAS__: JSON.stringify(Object.fromEntries(schemaFiles.map((file) => [file, read(`../schema/json-schema/${file}`)]))),
};

const shared: Options = {
  target: "node20",
  platform: "node",
  define,
  clean: false,
  // Keep Chinese labels readable in the published bundle instead of \uXXXX escapes.
  esbuildOptions(options) {
    options.charset = "utf8";
  },
};

export default defineConfig([
  // The library entry (`run`), dual ESM + CJS, dependencies external.
  { ...shared, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: true, shims: true, splitting: false },
  // The executable and its worker: one minified ESM bundle with every dependency inside, split so that each command
  // loads only what it uses (the renderer and DOCX only for `render`, iconv-lite only for GB18030 input).
  {
    ...shared,
    entry: { cli: "src/cli.ts", worker: "src/worker.ts" },
    format: ["esm"],
    dts: false,
    minify: true,
    splitting: true,
    noExternal: [/.*/],
    banner: { js: 'import { createRequire as __xxgkCreateRequire } from "node:module"; const require = __xxgkCreateRequire(import.meta.url);' },
  },
]);
