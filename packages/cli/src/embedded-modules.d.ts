// Modules provided at build time by the `xxgk-embedded` esbuild plugin in tsup.config.ts.
declare module "xxgk-embedded:example" {
  /** examples/2023-shizuishan-shangwuju.json, as committed. */
  const text: string;
  export default text;
}
declare module "xxgk-embedded:schemas" {
  /** packages/schema/json-schema/*.json by file name, as committed. */
  const schemas: Record<string, string>;
  export default schemas;
}
