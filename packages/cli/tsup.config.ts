import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";
import type { Plugin } from "esbuild";
import { releasePolicy } from "../../scripts/release-policy.mjs";

// HOW THIS PACKAGE STATES ITS DEPENDENCIES (checked by every build: scripts/release-policy.mjs)
// A dependency is either BUNDLED AND NOT DECLARED, or DECLARED AND NOT BUNDLED, never both:
//   - Bundled (the default, and the case of everything today: @xxgk/*, zod, docx, iconv-lite, picocolors, …): list it
//     in devDependencies with an exact version. The build copies the code it uses into dist/ and credits it in
//     dist/THIRD_PARTY_NOTICES.md; `npm i -g @xxgk/cli` installs nothing else. If only one command needs it, import
//     it with `import()` from a module of src/lazy/ and add that module to LAZY below, so that it is never loaded at
//     start-up.
//   - Declared: for a large dependency loaded on demand that should be downloaded only by users who want it (a chart
//     library, a Parquet writer…), list it in dependencies (caret range) or optionalDependencies, add its name to
//     EXTERNAL below, and import it only with `import()`. The build leaves it out of dist/.
// Adding an on-demand dependency later is one of these two steps; the build fails if a package ends up both bundled
// and declared, or imported at run time without being declared.
// @xxgk/importer is declared: it carries PDF.js (several MB), which only `xxgk import` needs, and it is the same
// package a consumer installs for the SDK, so it is deduplicated with theirs.
const EXTERNAL: string[] = ["@xxgk/importer"];
const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
/** Every import is bundled except the EXTERNAL packages (and their subpaths). */
const BUNDLE_ALL = [EXTERNAL.length === 0 ? /.*/ : new RegExp(`^(?!(?:${EXTERNAL.map(escape).join("|")})(?:/|$))`)];
const packageDir = fileURLToPath(new URL(".", import.meta.url));

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
  external: EXTERNAL,
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
  "@xxgk/validators/region": "region", // `review`
  echarts: "echarts", // `review`: the page's charts, rendered to SVG
  "csv-parse/sync": "csv-parse", // `review --bodies`
  "hyparquet-writer": "parquet", // `export --to parquet`
};
const lazyPlugin: Plugin = {
  name: "xxgk-lazy",
  setup(build) {
    build.onResolve({ filter: /^(@xxgk\/|iconv-lite$|echarts$|csv-parse\/sync$|hyparquet-writer$|xxgk-embedded:)/ }, (args) => {
      if (!Object.hasOwn(LAZY, args.path)) return undefined;
      if (args.kind !== "dynamic-import") {
        return { errors: [{ text: `${args.path} is loaded on demand: import it with import() (imported by ${args.importer})` }] };
      }
      return { path: `./lazy/${LAZY[args.path]}.js`, external: true };
    });
  },
};

export default defineConfig([
  // The library entry (`run`), dual ESM + CJS with types. Like the executable it bundles everything except the LAZY
  // modules, which it shares with the executable in dist/lazy/ (so the JSON Schemas and the example ship once).
  {
    ...shared,
    entry: { index: "src/index.ts" },
    format: ["esm", "cjs"],
    dts: true,
    shims: true,
    splitting: false,
    noExternal: BUNDLE_ALL,
    esbuildPlugins: [lazyPlugin, releasePolicy(packageDir)],
  },
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
    noExternal: BUNDLE_ALL,
    esbuildPlugins: [lazyPlugin, releasePolicy(packageDir)],
  },
  // The LAZY modules, as code-split ES modules in dist/lazy/ (never loaded when validating well-formed reports).
  {
    ...shared,
    entry: Object.fromEntries(Object.values(LAZY).map((name) => [`lazy/${name}`, `src/lazy/${name}.ts`])),
    format: ["esm"],
    dts: false,
    minify: true,
    splitting: true,
    noExternal: BUNDLE_ALL,
    esbuildPlugins: [embedPlugin, releasePolicy(packageDir)],
    esbuildOptions(options) {
      options.charset = "utf8";
      options.chunkNames = "lazy/chunk-[hash]";
    },
    // iconv-lite and other CommonJS dependencies call require() for Node built-ins.
    banner: { js: 'import { createRequire as __xxgkCreateRequire } from "node:module"; const require = __xxgkCreateRequire(import.meta.url);' },
  },
]);
