/**
 * @xxgk/importer — published 政府信息公开工作年度报告 (text, Markdown, HTML, PDF, DOCX) back into checked report JSON.
 */
export type {
  SourceCell,
  SourceDocument,
  SourceFormat,
  SourceLine,
  SourcePosition,
} from "./source-document.js";
export * from "./sources/index.js";
export { readText } from "./read-text.js";
export {
  importDocument,
  importReport,
  MAX_INPUT_BYTES,
  SOURCE_READERS,
  type CellProvenance,
  type ImportCounts,
  type ImportOptions,
  type ImportResult,
  type SourceReader,
} from "./import.js";
export type { CellHow } from "./tables.js";
export { describePosition, type ImportFinding, type ImportFindingCode, type ImportSeverity, type RefusalCode } from "./findings.js";
export { splitGlued, type GlueToken, type LocalIdentity, type SplitOutcome } from "./split-glued.js";
export { VERSION } from "./version.js";
