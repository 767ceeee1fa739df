// Loaded on demand by the executable (see tsup.config.ts): the region review, for `review`.
export * from "@xxgk/validators/region";
