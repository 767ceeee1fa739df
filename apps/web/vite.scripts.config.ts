import { defineConfig } from "vite";

/**
 * The parts of the editor loaded only on first use, each built as one classic script next to the editor's own
 * (a page opened from a file share, `file://`, may not load modules): `--mode extras` builds `src/extras.ts` (DOCX
 * writer, zod schema) as `assets/xxgk-extras.js`; `--mode importer` builds `src/importer-extras.ts` (@xxgk/importer
 * with PDF.js, kept apart because it is large) as `assets/xxgk-importer.js`. `load-extras.ts` adds them to the page.
 */
const SCRIPTS = {
  extras: { entry: "src/extras.ts", name: "xxgkExtras", file: "xxgk-extras.js" },
  importer: { entry: "src/importer-extras.ts", name: "xxgkImporter", file: "xxgk-importer.js" },
} as const;

export default defineConfig(({ mode }) => {
  const script = SCRIPTS[mode as keyof typeof SCRIPTS];
  if (!script) throw new Error(`vite.scripts.config.ts: --mode must be one of ${Object.keys(SCRIPTS).join(", ")}, got "${mode}"`);
  return {
    build: {
      outDir: "dist/assets",
      // The first build (the editor) has emptied the folder; these write beside it.
      emptyOutDir: false,
      target: "es2022",
      lib: { entry: script.entry, name: script.name, formats: ["iife"], fileName: () => script.file },
      reportCompressedSize: true,
    },
  };
});
