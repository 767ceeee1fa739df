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
