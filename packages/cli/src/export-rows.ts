/**
 * The analyst's dataset: one row per cell (long form) or one row per report (wide form). Labels come from
 * @xxgk/schema's layout (`labels.qualifiedRow`, `labels.column`), so they are the official wording.
 * A blank cell (`null`) is exported as an empty value, never as 0. Every figure is written by formatCellValue (no
 * `1e-7`, no `0.30000000000000004`), in CSV and in NDJSON alike; CSV text fields are guarded against formulas.
 */
import { cellsOf, EDITIONS, formatCellValue, TABLE_ORDINALS, walkCells, type CellInfo, type Report } from "@xxgk/schema/layout";
import type { Lang, Message } from "./i18n.js";
import { csvLine } from "./output/csv.js";

/** Columns of the long form, in order. `problem` says why a cell's value was left empty (an invalid stated value). */
export const LONG_COLUMNS = ["file", "body", "year", "edition", "table", "row", "column", "value", "pointer", "problem"] as const;

/** The leading columns of the wide form; one column per cell follows, then {@link WIDE_PROBLEMS_COLUMN}. */
export const WIDE_LEADING_COLUMNS = ["file", "body", "year", "edition"] as const;

/** The last column of the wide form: the report's invalid cells and what they stated. */
export const WIDE_PROBLEMS_COLUMN = "problems";

/** The wide-form column name of a cell: `表三/（三）不予公开/1.属于国家秘密/自然人`. */
export function wideColumnName(cell: Pick<CellInfo, "labels">): string {
  return `${cell.labels.table}/${cell.labels.qualifiedRow}/${cell.labels.column}`;
}

let wideColumns: string[] | undefined;

/** Every cell column of the wide form: the cells of both editions, edition 2021 first, each label once. */
export function wideCellColumns(): readonly string[] {
  if (!wideColumns) {
    const seen = new Set<string>();
    for (const edition of EDITIONS) for (const cell of cellsOf(edition)) seen.add(wideColumnName(cell));
    wideColumns = [...seen];
  }
  return wideColumns;
}

/** Export format. */
export type ExportFormat = "csv" | "ndjson";

/** Options of {@link exportReport}. */
export interface ExportRowOptions {
  /** Cells whose stated value was invalid (left empty), by pointer: what was stated and why it is invalid. */
  problems?: ReadonlyMap<string, Message>;
  /** Language of the problem texts (labels are the official Chinese wording either way). */
  lang?: Lang;
}

/** The header of an export (empty for NDJSON). */
export function exportHeader(format: ExportFormat, wide: boolean): string {
  if (format === "ndjson") return "";
  return csvLine(wide ? [...WIDE_LEADING_COLUMNS, ...wideCellColumns(), WIDE_PROBLEMS_COLUMN] : [...LONG_COLUMNS]);
}

/** A figure as a JSON number written by formatCellValue (a valid JSON number: digits, no exponent), or `null`. */
function jsonNumber(value: number | null | undefined): string {
  const text = formatCellValue(value);
  return text === "" ? "null" : text;
}

/** The rows of one report, formatted. */
export function exportReport(report: Report, file: string, format: ExportFormat, wide: boolean, options: ExportRowOptions = {}): string {
  const { body, year } = report.meta;
  const lang = options.lang ?? "zh";
  const problemOf = (pointer: string): string | null => {
    const problem = options.problems?.get(pointer);
    return problem ? (lang === "en" ? problem.en : problem.zh) : null;
  };
  const cells = walkCells(report);
  const head = `{"file":${JSON.stringify(file)},"body":${JSON.stringify(body)},"year":${jsonNumber(year)},"edition":${JSON.stringify(report.edition)}`;
  if (wide) {
    const listed: string[] = [];
    for (const cell of cells) {
      const problem = problemOf(cell.pointer);
      if (problem !== null) listed.push(`${wideColumnName(cell)}${lang === "en" ? ": " : "："}${problem}`);
    }
    const problems = listed.length > 0 ? listed.join(lang === "en" ? "; " : "；") : null;
    if (format === "csv") {
      const byColumn = new Map(cells.map((cell) => [wideColumnName(cell), cell.value ?? null]));
      return csvLine([file, body, year, report.edition, ...wideCellColumns().map((column) => byColumn.get(column)), problems]);
    }
    let line = head;
    const seen = new Set<string>();
    for (const cell of cells) {
      const column = wideColumnName(cell);
      if (seen.has(column)) continue;
      seen.add(column);
      line += `,${JSON.stringify(column)}:${jsonNumber(cell.value)}`;
    }
    return `${line},"${WIDE_PROBLEMS_COLUMN}":${JSON.stringify(problems)}}\n`;
  }
  let text = "";
  for (const cell of cells) {
    const table = TABLE_ORDINALS[cell.table];
    const value = cell.value ?? null;
    const problem = problemOf(cell.pointer);
    if (format === "csv") {
      text += csvLine([file, body, year, report.edition, table, cell.labels.qualifiedRow, cell.labels.column, value, cell.pointer, problem]);
    } else {
      text += `${head},"table":${JSON.stringify(table)},"row":${JSON.stringify(cell.labels.qualifiedRow)},"column":${JSON.stringify(cell.labels.column)},"value":${jsonNumber(value)},"pointer":${JSON.stringify(cell.pointer)},"problem":${JSON.stringify(problem)}}\n`;
    }
  }
  return text;
}
