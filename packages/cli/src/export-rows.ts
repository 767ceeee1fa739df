/**
 * The analyst's dataset: one row per cell (long form) or one row per report (wide form). Labels come from
 * @xxgk/schema's layout (`labels.qualifiedRow`, `labels.column`), so they are the official wording.
 * A blank cell (`null`) is exported as an empty value, never as 0.
 */
import { cellsOf, EDITIONS, TABLE_ORDINALS, walkCells, type CellInfo, type Report } from "@xxgk/schema/layout";
import { csvLine } from "./output/csv.js";

/** Columns of the long form, in order. */
export const LONG_COLUMNS = ["file", "body", "year", "edition", "table", "row", "column", "value", "pointer"] as const;

/** The leading columns of the wide form; one column per cell follows. */
export const WIDE_LEADING_COLUMNS = ["file", "body", "year", "edition"] as const;

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

/** The header of an export (empty for NDJSON). */
export function exportHeader(format: ExportFormat, wide: boolean): string {
  if (format === "ndjson") return "";
  return csvLine(wide ? [...WIDE_LEADING_COLUMNS, ...wideCellColumns()] : [...LONG_COLUMNS]);
}

/** The rows of one report, formatted. */
export function exportReport(report: Report, file: string, format: ExportFormat, wide: boolean): string {
  const { body, year } = report.meta;
  const cells = walkCells(report);
  if (wide) {
    const byColumn = new Map(cells.map((cell) => [wideColumnName(cell), cell.value ?? null]));
    if (format === "csv") return csvLine([file, body, year, report.edition, ...wideCellColumns().map((column) => byColumn.get(column))]);
    const record: Record<string, string | number | null> = { file, body, year, edition: report.edition };
    for (const [column, value] of byColumn) record[column] = value;
    return `${JSON.stringify(record)}\n`;
  }
  let text = "";
  for (const cell of cells) {
    const table = TABLE_ORDINALS[cell.table];
    const value = cell.value ?? null;
    if (format === "csv") {
      text += csvLine([file, body, year, report.edition, table, cell.labels.qualifiedRow, cell.labels.column, value, cell.pointer]);
    } else {
      text += `${JSON.stringify({ file, body, year, edition: report.edition, table, row: cell.labels.qualifiedRow, column: cell.labels.column, value, pointer: cell.pointer })}\n`;
    }
  }
  return text;
}
