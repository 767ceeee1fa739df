/**
 * The importer, loaded only when the clerk opens a published report (PDF, HTML, Word, text). Built as its own classic
 * script (`assets/xxgk-importer.js`, see `vite.scripts.config.ts`) for the same reason as `extras.ts`: a page opened
 * from a file share may not load modules. PDF.js inside it is large, so it is kept apart from the DOCX writer.
 */
export { importReport } from "@xxgk/importer";
