// Loaded on demand by the executable (see tsup.config.ts): @xxgk/validators with zod, for malformed reports.
export * from "@xxgk/validators";
