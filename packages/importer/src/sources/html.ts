/**
 * HTML pages into a `SourceDocument`. Pages of government sites wrap the report in a template: navigation, a
 * 索引号 box, layout tables around the article, scripts. This reader drops what a reader of the page never sees
 * (head, scripts, styles, hidden elements), turns blocks into paragraphs in reading order, and turns every data table
 * into rows whose cells carry the grid column, row span and column span computed from the real grid. Layout tables
 * (a table holding another table, a single-cell frame) give their cells' content as paragraphs, so the report's own
 * tables nested inside them come out as tables.
 *
 * Tree construction is written here rather than taken from an HTML parser because it must stay linear: the open
 * elements live on a stack with per-name index stacks, so end tags, implied ends and scope checks cost O(1) (amortised)
 * however deep the page nests. The rules follow the HTML standard's for the elements that matter to reading order
 * (paragraphs, lists, tables, cells); anything else nests as written.
 */
import type { SourceDocument } from "../source-document.js";
import { SourceReadError, tooLargeError } from "./errors.js";
import { decodeDeclared } from "./decode.js";
import { BREAK, TAB, emitLines, newCell, newTable, type FlowCell, type FlowItem, type FlowRow, type FlowTable } from "./flow.js";
import { limitsOf, type ReadOptions, type SourceLimits } from "./limits.js";
import { tokenize } from "./markup.js";
import { normalizeText } from "./text.js";

const VOID = new Set(["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
const IGNORED = new Set(["head", "script", "style", "noscript", "template", "svg", "math", "select", "iframe", "object", "canvas", "audio", "video", "button", "textarea", "map", "noembed", "noframes"]);
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "html", "legend",
  "li", "listing", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "ul", "tr", "td", "th", "table", "thead", "tbody", "tfoot",
]);
/** Starting one of these closes an open `<p>` (the standard's list, trimmed to what can appear in a body). */
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "dd", "dt", "main", "menu",
  "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
]);
const HEAD_CONTENT = new Set(["base", "link", "meta", "noscript", "script", "style", "template", "title"]);
const SECTIONS = new Set(["thead", "tbody", "tfoot"]);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/iu;

type Role = "root" | "plain" | "block" | "ignored" | "table" | "section" | "row" | "cell" | "title";

interface OpenElement {
  readonly name: string;
  readonly role: Role;
  /** Where text goes while this element is the innermost open one. */
  readonly inside: FlowItem[];
  /** The table this element opened, or belongs to as a row or cell. */
  readonly table: TableState | undefined;
  readonly cell: FlowCell | undefined;
}

interface TableState {
  readonly table: FlowTable;
  /** Where content outside the cells goes (browsers show it before the table), and where the table itself goes. */
  readonly outside: FlowItem[];
  currentRow: FlowRow | undefined;
}

/** `<meta charset=…>` or `<meta http-equiv=content-type content="…; charset=…">` near the top of the bytes. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  const end = Math.min(bytes.length, 16 * 1024);
  const latin1 = new TextDecoder("latin1");
  for (let at = 0; at + 5 < end; at++) {
    // "<meta", any case: only the tags themselves are decoded.
    if (bytes[at] !== 0x3c || (bytes[at + 1]! | 0x20) !== 0x6d || (bytes[at + 2]! | 0x20) !== 0x65 || (bytes[at + 3]! | 0x20) !== 0x74 || (bytes[at + 4]! | 0x20) !== 0x61) continue;
    const tag = latin1.decode(bytes.subarray(at, Math.min(bytes.length, at + 512)));
    const charset = /^<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu.exec(tag)?.[1];
    if (charset) return charset;
  }
  return undefined;
}

function spanOf(value: string | undefined, maximum: number, zeroAllowed: boolean): number {
  if (value === undefined) return 1;
  const parsed = Number.parseInt(value.trim(), 10);
  if (!Number.isFinite(parsed) || parsed < 0 || (parsed === 0 && !zeroAllowed)) return 1;
  return Math.min(parsed, maximum);
}

function limitError(zh: string, en: string): SourceReadError {
  return new SourceReadError("limit-exceeded", { zh, en });
}

/** Grid columns and effective row spans of a finished HTML table (the standard's table model, spans clamped). */
function layOutGrid(state: TableState, tableNumber: number, limits: SourceLimits, fileLabel: { zh: string; en: string }): void {
  const rows = state.table.rows;
  // pending[column] = rows (this one included) that an earlier cell still covers.
  const pending: number[] = [];
  rows.forEach((row, rowIndex) => {
    const rowsLeft = rows.length - rowIndex;
    let column = 0;
    for (const cell of row.cells) {
      while ((pending[column] ?? 0) > 0) column++;
      // Until the grid is laid out, rowSpan holds the rowspan as written (0 = to the end of the table).
      const written = cell.rowSpan;
      const rowSpan = written === 0 ? rowsLeft : Math.min(written, rowsLeft);
      if (column >= limits.maxGridColumns) {
        throw limitError(
          `${fileLabel.zh}第 ${tableNumber} 个表格第 ${row.sourceRow} 行超过 ${limits.maxGridColumns} 列（合并单元格展开后），不像年度报告的表格`,
          `${fileLabel.en}table ${tableNumber}, row ${row.sourceRow} is wider than ${limits.maxGridColumns} columns once spans are expanded; not a report table`,
        );
      }
      // A span past the limit is cut at it, as browsers cut colspan at 1,000.
      cell.colSpan = Math.min(cell.colSpan, limits.maxGridColumns - column);
      cell.gridColumn = column;
      cell.rowSpan = rowSpan;
      for (let covered = column; covered < column + cell.colSpan; covered++) pending[covered] = rowSpan;
      column += cell.colSpan;
    }
    for (let index = 0; index < pending.length; index++) if (pending[index]! > 0) pending[index]!--;
  });
}

/** Reads an HTML page (a string, or bytes in the charset it declares or any {@link decodeText} recognises). */
export function readHtml(input: string | Uint8Array, options?: ReadOptions): SourceDocument {
  const limits = limitsOf(options);
  const fileLabel = options?.fileName ? { zh: `${options.fileName}：`, en: `${options.fileName}: ` } : { zh: "", en: "" };
  let source: string;
  if (typeof input === "string") {
    if (input.length > limits.maxInputBytes) throw tooLargeError({ zh: "网页", en: "page" }, input.length, limits.maxInputBytes);
    source = input;
  } else {
    source = decodeDeclared(input, sniffHtmlCharset(input), options).text;
  }

  const root: FlowItem[] = [];
  const stack: OpenElement[] = [{ name: "#root", role: "root", inside: root, table: undefined, cell: undefined }];
  /** Stack indices of the open elements of each name. */
  const openByName = new Map<string, number[]>();
  /** Stack indices of open tables, and of open tables/cells/captions (the scopes an end tag may not cross). */
  const tableIndices: number[] = [];
  const scopeIndices: number[] = [0];
  let target: FlowItem[] = root;
  let ignoredDepth = 0;
  let tableRows = 0;
  let tablesClosed = 0;
  let title: string | undefined;
  let titleText: string | undefined;

  const nearest = (name: string): number => {
    const indices = openByName.get(name);
    return indices && indices.length > 0 ? indices[indices.length - 1]! : -1;
  };

  /** Opens an element; `inside` is where its text goes (its cell, its table's outside, or where the text went). */
  const push = (name: string, role: Role, inside: FlowItem[] = target, table?: TableState, cell?: FlowCell) => {
    // One object shape for every element keeps this hot path monomorphic.
    const element: OpenElement = { name, role, inside, table, cell };
    stack.push(element);
    let indices = openByName.get(element.name);
    if (!indices) openByName.set(element.name, (indices = []));
    indices.push(stack.length - 1);
    if (element.role === "table") tableIndices.push(stack.length - 1);
    if (element.role === "table" || element.role === "cell" || element.name === "caption") scopeIndices.push(stack.length - 1);
    if (element.role === "ignored") ignoredDepth++;
    if (element.role === "block" && ignoredDepth === 0) target.push(BREAK);
    target = inside;
  };

  const pop = () => {
    const element = stack.pop()!;
    const index = stack.length;
    openByName.get(element.name)!.pop();
    if (tableIndices[tableIndices.length - 1] === index) tableIndices.pop();
    if (scopeIndices[scopeIndices.length - 1] === index) scopeIndices.pop();
    target = stack[stack.length - 1]!.inside;
    switch (element.role) {
      case "ignored":
        ignoredDepth--;
        break;
      case "title":
        if (title === undefined && titleText !== undefined) title = normalizeText(titleText);
        titleText = undefined;
        break;
      case "block":
        if (ignoredDepth === 0) target.push(BREAK);
        break;
      case "row":
        element.table!.currentRow = undefined;
        break;
      case "table": {
        const state = element.table!;
        tablesClosed++;
        layOutGrid(state, tablesClosed, limits, fileLabel);
        // The table goes where content outside its cells went: after anything written there.
        state.outside.push(state.table);
        break;
      }
      default:
        break;
    }
  };

  /** Pops up to and including the element at `index`. */
  const popTo = (index: number) => {
    while (stack.length > index) pop();
  };
  const innermostTable = () => (tableIndices.length > 0 ? tableIndices[tableIndices.length - 1]! : -1);
  const innermostScope = () => scopeIndices[scopeIndices.length - 1]!;
  /** Pops down to the innermost table, keeping it and an open thead/tbody/tfoot. */
  const popToTableBody = () => {
    const table = innermostTable();
    while (stack.length - 1 > table && !(stack[stack.length - 1]!.role === "section")) pop();
  };

  const startRow = (state: TableState, name: string) => {
    tableRows++;
    if (tableRows > limits.maxTableRows) {
      throw limitError(
        `${fileLabel.zh}表格行数超过 ${limits.maxTableRows} 行的上限，不像年度报告`,
        `${fileLabel.en}more than ${limits.maxTableRows} table rows in the document: not a report`,
      );
    }
    const row: FlowRow = { cells: [], sourceRow: state.table.rows.length + 1 };
    state.table.rows.push(row);
    state.currentRow = row;
    push(name, "row", state.outside, state);
  };

  const tableState = (): TableState | undefined => {
    const index = innermostTable();
    return index < 0 ? undefined : stack[index]!.table;
  };

  tokenize(
    source,
    {
      open(name, attributes) {
        if (name === "title") {
          // <title> normally sits in <head>, which is ignored: capture the first one outside SVG and MathML.
          if (title === undefined && titleText === undefined && nearest("svg") < 0 && nearest("math") < 0) titleText = "";
          push(name, "title");
          return;
        }
        // Body content closes a <head> left open, as browsers do (not inside a <noscript> of the head).
        const headIndex = nearest("head");
        if (headIndex >= 0 && (name === "body" || (!HEAD_CONTENT.has(name) && name !== "head" && nearest("noscript") < headIndex))) popTo(headIndex);
        if (ignoredDepth > 0) {
          if (VOID.has(name)) return;
          push(name, IGNORED.has(name) ? "ignored" : "plain");
          return;
        }
        if (name === "body" || name === "html") return;
        const hidden = attributes.hidden !== undefined || HIDDEN_STYLE.test(attributes.style ?? "");
        if (IGNORED.has(name) || hidden) {
          if (!VOID.has(name)) push(name, "ignored");
          return;
        }
        if (CLOSES_P.has(name)) {
          const paragraph = nearest("p");
          if (paragraph > innermostScope()) popTo(paragraph);
        }
        if (name === "li" || name === "dt" || name === "dd") {
          const siblings = name === "li" ? ["li"] : ["dt", "dd"];
          const lists = name === "li" ? ["ul", "ol"] : ["dl"];
          const boundary = Math.max(innermostScope(), ...lists.map(nearest));
          const open = Math.max(...siblings.map(nearest));
          if (open > boundary) popTo(open);
        }
        if (/^h[1-6]$/u.test(name) && /^h[1-6]$/u.test(stack[stack.length - 1]!.name)) pop();
        if (VOID.has(name)) {
          if (name === "br" || name === "hr") target.push(BREAK);
          return;
        }

        const state = tableState();
        const inCell = innermostScope() > innermostTable() && stack[innermostScope()]!.role === "cell";
        if (name === "table") {
          if (state && !inCell) popTo(innermostTable());
          const enclosing = tableState();
          if (enclosing && innermostScope() > innermostTable()) enclosing.table.containsTable = true;
          push(name, "table", target, { table: newTable(), outside: target, currentRow: undefined });
          return;
        }
        if (state && (SECTIONS.has(name) || name === "tr" || name === "td" || name === "th" || name === "caption" || name === "colgroup")) {
          if (SECTIONS.has(name) || name === "caption" || name === "colgroup") {
            popTo(innermostTable() + 1);
            push(name, SECTIONS.has(name) ? "section" : name === "caption" ? "block" : "ignored", target, state);
            return;
          }
          if (name === "tr") {
            popToTableBody();
            startRow(state, name);
            return;
          }
          // td or th: close an open cell of this table, open a row when there is none.
          const table = innermostTable();
          while (stack.length - 1 > table && !["row", "section"].includes(stack[stack.length - 1]!.role)) pop();
          if (stack[stack.length - 1]!.role !== "row") startRow(state, "tr");
          const row = state.currentRow!;
          const cell = newCell(row.cells.length + 1, spanOf(attributes.colspan, 1000, false), spanOf(attributes.rowspan, 65_534, true));
          row.cells.push(cell);
          push(name, "cell", cell.items, state, cell);
          return;
        }
        push(name, BLOCKS.has(name) ? "block" : "plain");
      },
      close(name) {
        if (VOID.has(name)) {
          if (name === "br" && ignoredDepth === 0) target.push(BREAK);
          return;
        }
        if (name === "body" || name === "html") return;
        const index = nearest(name);
        if (index < 0) {
          if (name === "p" && ignoredDepth === 0) target.push(BREAK);
          return;
        }
        const tablePart = name === "table" || name === "tr" || name === "td" || name === "th" || SECTIONS.has(name) || name === "caption";
        const boundary = tablePart ? (name === "table" ? -1 : innermostTable()) : innermostScope();
        if (index < boundary) return;
        popTo(index);
      },
      text(text) {
        if (titleText !== undefined && stack[stack.length - 1]!.role === "title") {
          titleText += text;
          return;
        }
        if (ignoredDepth > 0) return;
        if (nearest("pre") < 0 && nearest("listing") < 0) {
          target.push(text);
          return;
        }
        // Preformatted text keeps its lines, and its tabs separate cells as in a plain-text report.
        const lines = text.split(/\r\n?|\n/u);
        lines.forEach((line, index) => {
          if (index > 0) target.push(BREAK);
          const cells = line.split("\t");
          cells.forEach((cell, cellIndex) => {
            if (cellIndex > 0) target.push(TAB);
            if (cell !== "") target.push(cell);
          });
        });
      },
    },
    false,
  );
  popTo(1);

  const lines = emitLines(root, "html");
  return { format: "html", lines, ...(title ? { title } : {}) };
}
