// Loaded on demand by the executable (see tsup.config.ts): the Parquet writer, for `export --to parquet`.
export * from "hyparquet-writer";
