/**
 * The package version, read from package.json at build time (the bundler inlines the value).
 */
import packageJson from "../package.json";

/** Version of @xxgk/validators, as published. */
export const VERSION: string = packageJson.version;
