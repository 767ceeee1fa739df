/**
 * The committed JSON Schema files of @xxgk/schema (packages/schema/json-schema/*.json), embedded as text at build
 * time so that `xxgk schema` prints exactly the published files and generates nothing at run time.
 */
import schemas from "xxgk-embedded:schemas";

/** JSON Schema text by file name (`report.schema.json`, `report-2021.schema.json`, `report-2019.schema.json`). */
export function schemaText(file: string): string {
  const text = schemas[file];
  if (text === undefined) throw new Error(`no embedded JSON Schema named ${file}`);
  return text;
}
