// Loaded on demand by the executable (see tsup.config.ts): the renderer and DOCX, for `render` and the example.
export * from "@xxgk/renderer";
