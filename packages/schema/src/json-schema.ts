/**
 * JSON Schema generation (draft 2020-12, producer-facing input shape). Called at build time by
 * `scripts/generate-json-schema.mjs`; consumers read the committed files under `json-schema/`.
 */
import { z } from "zod";
import { Report2019Schema, Report2021Schema, ReportSchema } from "./schema.js";

import { JSON_SCHEMA_BASE, JSON_SCHEMA_FILES } from "./json-schema-files.js";

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
