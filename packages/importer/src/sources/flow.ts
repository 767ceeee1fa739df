/**
 * The reading-order model the HTML and DOCX readers build while parsing, and the one walk that turns it into
 * `SourceLine`s. Both formats nest tables inside table cells (site templates, 索引号 boxes, Word layout tables), so
 * the decision "is this table data or layout?" needs the whole table; the readers therefore first build this small
 * tree (text, breaks, tables → rows → cells) and this module walks it with an explicit stack — never by recursion,
 * so 50,000 nested elements cost memory proportional to the input and nothing else.
 */
import type { SourceCell, SourceLine, SourcePosition } from "../source-document.js";
import { normalizeText } from "./text.js";

/** A paragraph or line boundary. */
export const BREAK = 0;
/** A tab: splits a paragraph outside tables into cells; inside a table cell it is whitespace. */
export const TAB = 1;

/** One item of content in reading order. */
export type FlowItem = string | typeof BREAK | typeof TAB | FlowTable;

/** A cell of a table as written in the source. */
export interface FlowCell {
  readonly items: FlowItem[];
  /** 1-based number of the cell within its row as written in the source. */
  readonly sourceCell: number;
  /** Grid column after spans are expanded (0-based); set by the reader when the table is complete. */
  gridColumn: number;
  rowSpan: number;
  colSpan: number;
  /** DOCX: a `w:vMerge` continuation, covered by the cell above; not emitted. */
  covered: boolean;
}

/** A table row as written in the source. */
export interface FlowRow {
  readonly cells: FlowCell[];
  /** 1-based number of the row within its table as written in the source. */
  readonly sourceRow: number;
}

/** A table. */
export interface FlowTable {
  readonly kind: "table";
  readonly rows: FlowRow[];
  /** True when one of its cells holds another table (then it lays out the page rather than holding data). */
  containsTable: boolean;
}

/** A new empty table. */
export function newTable(): FlowTable {
  return { kind: "table", rows: [], containsTable: false };
}

/** A new empty cell. */
export function newCell(sourceCell: number, colSpan = 1, rowSpan = 1): FlowCell {
  return { items: [], sourceCell, gridColumn: 0, rowSpan, colSpan, covered: false };
}

/** Longest text a data cell holds; a cell with more is a page column, not a table cell. */
const MAX_DATA_CELL_CHARACTERS = 2_000;

/**
 * True when the table lays out the page rather than holding data: a cell holds another table, the table is one
 * single cell (a frame around the article), or a cell holds more text than any report table cell does.
 */
export function isLayoutTable(table: FlowTable): boolean {
  if (table.containsTable) return true;
  let cells = 0;
  for (const row of table.rows) {
    for (const cell of row.cells) {
      cells++;
      let length = 0;
      for (const item of cell.items) if (typeof item === "string") length += item.length;
      if (length > MAX_DATA_CELL_CHARACTERS) return true;
    }
  }
  return cells === 1;
}

function cellText(cell: FlowCell): string {
  let raw = "";
  for (const item of cell.items) {
    if (typeof item === "string") raw += item;
    else if (item === BREAK) raw += "\n";
    else if (item === TAB) raw += "\t";
  }
  return normalizeText(raw);
}

/**
 * Turns the content of a document into lines: paragraphs (split into cells at tabs) in reading order, and one line
 * per row of every data table with its cells, spans and grid columns. Layout tables contribute their cells' content
 * as paragraphs, in order, so tables nested in them are reached and emitted as data tables.
 */
export function emitLines(root: FlowItem[], kind: "html" | "docx"): SourceLine[] {
  const lines: SourceLine[] = [];
  let block = 0;
  let tableIndex = 0;
  let pieces: string[] = [""];

  const flush = () => {
    const texts = pieces.map(normalizeText);
    pieces = [""];
    let first = 0;
    let last = texts.length - 1;
    while (first <= last && texts[first] === "") first++;
    while (last >= first && texts[last] === "") last--;
    if (first > last) return;
    block++;
    const kept = texts.slice(first, last + 1);
    const cells: SourceCell[] = kept.map((text, index) => ({
      text,
      position: { kind, table: 0, row: 0, cell: kept.length === 1 ? 0 : index + 1, block },
    }));
    lines.push({ cells, position: cells[0]!.position });
  };

  const emitTable = (table: FlowTable) => {
    tableIndex++;
    for (const row of table.rows) {
      const cells: SourceCell[] = [];
      for (const cell of row.cells) {
        if (cell.covered) continue;
        const position: SourcePosition = { kind, table: tableIndex, row: row.sourceRow, cell: cell.sourceCell };
        cells.push({
          text: cellText(cell),
          position,
          gridColumn: cell.gridColumn,
          ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
          ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
        });
      }
      if (cells.length > 0) lines.push({ cells, position: cells[0]!.position, table: { index: tableIndex, row: row.sourceRow } });
    }
  };

  // Each frame is a list of items being read and the next index to read.
  const stack: Array<{ items: readonly FlowItem[]; next: number }> = [{ items: root, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.items.length) {
      stack.pop();
      continue;
    }
    const item = frame.items[frame.next++]!;
    if (typeof item === "string") pieces[pieces.length - 1] += item;
    else if (item === BREAK) flush();
    else if (item === TAB) pieces.push("");
    else {
      flush();
      if (!isLayoutTable(item)) {
        emitTable(item);
        continue;
      }
      // A layout table: its cells' content is read as paragraphs, in order, reaching the tables nested in them.
      const content: FlowItem[] = [];
      for (const row of item.rows) {
        for (const cell of row.cells) {
          content.push(BREAK);
          for (const inner of cell.items) content.push(inner);
          content.push(BREAK);
        }
      }
      stack.push({ items: content, next: 0 });
    }
  }
  flush();
  return lines;
}
