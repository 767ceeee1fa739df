// Loaded on demand by the executable (see tsup.config.ts): @xxgk/schema with its zod schemas.
export * from "@xxgk/schema";
