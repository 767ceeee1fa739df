/**
 * The committed JSON Schema files of @xxgk/schema (packages/schema/json-schema/*.json), embedded as text at build
 * time (in a module of their own, loaded only by `xxgk schema`) so that `xxgk schema` prints exactly the published
 * files and generates nothing at run time.
 */

/** JSON Schema text by file name (`report.schema.json`, `report-2021.schema.json`, `report-2019.schema.json`). */
export async function schemaText(file: string): Promise<string> {
  const { default: schemas } = await import("xxgk-embedded:schemas");
  const text = schemas[file];
  if (text === undefined) throw new Error(`no embedded JSON Schema named ${file}`);
  return text;
}
