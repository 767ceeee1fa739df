/**
 * What the editor loads only when first needed: the DOCX writer (with the `docx` library) and the zod schema that
 * explains why a file is not a valid report. Built as its own classic script (`assets/xxgk-extras.js`, see
 * `vite.scripts.config.ts`), so it loads from a file share too, where browsers refuse module scripts.
 */
export { renderDocx } from "@xxgk/renderer";
export { parseReport } from "@xxgk/schema";
