import { readFileSync } from "node:fs";
import { defineConfig, type Options } from "tsup";
import type { Plugin } from "esbuild";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const { version } = JSON.parse(read("./package.json")) as { version: string };
const schemaFiles = ["report.schema.json", "report-2021.schema.json", "report-2019.schema.json"];

const define = { __XXGK_VERSION__: JSON.stringify(version) };

// Embedded at build time as modules of their own (`xxgk-embedded:*`), so they sit in files loaded only by the
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

// The modules the executable loads only on demand, each built as an ES module of dist/lazy/ (code-split, so zod and
// the schema are shared) and reached with `import()` from the CommonJS executable. Everything else the commands use
// is inside dist/cli.cjs itself. Only a dynamic import may name them: a static one would load them at start-up.
const LAZY: Record<string, string> = {
  "@xxgk/schema": "schema", // zod: malformed reports, render, the example
  "@xxgk/validators": "validators", // zod as well
  "@xxgk/renderer": "renderer", // render and the example, with DOCX
  "@xxgk/importer": "importer", // import
  "iconv-lite": "iconv-lite", // GB18030 input
  "xxgk-embedded:example": "example", // `xxgk`, `init --example`
  "xxgk-embedded:schemas": "schemas", // `xxgk schema`
};
const lazyPlugin: Plugin = {
  name: "xxgk-lazy",
  setup(build) {
    build.onResolve({ filter: /^(@xxgk\/|iconv-lite$|xxgk-embedded:)/ }, (args) => {
      if (!Object.hasOwn(LAZY, args.path)) return undefined;
      if (args.kind !== "dynamic-import") {
        return { errors: [{ text: `${args.path} is loaded on demand: import it with import() (imported by ${args.importer})` }] };
      }
      return { path: `./lazy/${LAZY[args.path]}.js`, external: true };
    });
  },
};

export default defineConfig([
  // The library entry (`run`), dual ESM + CJS, dependencies external.
  { ...shared, entry: { index: "src/index.ts" }, format: ["esm", "cjs"], dts: true, shims: true, splitting: false },
  // The executable and its worker: each ONE minified CommonJS file with every dependency inside except the LAZY
  // modules. CommonJS because start-up time is the point (docs/performance.md): Node loads a CommonJS file
  // synchronously, without the ES module loader's resolve/link/evaluate steps per file, which cost more than all of
  // our own start-up code when the same code was split into twenty ES module chunks.
  {
    ...shared,
    entry: { cli: "src/cli.ts", worker: "src/worker.ts" },
    format: ["cjs"],
    dts: false,
    minify: true,
    splitting: false,
    shims: true,
    noExternal: [/.*/],
    esbuildPlugins: [lazyPlugin],
  },
  // The LAZY modules, as code-split ES modules in dist/lazy/ (never loaded when validating well-formed reports).
  {
    ...shared,
    entry: Object.fromEntries(Object.values(LAZY).map((name) => [`lazy/${name}`, `src/lazy/${name}.ts`])),
    format: ["esm"],
    dts: false,
    minify: true,
    splitting: true,
    noExternal: [/.*/],
    esbuildOptions(options) {
      options.charset = "utf8";
      options.chunkNames = "lazy/chunk-[hash]";
    },
    // iconv-lite and other CommonJS dependencies call require() for Node built-ins.
    banner: { js: 'import { createRequire as __xxgkCreateRequire } from "node:module"; const require = __xxgkCreateRequire(import.meta.url);' },
  },
]);
