/**
 * The committed JSON Schema files of @xxgk/schema (packages/schema/json-schema/*.json), embedded as text at build
 * time so that `xxgk schema` prints exactly the published files and generates nothing at run time.
 */
declare const __XXGK_SCHEMAS__: Record<string, string> | undefined;

/** JSON Schema text by file name (`report.schema.json`, `report-2021.schema.json`, `report-2019.schema.json`). */
export function schemaText(file: string): string {
  if (typeof __XXGK_SCHEMAS__ !== "object" || __XXGK_SCHEMAS__ === null) {
    throw new Error("the JSON Schemas are embedded at build time; run the built CLI");
  }
  const text = __XXGK_SCHEMAS__[file];
  if (text === undefined) throw new Error(`no embedded JSON Schema named ${file}`);
  return text;
}
