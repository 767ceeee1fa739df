/**
 * JSON Schema generation (draft 2020-12, producer-facing input shape). Called at build time by
 * `scripts/generate-json-schema.mjs`; consumers read the committed files under `json-schema/`.
 *
 * The shapes are written for code generators as much as for validators: repeated shapes are `$defs` named by
 * ASCII titles (one 表三 row type, one 表四 group type), a blank-able cell is `type: [integer, null]`, and the
 * either-edition file chooses the edition with `if`/`then` on `edition`, so errors point into the right edition.
 */
import { z } from "zod";
import { EDITIONS, LAYOUTS, type Edition } from "./layout.js";
import { Report2019Schema, Report2021Schema } from "./schema.js";
import { JSON_SCHEMA_BASE, JSON_SCHEMA_FILES } from "./json-schema-files.js";

/** A JSON Schema document. */
export type JsonSchemaDocument = Record<string, unknown>;

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => value !== null && typeof value === "object" && !Array.isArray(value);

/**
 * `anyOf: [{ type: "integer", minimum: 0 }, { type: "null" }]` → `type: ["integer", "null"], minimum: 0`. The same
 * meaning (numeric keywords ignore null), one shape generators map to an optional number, and a faster validator.
 */
function collapseNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(collapseNullable);
  if (!isNode(node)) return node;
  const out: Node = {};
  for (const [key, value] of Object.entries(node)) out[key] = collapseNullable(value);
  const anyOf = out.anyOf;
  if (Array.isArray(anyOf) && anyOf.length === 2 && isNode(anyOf[1]) && Object.keys(anyOf[1]).length === 1 && anyOf[1].type === "null") {
    const first = anyOf[0];
    if (isNode(first) && typeof first.type === "string" && first.$ref === undefined) {
      const { anyOf: _anyOf, ...rest } = out;
      const { type, ...constraints } = first;
      return { ...rest, type: [type, "null"], ...constraints };
    }
  }
  return out;
}

function editionBody(edition: Edition): Node {
  const schema = edition === "2021" ? Report2021Schema : Report2019Schema;
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "throw" });
  return collapseNullable(generated) as Node;
}

function document(file: string, body: Node): JsonSchemaDocument {
  const { $schema, title, description, $defs, ...rest } = body;
  return { $schema, $id: `${JSON_SCHEMA_BASE}${file}`, title, description, ...rest, $defs };
}

/**
 * The either-edition schema: `edition` is required and one of the editions, and `if`/`then` applies the edition's
 * definition. Validators report errors inside that edition (not "valid under none of the given schemas"), and the
 * definitions the editions share (表三 rows, 表四, prose, metadata) appear once.
 */
function anyEdition(bodies: Record<Edition, Node>): JsonSchemaDocument {
  const $defs: Node = {};
  for (const edition of EDITIONS) {
    const { $schema: _schema, $defs: definitions, ...report } = bodies[edition];
    for (const [name, definition] of Object.entries(definitions as Node)) {
      if (name in $defs && JSON.stringify($defs[name]) !== JSON.stringify(definition)) {
        throw new Error(`JSON Schema definition ${name} differs between editions`);
      }
      $defs[name] = definition;
    }
    $defs[`Report${edition}`] = report;
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${JSON_SCHEMA_BASE}${JSON_SCHEMA_FILES.any}`,
    title: "Report",
    description:
      "政府信息公开工作年度报告（xxgk 格式），任一格式版本：edition 决定其余部分按哪一版校验。 — A Government Information Disclosure Annual Report in either format edition: edition selects the definition the rest is validated against.",
    type: "object",
    properties: {
      edition: {
        enum: [...EDITIONS],
        description: `格式版本 — Format edition: ${EDITIONS.map((edition) => `${edition} = ${LAYOUTS[edition].basis}`).join("; ")}.`,
      },
    },
    required: ["edition"],
    allOf: EDITIONS.map((edition) => ({
      if: { properties: { edition: { const: edition } }, required: ["edition"] },
      then: { $ref: `#/$defs/Report${edition}` },
    })),
    $defs,
  };
}

/** Generates the JSON Schemas of the format, keyed by file name (see {@link JSON_SCHEMA_FILES}). */
export function buildJsonSchemas(): Record<string, JsonSchemaDocument> {
  const bodies = { "2021": editionBody("2021"), "2019": editionBody("2019") };
  return {
    [JSON_SCHEMA_FILES.any]: anyEdition(bodies),
    [JSON_SCHEMA_FILES["2021"]]: document(JSON_SCHEMA_FILES["2021"], bodies["2021"]),
    [JSON_SCHEMA_FILES["2019"]]: document(JSON_SCHEMA_FILES["2019"], bodies["2019"]),
  };
}
