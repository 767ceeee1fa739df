// Loaded on demand by the executable (see tsup.config.ts): the importer, for `xxgk import`.
export * from "@xxgk/importer";
