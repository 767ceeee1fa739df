/**
 * Pure edits of a report: every function returns a new report and leaves its argument untouched, so undo/redo
 * can keep the old one. Cells, rows and labels come from the layout data of @xxgk/schema.
 */
import {
  cellAt,
  cellsOf,
  createEmptyReport,
  editionForYear,
  layoutOf,
  readCell,
  type CellInfo,
  type Edition,
  type Prose,
  type Report,
  type TableKey,
} from "@xxgk/schema/layout";
import { parseCellInput } from "./cell-input.js";

/** A report as the editor handles it: any edition, as plain mutable-shaped JSON. */
type Json = Record<string, unknown>;

/** A new report with every cell blank (the clerk fills it; blank is not zero) and empty prose. */
export function newReport(options: { year: number; body: string; title?: string; publishedOn?: string }): Report {
  const edition = editionForYear(options.year);
  if (edition === null) throw new RangeError(`report year ${options.year} is before 2019: the format does not cover it`);
  const report = createEmptyReport({ edition, year: options.year, body: options.body, fill: null });
  if (options.title) report.meta.title = options.title;
  if (options.publishedOn) report.meta.publishedOn = options.publishedOn;
  return report;
}

/** The report with one cell set. The pointer must name a cell of the report's edition. */
export function setCell(report: Report, pointer: string, value: number | null): Report {
  const cell = cellAt(report.edition, pointer);
  if (!cell) throw new RangeError(`${pointer} is not a cell of edition ${report.edition}`);
  return setCells(report, [[cell, value]]);
}

/** The report with several cells set, copying each touched section and row once. */
export function setCells(report: Report, edits: readonly (readonly [CellInfo, number | null])[]): Report {
  if (edits.length === 0) return report;
  const next = { ...report } as unknown as Json;
  const copiedSections = new Set<string>();
  const copiedRows = new Set<string>();
  for (const [cell, value] of edits) {
    const [section, row, column] = cell.path;
    if (!copiedSections.has(section)) {
      next[section] = { ...(next[section] as Json) };
      copiedSections.add(section);
    }
    const rows = next[section] as Json;
    const rowId = `${section}/${row}`;
    if (!copiedRows.has(rowId)) {
      rows[row] = { ...(rows[row] as Json) };
      copiedRows.add(rowId);
    }
    (rows[row] as Json)[column] = value;
  }
  return next as unknown as Report;
}

/** The value of a cell (null when blank). */
export function valueAt(report: Report, pointer: string): number | null {
  const cell = cellAt(report.edition, pointer);
  return cell ? (readCell(report, cell) ?? null) : null;
}

// ---------------------------------------------------------------------------------------------------------
// The grid: where each cell sits for keyboard navigation and paste.

/** Position of a cell in its table's grid of inputs (rows and columns as the official layout draws them). */
export interface GridPosition {
  readonly table: TableKey;
  readonly row: number;
  readonly column: number;
}

/** The input grid of each table: rows of cell pointers in reading order (表四 is one row of 15). */
export interface EditorGrid {
  readonly tables: Readonly<Record<TableKey, readonly (readonly string[])[]>>;
  readonly positions: ReadonlyMap<string, GridPosition>;
}

const GRIDS = new Map<Edition, EditorGrid>();

/** The editor grid of an edition, from the layout data. */
export function editorGrid(edition: Edition): EditorGrid {
  const cached = GRIDS.get(edition);
  if (cached) return cached;
  const layout = layoutOf(edition);
  const pointer = (section: string, row: string, column: string) => `/${section}/${row}/${column}`;
  const tables: Record<TableKey, string[][]> = {
    table2: layout.table2.blocks.flatMap((block) =>
      block.rows.map((row) => block.columns.map((column) => pointer("proactiveDisclosure", row.key, column.key))),
    ),
    table3: layout.table3.rows.map((row) => layout.table3.columns.map((column) => pointer("applications", row.key, column.key))),
    table4: [layout.table4.groups.flatMap((group) => layout.table4.columns.map((column) => pointer("reviewAndLitigation", group.key, column.key)))],
  };
  const positions = new Map<string, GridPosition>();
  for (const table of Object.keys(tables) as TableKey[]) {
    tables[table].forEach((cells, row) => cells.forEach((cell, column) => positions.set(cell, { table, row, column })));
  }
  const grid = { tables, positions };
  GRIDS.set(edition, grid);
  return grid;
}

/** Where an arrow key (or Enter) moves from a cell, staying inside its table; undefined at the edge. */
export function neighbour(edition: Edition, pointer: string, direction: "up" | "down" | "left" | "right"): string | undefined {
  const grid = editorGrid(edition);
  const position = grid.positions.get(pointer);
  if (!position) return undefined;
  const rows = grid.tables[position.table];
  if (direction === "left" || direction === "right") {
    return rows[position.row]?.[position.column + (direction === "left" ? -1 : 1)];
  }
  const target = rows[position.row + (direction === "up" ? -1 : 1)];
  if (!target) return undefined;
  // Rows of 表二 differ in width: keep the column, or land on the last one.
  return target[Math.min(position.column, target.length - 1)];
}

/** The outcome of a paste. */
export interface PasteResult {
  readonly report: Report;
  /** Cells written. */
  readonly written: number;
  /** Values that fell outside the table. */
  readonly skipped: number;
  /** Values that are not valid for their cell (left unchanged). */
  readonly invalid: number;
  /** Pointers written, for highlighting. */
  readonly pointers: readonly string[];
}

/** Pastes a rectangular block of cell texts with its top-left corner at a cell, as a spreadsheet does. */
export function pasteBlock(report: Report, at: string, block: readonly (readonly string[])[]): PasteResult {
  const grid = editorGrid(report.edition);
  const start = grid.positions.get(at);
  if (!start) return { report, written: 0, skipped: 0, invalid: 0, pointers: [] };
  const rows = grid.tables[start.table];
  const edits: [CellInfo, number | null][] = [];
  let skipped = 0;
  let invalid = 0;
  block.forEach((values, rowOffset) => {
    values.forEach((text, columnOffset) => {
      const pointer = rows[start.row + rowOffset]?.[start.column + columnOffset];
      const cell = pointer === undefined ? undefined : cellAt(report.edition, pointer);
      if (!cell) {
        skipped += 1;
        return;
      }
      const parsed = parseCellInput(cell.kind, text);
      if (parsed.ok) edits.push([cell, parsed.value]);
      else invalid += 1;
    });
  });
  return {
    report: setCells(report, edits),
    written: edits.length,
    skipped,
    invalid,
    pointers: edits.map(([cell]) => cell.pointer),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Totals, on request only.

/**
 * Fills the total cells that the details determine: in 表三 each row's 总计 (the sum of the six applicant columns),
 * then each column's （七）总计 (the sum of the outcome rows); in 表四 each group's 总计. A total is written only
 * when every detail it sums is filled in — blank details leave it as it is, because blank is not zero.
 * Which cells are totals and details comes from the layout (the `total` column, the row roles).
 */
export function fillTotals(report: Report): { report: Report; filled: string[] } {
  const layout = layoutOf(report.edition);
  const filled: string[] = [];
  let current = report;
  const sumOrNull = (pointers: readonly string[]): number | null => {
    let sum = 0;
    for (const pointer of pointers) {
      const value = valueAt(current, pointer);
      if (value === null) return null;
      sum += value;
    }
    return sum;
  };
  const write = (pointer: string, details: readonly string[]) => {
    const sum = sumOrNull(details);
    if (sum === null || valueAt(current, pointer) === sum) return;
    current = setCell(current, pointer, sum);
    filled.push(pointer);
  };
  const t3 = layout.table3;
  const detailColumns = t3.columns.filter((column) => column.key !== "total");
  const outcomeRows = t3.rows.filter((row) => row.role === "outcome");
  const outcomeTotal = t3.rows.find((row) => row.role === "outcomeTotal")!;
  const p3 = (row: string, column: string) => `/applications/${row}/${column}`;
  for (const row of t3.rows) {
    if (row.role === "outcomeTotal") continue;
    write(p3(row.key, "total"), detailColumns.map((column) => p3(row.key, column.key)));
  }
  for (const column of t3.columns) {
    write(p3(outcomeTotal.key, column.key), outcomeRows.map((row) => p3(row.key, column.key)));
  }
  const t4 = layout.table4;
  for (const group of t4.groups) {
    const p4 = (column: string) => `/reviewAndLitigation/${group.key}/${column}`;
    write(p4("total"), t4.columns.filter((column) => column.key !== "total").map((column) => p4(column.key)));
  }
  return { report: current, filled };
}

// ---------------------------------------------------------------------------------------------------------
// Last year's report.

/**
 * Prefills what last year's report determines: 表三 二、上年结转 from last year's 四、结转下年度继续办理 (column by column),
 * and, in edition 2019 after a 2019 report, 表二's 上一年项目数量 from last year's 上一年项目数量 + 本年增/减. Cells the
 * clerk has already filled are left alone (the cross-year rules then say whether they agree). Returns the pointers
 * written.
 */
export function prefillFromPrevious(report: Report, previous: Report): { report: Report; filled: string[] } {
  const edits: [CellInfo, number | null][] = [];
  const t3 = layoutOf(report.edition).table3;
  const carriedOver = t3.rows.find((row) => row.role === "carriedOver")!;
  const previousForward = layoutOf(previous.edition).table3.rows.find((row) => row.role === "carriedForward")!;
  for (const column of t3.columns) {
    const target = cellAt(report.edition, `/applications/${carriedOver.key}/${column.key}`)!;
    const source = valueAt(previous, `/applications/${previousForward.key}/${column.key}`);
    if (readCell(report, target) === null && source !== null) edits.push([target, source]);
  }
  if (report.edition === "2019" && previous.edition === "2019") {
    for (const cell of cellsOf("2019")) {
      if (cell.table !== "table2" || cell.column !== "previousItems" || readCell(report, cell) !== null) continue;
      const base = valueAt(previous, cell.pointer);
      const change = valueAt(previous, `/proactiveDisclosure/${cell.row}/change`);
      if (base !== null && change !== null && base + change >= 0) edits.push([cell, base + change]);
    }
  }
  return { report: setCells(report, edits), filled: edits.map(([cell]) => cell.pointer) };
}

/** A new report for the year after last year's: same body, the edition of the new year, prefilled. */
export function reportAfter(previous: Report): { report: Report; filled: string[] } {
  const report = newReport({ year: previous.meta.year + 1, body: previous.meta.body });
  for (const key of ["regionCode", "creditCode", "level"] as const) {
    const value = previous.meta[key];
    if (value !== undefined) (report.meta as Record<string, unknown>)[key] = value;
  }
  return prefillFromPrevious(report, previous);
}

// ---------------------------------------------------------------------------------------------------------
// Metadata and editions.

/**
 * The report with a new year. When the year belongs to the other edition, the tables are carried over where both
 * editions have the same cell (表三 but its （六）, 表四) and the rest starts blank. Prose and metadata are kept.
 */
export function changeYear(report: Report, year: number): { report: Report; editionChanged: boolean } {
  const edition = editionForYear(year);
  if (edition === null || edition === report.edition) {
    return { report: { ...report, meta: { ...report.meta, year } } as Report, editionChanged: false };
  }
  const fresh = createEmptyReport({ edition, year, body: report.meta.body, fill: null });
  const edits: [CellInfo, number | null][] = [];
  for (const cell of cellsOf(edition)) {
    if (cell.table === "table2") continue;
    const old = cellAt(report.edition, cell.pointer);
    if (old) edits.push([cell, readCell(report, old) ?? null]);
  }
  const tables = setCells(fresh, edits);
  const next = {
    ...report,
    edition,
    meta: { ...report.meta, year },
    proactiveDisclosure: tables.proactiveDisclosure,
    applications: tables.applications,
    reviewAndLitigation: tables.reviewAndLitigation,
  } as Report;
  return { report: next, editionChanged: true };
}

// ---------------------------------------------------------------------------------------------------------
// Prose.

/** Paragraphs from a text area: one paragraph per non-empty line, trimmed. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The text area text of paragraphs. */
export function textOf(paragraphs: readonly string[]): string {
  return paragraphs.join("\n");
}

/** Prose keys of the report: the optional preamble and the three prose sections. */
export type ProseKey = "preamble" | "overview" | "problemsAndImprovements" | "otherMatters";

/** The report with a prose section replaced (an empty preamble is removed, as a published report has none). */
export function setProse(report: Report, key: ProseKey, prose: Prose): Report {
  const next = { ...report } as unknown as Json;
  if (key === "preamble" && prose.paragraphs.length === 0 && (prose.parts?.length ?? 0) === 0) delete next.preamble;
  else next[key] = prose;
  return next as unknown as Report;
}

/**
 * The customary parts of 一、总体情况 that most reports use (the format names the topics, not the wording); a new
 * report starts with them so the clerk sees what to write about.
 */
export const OVERVIEW_PARTS = {
  zh: ["（一）主动公开情况", "（二）依申请公开情况", "（三）政府信息管理情况", "（四）平台建设情况", "（五）监督保障情况"],
} as const;

/** The report's overview with the customary parts added when it has none yet. */
export function withOverviewParts(report: Report): Report {
  if ((report.overview.parts?.length ?? 0) > 0) return report;
  return {
    ...report,
    overview: { ...report.overview, parts: OVERVIEW_PARTS.zh.map((title) => ({ title, paragraphs: [] })) },
  } as Report;
}
