/**
 * `@xxgk/validators/core` — the engine, the catalog and the reporters without zod: `validateWellFormed` checks a
 * report whose structure is sound and returns `undefined` otherwise. `@xxgk/validators` re-exports all of it and
 * adds `validate`, which accepts any value.
 */
export { validateWith, type ReportParser } from "./engine.js";
export { validateWellFormed } from "./validate-well-formed.js";
export { RULES, ruleById, checkRuleOptions } from "./rules.js";
export { SCHEMA_DIAGNOSTIC_LIMIT } from "./engine.js";
export { formatText, escapeTerminalText, type FormatOptions, type ReportItem } from "./format-text.js";
export {
  formatJson,
  formatNdjsonLine,
  formatCsv,
  CSV_COLUMNS,
  TOOL_NAME,
  type JsonOutput,
  type JsonReportEntry,
} from "./format-data.js";
export {
  formatSarif,
  createSarifWriter,
  artifactUri,
  RULES_DOC_URL,
  SRCROOT,
  type SarifWriter,
  type SarifOptions,
  type SarifRegion,
  type SarifReportItem,
  type SarifExtraRule,
} from "./format-sarif.js";
export {
  checkCreditCode,
  checkRegionCode,
  creditCodeCheckCharacter,
  type CreditCodeCheck,
  type RegionCodeCheck,
} from "./codes.js";
export { parseChineseNumeral, parseFigure } from "./chinese-numerals.js";
export { VERSION } from "./version.js";
export { isMostlyNotAssessable } from "./outcomes.js";
export type {
  Bilingual,
  Diagnostic,
  DiagnosticCell,
  ExampleEdit,
  Pinpoint,
  PreviousValidation,
  Profile,
  RuleBasis,
  RuleDefinition,
  RuleExample,
  RuleOptionProblem,
  RuleOutcome,
  RuleOutcomeKind,
  Severity,
  ValidateOptions,
  ValidationCounts,
  ValidationResult,
} from "./types.js";
/** The arithmetic identities (R1–R4) derived from the layout, for tools that reason about cells (the importer). */
export { identitiesOf, type Identity, type IdentityTerm } from "./identities.js";
