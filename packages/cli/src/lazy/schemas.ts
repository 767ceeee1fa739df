// Loaded on demand by the executable (see tsup.config.ts): the JSON Schemas embedded at build time.
export { default } from "xxgk-embedded:schemas";
