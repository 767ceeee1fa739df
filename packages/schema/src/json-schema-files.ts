/** Where the published JSON Schema files live. Plain constants: importing them does not load zod. */

/**
 * Version of the JSON contract (the report JSON Schemas and the rules file). It changes only with a breaking
 * change of the contract (see docs/consumers.md), not with every package release, so the `$id`s below are stable
 * across releases that only add optional properties, rules or descriptions.
 */
export const JSON_SCHEMA_VERSION = 1;

/**
 * Base of the `$id` of the published JSON Schema files. The files themselves ship inside the npm package
 * (`@xxgk/schema/json-schema/*.json`); validators should load them from there and need no network.
 */
export const JSON_SCHEMA_BASE = `https://xxgk.github.io/schema/v${JSON_SCHEMA_VERSION}/`;

/** File names of the generated JSON Schemas, keyed by what they describe. */
export const JSON_SCHEMA_FILES = {
  any: "report.schema.json",
  "2021": "report-2021.schema.json",
  "2019": "report-2019.schema.json",
} as const;

/** `$id` of the JSON Schema for any edition; put it in a report's `$schema` for editor completion. */
export const JSON_SCHEMA_ID = `${JSON_SCHEMA_BASE}${JSON_SCHEMA_FILES.any}`;
