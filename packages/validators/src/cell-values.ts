/**
 * Reading every numeric cell of a raw (possibly malformed) input once, with a status per cell, so that one bad
 * cell only makes the rules that use it not assessable.
 */
import { cellsOf, LAYOUTS, type CellInfo, type CellKind, type Edition } from "@xxgk/schema/layout";
import type { DiagnosticCell } from "./types.js";

/** Status of a cell as read from raw input. */
export const CellStatus = {
  /** A valid number for the cell's kind. */
  Ok: 0,
  /** `null`: blank as published. */
  Blank: 1,
  /** Absent (the row or the cell is missing). */
  Missing: 2,
  /** Present but not a valid value (a string, a fraction in a count, a negative count …). */
  Invalid: 3,
  /**
   * `null`, and the report's `import` block lists the cell as unreadable or absent: the published document had
   * something there that could not be read when imported. Not blank; never taken as 0.
   */
  Unreadable: 4,
} as const;

/** The cells of one edition with an index, and English labels for English messages. */
export interface CellTable {
  readonly edition: Edition;
  readonly cells: readonly CellInfo[];
  readonly index: ReadonlyMap<string, number>;
  /** English label per cell, e.g. `Table 3 / Natural persons / Total handled`. */
  readonly labelsEn: readonly string[];
  /** Row groups: for each (section,row) the cell indexes in column order, to read a row object once. */
  readonly rows: readonly { section: string; row: string; columns: readonly { key: string; index: number }[] }[];
  /** Groups of cells reported together when blank: 表三 by column, 表二 and 表四 by row (group). */
  readonly blankGroups: readonly (readonly number[])[];
}

function englishLabel(edition: Edition, cell: CellInfo): string {
  const layout = LAYOUTS[edition];
  if (cell.table === "table2") {
    for (const block of layout.table2.blocks) {
      const row = block.rows.find((candidate) => candidate.key === cell.row);
      const column = block.columns.find((candidate) => candidate.key === cell.column);
      if (row && column) return `Table 2 / ${row.english} / ${column.english}`;
    }
  }
  if (cell.table === "table3") {
    const row = layout.table3.rows.find((candidate) => candidate.key === cell.row);
    const column = layout.table3.columns.find((candidate) => candidate.key === cell.column);
    return `Table 3 / ${column?.english ?? cell.column} / ${row?.english ?? cell.row}`;
  }
  const group = layout.table4.groups.find((candidate) => candidate.key === cell.row);
  const column = layout.table4.columns.find((candidate) => candidate.key === cell.column);
  return `Table 4 / ${group?.english ?? cell.row} / ${column?.english ?? cell.column}`;
}

function buildTable(edition: Edition): CellTable {
  const cells = cellsOf(edition);
  const index = new Map<string, number>();
  const rows: { section: string; row: string; columns: { key: string; index: number }[] }[] = [];
  cells.forEach((cell, position) => {
    index.set(cell.pointer, position);
    const last = rows[rows.length - 1];
    if (last && last.section === cell.section && last.row === cell.row) last.columns.push({ key: cell.column, index: position });
    else rows.push({ section: cell.section, row: cell.row, columns: [{ key: cell.column, index: position }] });
  });
  const blankGroups = new Map<string, number[]>();
  cells.forEach((cell, position) => {
    const key = cell.table === "table3" ? `table3|${cell.column}` : `${cell.table}|${cell.row}`;
    const members = blankGroups.get(key);
    if (members) members.push(position);
    else blankGroups.set(key, [position]);
  });
  return {
    edition,
    cells,
    index,
    labelsEn: cells.map((cell) => englishLabel(edition, cell)),
    rows,
    blankGroups: [...blankGroups.values()],
  };
}

// Built on first use, one edition at a time.
const TABLES: Partial<Record<Edition, CellTable>> = {};

/** The cell table of an edition. */
export function cellTable(edition: Edition): CellTable {
  return (TABLES[edition] ??= buildTable(edition));
}

/** The values of every cell of one raw input. */
export interface CellValues {
  readonly table: CellTable;
  /** Numeric value (meaningful only when the status is Ok). */
  readonly values: Float64Array;
  readonly status: Uint8Array;
  /** The raw value of each cell, for messages about invalid cells. */
  readonly raw: unknown[];
}

/**
 * True when `value` is valid for a cell of `kind`. A count beyond ±(2^53 − 1) is invalid, as the JSON Schema says:
 * reading JSON has already rounded it (9007199254740993 reads as 9007199254740992), so the stated figure is not known.
 */
export function isValidCellValue(kind: CellKind, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (kind === "amount") return value >= 0;
  if (!Number.isSafeInteger(value)) return false;
  return kind === "signedCount" || value >= 0;
}

/** Reads every cell of `input` (any JSON value) against the layout of `edition`. Never throws. */
export function readCellValues(input: unknown, edition: Edition): CellValues {
  const table = cellTable(edition);
  const count = table.cells.length;
  const values = new Float64Array(count);
  const status = new Uint8Array(count).fill(CellStatus.Missing);
  const raw: unknown[] = new Array(count);
  const root =
    input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
  if (!root) return { table, values, status, raw };
  // Own properties only: a key inherited from a prototype is as absent as a missing one. Objects parsed from JSON have
  // Object.prototype, which holds none of the layout's keys, so only other objects pay for the hasOwn check.
  const own = (object: object, key: string): unknown => {
    const value = (object as Record<string, unknown>)[key];
    if (value === undefined || Object.getPrototypeOf(object) === Object.prototype) return value;
    return Object.hasOwn(object, key) ? value : undefined;
  };
  let sectionKey = "";
  let section: unknown;
  for (const group of table.rows) {
    if (group.section !== sectionKey) {
      sectionKey = group.section;
      section = own(root, sectionKey);
    }
    if (section === null || typeof section !== "object" || Array.isArray(section)) continue;
    const row = own(section, group.row);
    if (row === null || typeof row !== "object" || Array.isArray(row)) continue;
    for (const column of group.columns) {
      const value = own(row, column.key);
      if (value === undefined) continue;
      raw[column.index] = value;
      if (value === null) status[column.index] = CellStatus.Blank;
      else if (typeof value === "number" && isValidCellValue(table.cells[column.index]!.kind, value)) {
        status[column.index] = CellStatus.Ok;
        values[column.index] = value;
      } else status[column.index] = CellStatus.Invalid;
    }
  }
  for (const pointer of importedUnreadable(root)) {
    const index = table.index.get(pointer);
    if (index !== undefined && status[index] === CellStatus.Blank) status[index] = CellStatus.Unreadable;
  }
  return { table, values, status, raw };
}

/** The cells the report's `import` block (written by @xxgk/importer) lists as unreadable or absent. */
function importedUnreadable(root: Record<string, unknown>): string[] {
  const record = root.import;
  if (record === null || typeof record !== "object" || Array.isArray(record)) return [];
  const lists = [(record as Record<string, unknown>).unreadable, (record as Record<string, unknown>).absent];
  return lists.flatMap((list) => (Array.isArray(list) ? list.filter((item): item is string => typeof item === "string") : []));
}

/** The stated value of a cell for diagnostics: the number, `null` when blank, `undefined` otherwise. */
export function statedValue(values: CellValues, index: number): number | null | undefined {
  const status = values.status[index];
  if (status === CellStatus.Ok) return values.values[index]!;
  if (status === CellStatus.Blank || status === CellStatus.Unreadable) return null;
  const raw = values.raw[index];
  // Infinity and NaN would become null (blank) in JSON: leave them out.
  return typeof raw === "number" && Number.isFinite(raw) ? raw : undefined;
}

/** A cell for a diagnostic: pointer, labels in both languages and stated value; last year's cells are marked. */
export function diagnosticCell(values: CellValues, index: number, previous = false): DiagnosticCell {
  const info = values.table.cells[index]!;
  const cell: DiagnosticCell = {
    pointer: info.pointer,
    label: previous ? `上年报告 / ${info.label}` : info.label,
    labelEn: previous ? `Previous report / ${values.table.labelsEn[index]!}` : values.table.labelsEn[index]!,
    value: statedValue(values, index),
  };
  if (values.status[index] === CellStatus.Unreadable) cell.unreadable = true;
  if (previous) cell.document = "previous";
  return cell;
}

/** Infers the edition of a raw input: its `edition` field, else the shape of 表三, else the report year. */
export function inferEdition(input: unknown): Edition | undefined {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return undefined;
  const record = input as Record<string, unknown>;
  if (record.edition === "2021" || record.edition === "2019") return record.edition;
  const applications = record.applications;
  if (applications !== null && typeof applications === "object") {
    if (Object.hasOwn(applications, "otherNoCorrection") || Object.hasOwn(applications, "otherOther")) return "2021";
    if (Object.hasOwn(applications, "otherHandling")) return "2019";
  }
  const meta = record.meta;
  const year = meta !== null && typeof meta === "object" ? (meta as Record<string, unknown>).year : undefined;
  if (typeof year === "number" && Number.isInteger(year)) {
    if (year >= 2021) return "2021";
    if (year >= 2019) return "2019";
  }
  return undefined;
}
