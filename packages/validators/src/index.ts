/**
 * @xxgk/validators — the consistency rules (勾稽关系) of the 政府信息公开工作年度报告 as a catalog, one engine that
 * evaluates them and pinpoints the faulty cell, and reporters (text, JSON, NDJSON, SARIF 2.1.0, CSV).
 */
export { validate } from "./engine.js";
export { RULES, ruleById } from "./rules.js";
export { formatText, type FormatOptions, type ReportItem } from "./format-text.js";
export {
  formatJson,
  formatNdjsonLine,
  formatCsv,
  CSV_COLUMNS,
  TOOL_NAME,
  type JsonOutput,
  type JsonReportEntry,
} from "./format-data.js";
export { formatSarif, RULES_DOC_URL } from "./format-sarif.js";
export { renderRulesMarkdown, RULES_DOC_TODAY } from "./rules-doc.js";
export {
  checkCreditCode,
  checkRegionCode,
  creditCodeCheckCharacter,
  type CreditCodeCheck,
  type RegionCodeCheck,
} from "./codes.js";
export { parseChineseNumeral, parseFigure } from "./chinese-numerals.js";
export { VERSION } from "./version.js";
export type {
  Bilingual,
  Diagnostic,
  DiagnosticCell,
  ExampleEdit,
  Pinpoint,
  Profile,
  RuleBasis,
  RuleDefinition,
  RuleExample,
  RuleOutcome,
  Severity,
  ValidateOptions,
  ValidationCounts,
  ValidationResult,
} from "./types.js";
