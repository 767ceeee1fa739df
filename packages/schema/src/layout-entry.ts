/**
 * `@xxgk/schema/layout` — everything in `@xxgk/schema` that does not need zod: the layout data, cell walking,
 * the shared constraints, the fast structure check and the types. Tools that must start fast (a command checking
 * one file) import this entry and load the zod schemas only when a report turns out to be malformed.
 */
export * from "./layout.js";
export * from "./cells.js";
export * from "./constraints.js";
export * from "./structure.js";
export * from "./json-schema-files.js";
export * from "./format-value.js";
export * from "./beijing-date.js";
export type * from "./schema.js";
export type { ParseResult, SchemaIssue, SchemaIssueCode } from "./parse.js";
