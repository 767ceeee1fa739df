/**
 * The package version, read from package.json at build time (the bundler inlines the value).
 */
import packageJson from "../package.json";

/** Version of @xxgk/importer, recorded in every imported report's `import` block. */
export const VERSION: string = packageJson.version;
