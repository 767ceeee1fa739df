import { defineConfig } from "vite";

/**
 * The second half of the build: `src/extras.ts` (DOCX writer, zod schema) as one classic script the editor adds
 * to the page on first use. Written next to the editor's own script; the first build has emptied the folder.
 */
export default defineConfig({
  build: {
    outDir: "dist/assets",
    emptyOutDir: false,
    target: "es2022",
    lib: {
      entry: "src/extras.ts",
      name: "xxgkExtras",
      formats: ["iife"],
      fileName: () => "xxgk-extras.js",
    },
    reportCompressedSize: true,
  },
});
