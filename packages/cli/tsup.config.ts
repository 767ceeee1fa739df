import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";
import type { Plugin } from "esbuild";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const { version } = JSON.parse(read("./package.json")) as { version: string };
const schemaFiles = ["report.schema.json", "report-2021.schema.json", "report-2019.schema.json"];

const define = { __XXGK_VERSION__: JSON.stringify(version) };

// Embedded at build time as modules of their own (`xxgk-embedded:*`), so they sit in chunks loaded only by the
// commands that use them: the example report (`xxgk` without arguments, `init --example`) and the committed JSON
// Schemas (`xxgk schema`; nothing is generated at run time). A `define` would put them in the start-up chunk.
const embedded: Record<string, () => string> = {
  example: () => `export default ${JSON.stringify(read("../../examples/2023-shizuishan-shangwuju.json"))};`,
  schemas: () =>
    `export default ${JSON.stringify(Object.fromEntries(schemaFiles.map((file) => [file, read(`../schema/json-schema/${file}`)])))};`,
};
const embedPlugin: Plugin = {
  name: "xxgk-embedded",
  setup(build) {
    build.onResolve({ filter: /^xxgk-embedded:/ }, (args) => ({ path: args.path.slice("xxgk-embedded:".length), namespace: "xxgk-embedded" }));
    build.onLoad({ filter: /.*/, namespace: "xxgk-embedded" }, (args) => ({ contents: embedded[args.path]!(), loader: "js" }));
  },
};

const shared: Options = {
  target: "node20",
  platform: "node",
  define,
  clean: false,
  esbuildPlugins: [embedPlugin],
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
