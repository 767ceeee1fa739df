/**
 * @xxgk/schema — the 政府信息公开工作年度报告 format as one source of truth.
 *
 * - zod schemas for both editions (`ReportSchema`, `Report2021Schema`, `Report2019Schema`);
 * - the official table layout as data (`LAYOUTS`, `layoutOf`);
 * - cell walking with JSON Pointers and official labels (`cellsOf`, `walkCells`, `cellAt`);
 * - `parseReport`, which never throws and returns structured issues;
 * - `createEmptyReport` for a new report ready to fill in.
 *
 * The zod-free part is also available as `@xxgk/schema/layout`.
 */
export * from "./layout.js";
export * from "./constraints.js";
export * from "./schema.js";
export * from "./cells.js";
export * from "./structure.js";
export * from "./parse.js";
export * from "./json-schema-files.js";
export * from "./format-value.js";
export * from "./beijing-date.js";
export * from "./json-schema.js";
