/**
 * Walking the cells of a report with their JSON Pointers and official labels, derived from the layout data.
 */
import {
  EDITIONS,
  LAYOUTS,
  SECTION_LAYOUTS,
  TABLE_NAMES,
  type CellKind,
  type Edition,
  type SectionKey,
  type TableKey,
} from "./layout.js";
import type { Prose, Report, Report2019, Report2021 } from "./schema.js";
import { META_FIELD_LABELS, META_GROUP_LABEL, REPORT_YEAR_RANGE } from "./constraints.js";

/** Where a cell sits in the layout, with its official labels. Independent of any report's values. */
export interface CellInfo {
  /** The edition whose layout this cell belongs to. */
  readonly edition: Edition;
  /** Which table: `table2`, `table3` or `table4`. */
  readonly table: TableKey;
  /** The report property that holds the table. */
  readonly section: SectionKey;
  /** Key of the row object (表二/表三 row, or 表四 group). */
  readonly row: string;
  /** Key of the cell inside its row object. */
  readonly column: string;
  /** Property path from the report root: `[section, row, column]`. */
  readonly path: readonly [SectionKey, string, string];
  /** RFC 6901 JSON Pointer, e.g. `/applications/newlyReceived/naturalPerson`. */
  readonly pointer: string;
  /** What the cell holds. */
  readonly kind: CellKind;
  /** Official labels. */
  readonly labels: CellLabels;
  /**
   * The human label used in diagnostics, e.g. `表三 / 自然人 / 一、本年新收政府信息公开申请数量`,
   * `表四 / 行政复议 / 总计`, `表二 / 规章 / 本年制发件数`.
   */
  readonly label: string;
}

/** Official labels of a cell. */
export interface CellLabels {
  /** `表二`, `表三` or `表四`. */
  readonly table: string;
  /** 表二 only: the block caption, e.g. `第二十条第（一）项`. */
  readonly caption?: string;
  /** The row's own official label (表四: the group label, e.g. `复议后起诉`). */
  readonly row: string;
  /**
   * The row label qualified by its group below the top level, joined with `/`:
   * `（三）不予公开/1.属于国家秘密`, `（一）予以公开`, `一、本年新收政府信息公开申请数量`. Used by exports.
   */
  readonly qualifiedRow: string;
  /** Enclosing group labels of the row, outermost first (表四: `行政诉讼` where it applies). */
  readonly rowGroups: readonly string[];
  /** The column's own official label, e.g. `自然人`, `结果维持`, `本年制发件数`. */
  readonly column: string;
  /** Enclosing group label of the column (`法人或其他组织`) or null. */
  readonly columnGroup: string | null;
}

/** A cell of one report: where it is and what it holds (`null` = blank as published). */
export interface Cell extends CellInfo {
  /** The stated value; `null` when blank; `undefined` when the report lacks the cell (structurally invalid). */
  readonly value: number | null | undefined;
}

function pointerOf(path: readonly string[]): string {
  return `/${path.map((part) => part.replace(/~/g, "~0").replace(/\//g, "~1")).join("/")}`;
}

function buildCells(edition: Edition): readonly CellInfo[] {
  const layout = LAYOUTS[edition];
  const cells: CellInfo[] = [];
  const push = (info: Omit<CellInfo, "pointer" | "edition">) =>
    cells.push(Object.freeze({ ...info, edition, pointer: pointerOf(info.path) }));

  for (const block of layout.table2.blocks) {
    for (const row of block.rows) {
      for (const column of block.columns) {
        push({
          table: "table2",
          section: "proactiveDisclosure",
          row: row.key,
          column: column.key,
          path: ["proactiveDisclosure", row.key, column.key],
          kind: column.kind,
          labels: {
            table: TABLE_NAMES.table2,
            caption: block.caption,
            row: row.label,
            qualifiedRow: row.label,
            rowGroups: [],
            column: column.label,
            columnGroup: null,
          },
          label: `${TABLE_NAMES.table2} / ${row.label} / ${column.label}`,
        });
      }
    }
  }
  for (const row of layout.table3.rows) {
    for (const column of layout.table3.columns) {
      push({
        table: "table3",
        section: "applications",
        row: row.key,
        column: column.key,
        path: ["applications", row.key, column.key],
        kind: "count",
        labels: {
          table: TABLE_NAMES.table3,
          row: row.label,
          qualifiedRow: [...row.groups.slice(1), row.label].join("/"),
          rowGroups: row.groups,
          column: column.label,
          columnGroup: column.group,
        },
        label: `${TABLE_NAMES.table3} / ${column.label} / ${row.label}`,
      });
    }
  }
  for (const group of layout.table4.groups) {
    for (const column of layout.table4.columns) {
      push({
        table: "table4",
        section: "reviewAndLitigation",
        row: group.key,
        column: column.key,
        path: ["reviewAndLitigation", group.key, column.key],
        kind: "count",
        labels: {
          table: TABLE_NAMES.table4,
          row: group.label,
          qualifiedRow: group.label,
          rowGroups: group.parent ? [group.parent] : [],
          column: column.label,
          columnGroup: null,
        },
        label: `${TABLE_NAMES.table4} / ${group.label} / ${column.label}`,
      });
    }
  }
  return Object.freeze(cells);
}

// Built on first use, one edition at a time: a command checking one report pays only for its edition.
const CELLS: Partial<Record<Edition, readonly CellInfo[]>> = {};
const BY_POINTER: Partial<Record<Edition, ReadonlyMap<string, CellInfo>>> = {};

/** Every numeric cell of an edition's layout, in reading order (表二, 表三 row by row, 表四). */
export function cellsOf(edition: Edition): readonly CellInfo[] {
  return (CELLS[edition] ??= buildCells(edition));
}

/** The cell at a JSON Pointer (e.g. `/applications/total/total`), or undefined when the pointer is not a cell. */
export function cellAt(edition: Edition, pointer: string): CellInfo | undefined {
  const byPointer = (BY_POINTER[edition] ??= new Map(cellsOf(edition).map((cell) => [cell.pointer, cell])));
  return byPointer.get(pointer);
}

/** The human label of a JSON Pointer: a cell's label, a section heading, or the pointer itself. */
export function labelOfPointer(edition: Edition, pointer: string): string {
  const cell = cellAt(edition, pointer);
  if (cell) return cell.label;
  const [, top, second, ...rest] = pointer.split("/").map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (top === "meta") {
    const field = second !== undefined ? META_FIELD_LABELS[second as keyof typeof META_FIELD_LABELS] : undefined;
    return [META_GROUP_LABEL, field ?? second, ...rest].filter((part) => part !== undefined).join(" / ");
  }
  const section = SECTION_LAYOUTS.find((candidate) => candidate.key === top);
  if (!section) return pointer;
  if (second === undefined) return section.heading;
  // A row (or a cell the layout does not have) of a table: name the row as the layout does, if it knows it.
  const row = cellsOf(edition).find((candidate) => candidate.section === section.key && candidate.row === second);
  if (row) return [row.labels.table, ...row.labels.rowGroups.slice(row.table === "table3" ? 1 : 0), row.labels.row, ...rest].join(" / ");
  return [section.heading, second, ...rest].join(" / ");
}

/** Reads a cell's value from a report, tolerating a structurally incomplete report (`undefined` when absent). */
export function readCell(report: unknown, cell: Pick<CellInfo, "path">): number | null | undefined {
  let node: unknown = report;
  for (const key of cell.path) {
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  if (node === null) return null;
  return typeof node === "number" ? node : undefined;
}

/** Every cell of a report with its value and labels, in reading order. */
export function walkCells(report: Report): Cell[] {
  return cellsOf(report.edition).map((cell) => ({ ...cell, value: readCell(report, cell) }));
}

/** Options for {@link createEmptyReport}. */
export interface EmptyReportOptions<E extends Edition = Edition> {
  /** Format edition. */
  edition: E;
  /** Report year. */
  year: number;
  /** Name of the reporting body. */
  body: string;
  /** Value put in every cell: 0 (the default, a report ready to fill in) or null (all blank). */
  fill?: 0 | null;
}

const emptyProse = (): Prose => ({ paragraphs: [] });

/** Thrown by {@link createEmptyReport} for options that cannot make a valid report (a programming error). */
export class ReportOptionsError extends Error {
  override readonly name = "ReportOptionsError";
  /** Stable code: `UNKNOWN_EDITION`, `INVALID_YEAR` or `INVALID_BODY`. */
  readonly code: "UNKNOWN_EDITION" | "INVALID_YEAR" | "INVALID_BODY";

  constructor(code: ReportOptionsError["code"], message: string) {
    super(message);
    this.code = code;
  }
}

/** A new report with every cell 0 (or `null` with `fill: null`) and empty prose sections. */
export function createEmptyReport(options: EmptyReportOptions<"2021">): Report2021;
export function createEmptyReport(options: EmptyReportOptions<"2019">): Report2019;
export function createEmptyReport(options: EmptyReportOptions): Report;
export function createEmptyReport(options: EmptyReportOptions): Report {
  if (!EDITIONS.includes(options.edition)) {
    throw new ReportOptionsError("UNKNOWN_EDITION", `unknown edition ${JSON.stringify(options.edition)}; expected ${EDITIONS.join(" or ")}`);
  }
  if (!Number.isSafeInteger(options.year) || options.year < REPORT_YEAR_RANGE.min || options.year > REPORT_YEAR_RANGE.max) {
    throw new ReportOptionsError(
      "INVALID_YEAR",
      `year must be an integer from ${REPORT_YEAR_RANGE.min} to ${REPORT_YEAR_RANGE.max}, got ${String(options.year)}`,
    );
  }
  if (typeof options.body !== "string" || options.body.length === 0) {
    throw new ReportOptionsError("INVALID_BODY", "body (the name of the reporting body) must be a non-empty string");
  }
  const fill = options.fill === undefined ? 0 : options.fill;
  const tables: Record<string, Record<string, Record<string, number | null>>> = {
    proactiveDisclosure: {},
    applications: {},
    reviewAndLitigation: {},
  };
  for (const cell of cellsOf(options.edition)) {
    const table = tables[cell.section]!;
    (table[cell.row] ??= {})[cell.column] = fill;
  }
  return {
    edition: options.edition,
    meta: { body: options.body, year: options.year },
    overview: emptyProse(),
    proactiveDisclosure: tables.proactiveDisclosure,
    applications: tables.applications,
    reviewAndLitigation: tables.reviewAndLitigation,
    problemsAndImprovements: emptyProse(),
    otherMatters: emptyProse(),
  } as unknown as Report;
}
