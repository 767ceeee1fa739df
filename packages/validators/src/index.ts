/**
 * @xxgk/validators — the consistency rules (勾稽关系) of the 政府信息公开工作年度报告 as a catalog, one engine that
 * evaluates them and pinpoints the faulty cell, and reporters (text, JSON, NDJSON, SARIF 2.1.0, CSV).
 */
export { validate } from "./validate.js";
export * from "./core.js";
export { renderRulesMarkdown, RULES_DOC_TODAY } from "./rules-doc.js";
