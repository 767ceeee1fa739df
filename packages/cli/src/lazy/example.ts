// Loaded on demand by the executable (see tsup.config.ts): the example report embedded at build time.
export { default } from "xxgk-embedded:example";
