// Loaded on demand by the executable (see tsup.config.ts): the CSV reader, for `review --bodies`.
export * from "csv-parse/sync";
