import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const rendererSource = fileURLToPath(new URL("../../packages/renderer/src/", import.meta.url));

/**
 * The renderer's modules that the first load uses (see src/renderer.ts) import `@xxgk/schema`; they need only its
 * zod-free part, so those imports resolve to `@xxgk/schema/layout` and zod stays out of the first load. The app's
 * own lazy `import("@xxgk/schema")` (explaining a malformed file) still gets the full package.
 */
/**
 * Browsers refuse module scripts (and `crossorigin` requests) on pages opened from a file share; the editor is one
 * classic script instead (`format: "iife"`, loaded with `defer`), and what it loads later is a classic script too.
 */
function classicScriptTags(): Plugin {
  return {
    name: "xxgk-classic-script-tags",
    enforce: "post",
    transformIndexHtml: {
      order: "post",
      handler(html) {
        return html
          .replace(/<script type="module" crossorigin src=/g, "<script defer src=")
          .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
      },
    },
  };
}

function rendererUsesLayoutEntry(): Plugin {
  return {
    name: "xxgk-renderer-layout-entry",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (source !== "@xxgk/schema" || !importer?.startsWith(rendererSource)) return null;
      return this.resolve("@xxgk/schema/layout", importer, { ...options, skipSelf: true });
    },
  };
}

export default defineConfig({
  // Relative asset paths: the built folder works from any web server path and from a file share (file://).
  base: "./",
  plugins: [rendererUsesLayoutEntry(), classicScriptTags()],
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  build: {
    outDir: "dist",
    target: "es2022",
    // One classic script for the first load and no module preload: file:// pages can neither fetch nor import.
    modulePreload: false,
    rolldownOptions: { output: { format: "iife" } },
    reportCompressedSize: true,
  },
});
