/** Where the published JSON Schema files live. Plain constants: importing them does not load zod. */

/** Base of the `$id` of the published JSON Schema files. */
export const JSON_SCHEMA_BASE = "https://unpkg.com/@xxgk/schema/json-schema/";

/** File names of the generated JSON Schemas, keyed by what they describe. */
export const JSON_SCHEMA_FILES = {
  any: "report.schema.json",
  "2021": "report-2021.schema.json",
  "2019": "report-2019.schema.json",
} as const;

/** `$id` of the JSON Schema for any edition; put it in a report's `$schema` for editor completion. */
export const JSON_SCHEMA_ID = `${JSON_SCHEMA_BASE}${JSON_SCHEMA_FILES.any}`;
