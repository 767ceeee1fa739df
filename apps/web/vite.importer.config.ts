import { defineConfig } from "vite";

/**
 * The third part of the build: `src/importer-extras.ts` (@xxgk/importer with PDF.js) as one classic script the editor
 * adds to the page when a published report is first opened. Written next to the editor's own script.
 */
export default defineConfig({
  build: {
    outDir: "dist/assets",
    emptyOutDir: false,
    target: "es2022",
    lib: {
      entry: "src/importer-extras.ts",
      name: "xxgkImporter",
      formats: ["iife"],
      fileName: () => "xxgk-importer.js",
    },
    reportCompressedSize: true,
  },
});
