/**
 * JSON Schema generation (draft 2020-12, producer-facing input shape). Called at build time by
 * `scripts/generate-json-schema.mjs`; consumers read the committed files under `json-schema/`.
 */
import { z } from "zod";
import { Report2019Schema, Report2021Schema, ReportSchema } from "./schema.js";

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

/** A JSON Schema document. */
export type JsonSchemaDocument = Record<string, unknown>;

function generate(schema: z.ZodType, file: string): JsonSchemaDocument {
  const body = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "throw" }) as JsonSchemaDocument;
  const { $schema, ...rest } = body;
  return { $schema, $id: `${JSON_SCHEMA_BASE}${file}`, ...rest };
}

/** Generates the JSON Schemas of the format, keyed by file name (see {@link JSON_SCHEMA_FILES}). */
export function buildJsonSchemas(): Record<string, JsonSchemaDocument> {
  return {
    [JSON_SCHEMA_FILES.any]: generate(ReportSchema, JSON_SCHEMA_FILES.any),
    [JSON_SCHEMA_FILES["2021"]]: generate(Report2021Schema, JSON_SCHEMA_FILES["2021"]),
    [JSON_SCHEMA_FILES["2019"]]: generate(Report2019Schema, JSON_SCHEMA_FILES["2019"]),
  };
}
