/**
 * Values embedded at build time by tsup (`define` in tsup.config.ts). Under vitest, which runs the sources
 * unbuilt, the version falls back to a development marker; the example and the schemas live in their own
 * modules so the start-up bundle does not carry them.
 */
declare const __XXGK_VERSION__: string | undefined;

/** The package version. */
export const VERSION: string = typeof __XXGK_VERSION__ === "string" ? __XXGK_VERSION__ : "0.0.0-development";
