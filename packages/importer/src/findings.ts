/**
 * Findings of an import and the refusal reasons, as plain data with Chinese and English messages.
 */
import type { SourcePosition } from "./source-document.js";

/** Codes of the findings an import can produce. */
export type ImportFindingCode =
  /** A section heading was not found. */
  | "SECTION_NOT_FOUND"
  /** A section heading is worded differently from the official heading. */
  | "HEADING_VARIANT"
  /** The tables follow a different edition than the report year implies. */
  | "EDITION_MISMATCH"
  /** The edition could not be told from the tables; the year decided it. */
  | "EDITION_FROM_YEAR"
  /** A table row was not found: its cells are absent. */
  | "ROW_NOT_FOUND"
  /** Rows whose figures could not be matched to their labels. */
  | "ROWS_UNALIGNED"
  /** A row label was read through a slip of one or more characters. */
  | "LABEL_APPROXIMATE"
  /** A row label was written in a known variant form. */
  | "LABEL_VARIANT"
  /** Cells glued together were split; the split is the only one the table's arithmetic allows. */
  | "SPLIT_INFERRED"
  /** Cells glued together could be split only one way (by their number of digits). */
  | "SPLIT_BY_DIGITS"
  /** Cells glued together can be split several ways: left unread. */
  | "SPLIT_AMBIGUOUS"
  /** Cells glued together: no split fits the table's arithmetic; left unread. */
  | "SPLIT_NONE_FITS"
  /** A row carries more values than the table has columns. */
  | "EXTRA_VALUES"
  /** A row carries fewer values than the table has columns. */
  | "MISSING_VALUES"
  /** A unit was typed into a cell (`251000元`): the number was read, the unit dropped. */
  | "UNIT_IN_CELL"
  /** A placeholder (`-`, `—`, `/`) was read as a blank cell. */
  | "PLACEHOLDER"
  /** A value that is not valid for its column (a negative count): left unread. */
  | "INVALID_VALUE"
  /** Edition 2021 report printing （六）其他处理 as one row (the 2019 layout). */
  | "OTHER_HANDLING_COLLAPSED"
  /** A row printed with its label but no values: read as blank. */
  | "ROW_BLANK"
  /** The reporting body could not be read from the title. */
  | "BODY_NOT_FOUND"
  /** The year was not found in the title and was taken from elsewhere. */
  | "YEAR_NOT_IN_TITLE"
  /** The page's publication date and the date signed at the end of the report differ: the page's is taken. */
  | "PUBLISHED_ON_DIFFERS";

/** Codes of refusals: nothing is imported. */
export type RefusalCode =
  /** Empty input or not a text document (binary data). */
  | "NOT_A_DOCUMENT"
  /** The input is larger than the importer accepts. */
  | "TOO_LARGE"
  /** A report from before 2019: no fixed layout to read. */
  | "PRE_2019"
  /** A document that holds no annual report. */
  | "NO_REPORT"
  /** The year of the report cannot be found. */
  | "NO_YEAR"
  /** The section headings are there but the tables hold no text (published as images). */
  | "TABLES_AS_IMAGES"
  /** A PDF without a text layer (a scan). */
  | "NO_TEXT_LAYER"
  /** A format whose reader is not part of this build. */
  | "FORMAT_NOT_SUPPORTED"
  /** The format reader failed (damaged file). */
  | "UNREADABLE";

/** How serious a finding is. */
export type ImportSeverity = "error" | "warning" | "info";

/** One finding of an import. */
export interface ImportFinding {
  readonly code: ImportFindingCode | RefusalCode;
  readonly severity: ImportSeverity;
  /** Chinese message. */
  readonly message: string;
  /** English message. */
  readonly messageEn: string;
  /** Where in the source, when the finding concerns one place. */
  readonly position?: SourcePosition;
  /** JSON Pointers of the cells concerned, if any. */
  readonly pointers?: readonly string[];
}

const SEVERITY: Record<ImportFindingCode | RefusalCode, ImportSeverity> = {
  SECTION_NOT_FOUND: "warning",
  HEADING_VARIANT: "info",
  EDITION_MISMATCH: "warning",
  EDITION_FROM_YEAR: "info",
  ROW_NOT_FOUND: "warning",
  ROWS_UNALIGNED: "warning",
  LABEL_APPROXIMATE: "info",
  LABEL_VARIANT: "info",
  SPLIT_INFERRED: "info",
  SPLIT_BY_DIGITS: "info",
  SPLIT_AMBIGUOUS: "warning",
  SPLIT_NONE_FITS: "warning",
  EXTRA_VALUES: "info",
  MISSING_VALUES: "warning",
  UNIT_IN_CELL: "info",
  PLACEHOLDER: "info",
  INVALID_VALUE: "warning",
  OTHER_HANDLING_COLLAPSED: "info",
  ROW_BLANK: "info",
  BODY_NOT_FOUND: "warning",
  YEAR_NOT_IN_TITLE: "info",
  PUBLISHED_ON_DIFFERS: "info",
  NOT_A_DOCUMENT: "error",
  TOO_LARGE: "error",
  PRE_2019: "error",
  NO_REPORT: "error",
  NO_YEAR: "error",
  TABLES_AS_IMAGES: "error",
  NO_TEXT_LAYER: "error",
  FORMAT_NOT_SUPPORTED: "error",
  UNREADABLE: "error",
};

/** Builds a finding. */
export function finding(
  code: ImportFindingCode | RefusalCode,
  message: string,
  messageEn: string,
  extra: { position?: SourcePosition | undefined; pointers?: readonly string[] | undefined } = {},
  severity: ImportSeverity = SEVERITY[code],
): ImportFinding {
  return {
    code,
    severity,
    message,
    messageEn,
    ...(extra.position ? { position: extra.position } : {}),
    ...(extra.pointers && extra.pointers.length > 0 ? { pointers: extra.pointers } : {}),
  };
}

/** "第 3 行第 5 列" / "line 3, column 5" and the like, for messages. */
export function describePosition(position: SourcePosition | undefined, lang: "zh" | "en"): string {
  if (!position) return "";
  switch (position.kind) {
    case "text":
      return lang === "zh" ? `第 ${position.line} 行第 ${position.column} 列` : `line ${position.line}, column ${position.column}`;
    case "pdf":
      return lang === "zh" ? `第 ${position.page} 页（x ${position.x}，y ${position.y}）` : `page ${position.page} (x ${position.x}, y ${position.y})`;
    default:
      if (position.table === 0) return lang === "zh" ? `第 ${position.block ?? 0} 段` : `paragraph ${position.block ?? 0}`;
      return lang === "zh"
        ? `表格 ${position.table} 第 ${position.row} 行第 ${position.cell} 格`
        : `table ${position.table}, row ${position.row}, cell ${position.cell}`;
  }
}
