/**
 * Word (.docx) files into a `SourceDocument`. The ZIP is read with fflate, bounded (see `zip.ts`), and
 * `word/document.xml` is read with htmlparser2's tokenizer in XML mode: mammoth was not used because it drops
 * vertical merges (`w:vMerge`), which every 表三 and 表四 has. Paragraphs become lines (split into cells at tabs,
 * and at line breaks into separate lines); tables become rows whose cells carry grid column, row span (from
 * `w:vMerge`) and column span (`w:gridSpan`, `w:gridBefore`); content controls (`w:sdt`) and insertions (`w:ins`)
 * are read, deletions (`w:del`, `w:moveFrom`, deleted rows) and hidden text (`w:vanish`) are not, nor field codes
 * or the fallback copies of text boxes. Tables nested in tables are handled as in HTML: a table holding a table is
 * layout, and its cells' content is read as paragraphs.
 */
import type { SourceDocument } from "../source-document.js";
import { SourceReadError, tooLargeError } from "./errors.js";
import { decodeText } from "./decode.js";
import { BREAK, TAB, emitLines, newCell, newTable, type FlowCell, type FlowItem, type FlowRow, type FlowTable } from "./flow.js";
import { limitsOf, type ReadOptions, type SourceLimits } from "./limits.js";
import { tokenize } from "./markup.js";
import { isWide, normalizeText } from "./text.js";
import { NumberingCounter, parseNumbering, parseStyles, type NumberingDefinitions, type StyleNumbering } from "./docx-numbering.js";
import { isZip, listZip, readZipEntry } from "./zip.js";

const WORDPROCESSING_ML = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);
const MARKUP_COMPATIBILITY = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/** The most `word/numbering.xml` and `word/styles.xml` may expand to. */
const MAX_PART_BYTES = 8 * 1024 * 1024;
/** The most `word/document.xml` may expand to; a report's is well under 1 MiB. */
const MAX_DOCUMENT_XML_BYTES = 64 * 1024 * 1024;
/** WordprocessingML elements whose content is never text of the document. */
const SKIPPED = new Set(["del", "moveFrom", "instrText", "delInstrText", "fldData", "pPrChange", "rPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "numberingChange", "tabs", "tblPr", "tblGrid", "sectPr", "tblPrEx", "sdtPr", "sdtEndPr", "footnoteReference", "endnoteReference", "commentReference", "object"]);

interface TableState {
  readonly table: FlowTable;
  readonly parent: FlowItem[];
  currentRow?: RowState;
  /** The rows' grid offsets (`w:gridBefore`). */
  readonly gridBefore: Map<FlowRow, number>;
  readonly vMerge: Map<FlowCell, "restart" | "continue">;
  readonly hMergeContinue: Set<FlowCell>;
  readonly deletedRows: Set<FlowRow>;
}

interface ParagraphState {
  /** Where the paragraph's number label goes: a placeholder string in `items`. */
  readonly items: FlowItem[];
  readonly index: number;
  style?: string;
  numId?: string;
  level?: number;
}

interface RowState {
  readonly row: FlowRow;
  cell?: FlowCell;
}

function isOn(value: string | undefined): boolean {
  return value === undefined || !["0", "false", "off"].includes(value);
}

function layOutGrid(state: TableState, tableNumber: number, limits: SourceLimits, label: { zh: string; en: string }): void {
  // Deleted rows (tracked changes) are not part of the table.
  for (let index = state.table.rows.length - 1; index >= 0; index--) if (state.deletedRows.has(state.table.rows[index]!)) state.table.rows.splice(index, 1);
  let open = new Map<number, FlowCell>();
  for (const row of state.table.rows) {
    const next = new Map<number, FlowCell>();
    let column = state.gridBefore.get(row) ?? 0;
    let previous: FlowCell | undefined;
    for (const cell of row.cells) {
      if (state.hMergeContinue.has(cell) && previous) {
        // Legacy horizontal merge: the cell widens the one before it.
        cell.covered = true;
        previous.colSpan += cell.colSpan;
        column += cell.colSpan;
        continue;
      }
      if (column >= limits.maxGridColumns) {
        throw new SourceReadError("limit-exceeded", {
          zh: `${label.zh}Word 文件第 ${tableNumber} 个表格第 ${row.sourceRow} 行超过 ${limits.maxGridColumns} 列，不像年度报告的表格`,
          en: `${label.en}table ${tableNumber}, row ${row.sourceRow} of the Word file is wider than ${limits.maxGridColumns} columns: not a report table`,
        });
      }
      cell.gridColumn = column;
      cell.colSpan = Math.min(cell.colSpan, limits.maxGridColumns - column);
      const merge = state.vMerge.get(cell);
      const above = open.get(column);
      if (merge === "continue" && above) {
        cell.covered = true;
        above.rowSpan++;
        next.set(column, above);
      } else if (merge !== undefined) next.set(column, cell);
      column += cell.colSpan;
      previous = cell;
    }
    open = next;
  }
}

/** Reads a Word (.docx) file. Throws {@link SourceReadError}: `too-large`, `invalid-docx`, `decompression-limit`, `limit-exceeded`. */
export async function readDocx(bytes: Uint8Array, options?: ReadOptions): Promise<SourceDocument> {
  const limits = limitsOf(options);
  const label = options?.fileName ? { zh: `${options.fileName}：`, en: `${options.fileName}: ` } : { zh: "", en: "" };
  if (bytes.length > limits.maxInputBytes) throw tooLargeError({ zh: "Word 文件", en: "Word file" }, bytes.length, limits.maxInputBytes);
  const entries = isZip(bytes) ? listZip(bytes) : undefined;
  if (!entries) throw new SourceReadError("invalid-docx", { zh: `${label.zh}不是 Word（.docx）文件：不是有效的 ZIP`, en: `${label.en}not a Word (.docx) file: not a valid ZIP` });
  if (!entries.some((entry) => entry.name === "word/document.xml")) {
    throw new SourceReadError("invalid-docx", { zh: `${label.zh}不是 Word（.docx）文件：缺少 word/document.xml`, en: `${label.en}not a Word (.docx) file: no word/document.xml` });
  }
  const maxXml = Math.min(limits.maxInflatedBytes, MAX_DOCUMENT_XML_BYTES);
  const xmlBytes = readZipEntry(bytes, "word/document.xml", maxXml, label);
  if (!xmlBytes) throw new SourceReadError("invalid-docx", { zh: `${label.zh}Word 文件已损坏：找不到 word/document.xml 的数据`, en: `${label.en}damaged Word file: the data of word/document.xml is missing` });
  let xml: string;
  try {
    xml = decodeText(xmlBytes, { limits: { maxInputBytes: maxXml } }).text;
  } catch (error) {
    throw new SourceReadError("invalid-docx", { zh: `${label.zh}Word 文件已损坏：word/document.xml 不是有效的文本`, en: `${label.en}damaged Word file: word/document.xml is not valid text` }, { cause: error });
  }

  const numbering = new NumberingCounter(readPart(bytes, "word/numbering.xml", limits, label, parseNumbering) ?? (new Map() as NumberingDefinitions), readPart(bytes, "word/styles.xml", limits, label, parseStyles) ?? new Map<string, StyleNumbering>());
  const root: FlowItem[] = [];
  let target: FlowItem[] = root;
  const paragraphs: ParagraphState[] = [];
  let inParagraphProperties = false;
  let prefix: string | undefined;
  let compatibilityPrefix: string | undefined;
  const tables: TableState[] = [];
  /** Open elements and, per name, how many are open (so an end tag without a start costs O(1)). */
  const stack: string[] = [];
  const openCount = new Map<string, number>();
  let skipDepth = 0;
  let runDepth = 0;
  let runHidden = false;
  let inText = false;
  let rows = 0;
  let tablesClosed = 0;

  const local = (name: string): string | undefined => {
    if (prefix === undefined) return undefined;
    if (prefix === "") return name.includes(":") ? undefined : name;
    return name.startsWith(`${prefix}:`) ? name.slice(prefix.length + 1) : undefined;
  };
  const attribute = (attributes: Record<string, string>, name: string) => attributes[prefix ? `${prefix}:${name}` : name];
  const currentTable = () => tables[tables.length - 1];

  const onOpen = (name: string, attributes: Record<string, string>) => {
    if (prefix === undefined) {
      for (const [key, value] of Object.entries(attributes)) {
        if (key === "xmlns" && WORDPROCESSING_ML.has(value)) prefix = "";
        else if (key.startsWith("xmlns:") && WORDPROCESSING_ML.has(value)) prefix = key.slice(6);
        else if (key.startsWith("xmlns:") && value === MARKUP_COMPATIBILITY) compatibilityPrefix = key.slice(6);
      }
      if (prefix === undefined) {
        throw new SourceReadError("invalid-docx", { zh: `${label.zh}Word 文件已损坏：word/document.xml 不是 WordprocessingML`, en: `${label.en}damaged Word file: word/document.xml is not WordprocessingML` });
      }
    }
    if (skipDepth > 0) {
      skipDepth++;
      return;
    }
    if (compatibilityPrefix !== undefined && name === `${compatibilityPrefix}:Fallback`) {
      skipDepth = 1;
      return;
    }
    const element = local(name);
    if (element === undefined) return;
    if (SKIPPED.has(element)) {
      skipDepth = 1;
      return;
    }
    const table = currentTable();
    switch (element) {
      case "p":
        target.push(BREAK, "");
        paragraphs.push({ items: target, index: target.length - 1 });
        break;
      case "pPr":
        inParagraphProperties = paragraphs.length > 0;
        break;
      case "pStyle":
        if (inParagraphProperties) paragraphs[paragraphs.length - 1]!.style = attribute(attributes, "val");
        break;
      case "numId":
        if (inParagraphProperties) paragraphs[paragraphs.length - 1]!.numId = attribute(attributes, "val");
        break;
      case "ilvl":
        if (inParagraphProperties) paragraphs[paragraphs.length - 1]!.level = Number.parseInt(attribute(attributes, "val") ?? "0", 10) || 0;
        break;
      case "r":
        runDepth++;
        runHidden = false;
        break;
      case "vanish":
        if (runDepth > 0 && isOn(attribute(attributes, "val"))) runHidden = true;
        break;
      case "t":
        inText = runDepth > 0 && !runHidden;
        break;
      case "tab":
      case "ptab":
        if (runDepth > 0 && !runHidden) target.push(TAB);
        break;
      case "br":
      case "cr":
        if (runDepth > 0 && !runHidden) target.push(BREAK);
        break;
      case "noBreakHyphen":
        if (runDepth > 0 && !runHidden) target.push("-");
        break;
      case "tbl": {
        if (table?.currentRow?.cell) table.table.containsTable = true;
        const state: TableState = { table: newTable(), parent: target, gridBefore: new Map(), vMerge: new Map(), hMergeContinue: new Set(), deletedRows: new Set() };
        target.push(BREAK, state.table);
        tables.push(state);
        break;
      }
      case "tr": {
        if (!table) break;
        rows++;
        if (rows > limits.maxTableRows) {
          throw new SourceReadError("limit-exceeded", {
            zh: `${label.zh}Word 文件的表格行数超过 ${limits.maxTableRows} 行的上限，不像年度报告`,
            en: `${label.en}more than ${limits.maxTableRows} table rows in the Word file: not a report`,
          });
        }
        const row: FlowRow = { cells: [], sourceRow: table.table.rows.length + 1 };
        table.table.rows.push(row);
        table.currentRow = { row };
        break;
      }
      case "gridBefore": {
        const row = table?.currentRow;
        const value = Number.parseInt(attribute(attributes, "val") ?? "", 10);
        if (row && !row.cell && Number.isFinite(value) && value > 0) table!.gridBefore.set(row.row, Math.min(value, limits.maxGridColumns));
        break;
      }
      case "tc": {
        const row = table?.currentRow;
        if (!row) break;
        const cell = newCell(row.row.cells.length + 1);
        row.row.cells.push(cell);
        row.cell = cell;
        target = cell.items;
        break;
      }
      case "gridSpan": {
        const cell = table?.currentRow?.cell;
        const value = Number.parseInt(attribute(attributes, "val") ?? "", 10);
        if (cell && Number.isFinite(value) && value > 1) cell.colSpan = Math.min(value, limits.maxGridColumns);
        break;
      }
      case "vMerge": {
        const cell = table?.currentRow?.cell;
        if (cell) table!.vMerge.set(cell, attribute(attributes, "val") === "restart" ? "restart" : "continue");
        break;
      }
      case "hMerge": {
        const cell = table?.currentRow?.cell;
        if (cell && attribute(attributes, "val") !== "restart") table!.hMergeContinue.add(cell);
        break;
      }
      default:
        break;
    }
  };

  const onClose = (name: string) => {
    if (skipDepth > 0) {
      skipDepth--;
      return;
    }
    const element = local(name);
    if (element === undefined) return;
    const table = currentTable();
    switch (element) {
      case "p": {
        const paragraph = paragraphs.pop();
        if (paragraph) {
          const numberLabel = numbering.next(paragraph.style, paragraph.numId, paragraph.level);
          if (numberLabel) paragraph.items[paragraph.index] = isWide(numberLabel.slice(-1)) ? numberLabel : `${numberLabel} `;
        }
        target.push(BREAK);
        break;
      }
      case "pPr":
        inParagraphProperties = false;
        break;
      case "r":
        if (runDepth > 0) runDepth--;
        runHidden = false;
        break;
      case "t":
        inText = false;
        break;
      case "tc":
        if (table?.currentRow?.cell) {
          table.currentRow.cell = undefined;
          target = table.parent;
        }
        break;
      case "tr":
        if (table) table.currentRow = undefined;
        break;
      case "tbl":
        if (table) {
          tables.pop();
          tablesClosed++;
          layOutGrid(table, tablesClosed, limits, label);
          const outer = currentTable();
          target = outer?.currentRow?.cell ? outer.currentRow.cell.items : root;
          target.push(BREAK);
        }
        break;
      default:
        break;
    }
  };

  tokenize(
    xml,
    {
      open(name, attributes) {
        // Deleted table rows are marked inside w:trPr; catch the mark before SKIPPED swallows it.
        const element = prefix === undefined ? undefined : local(name);
        if (element === "del" && skipDepth === 0 && stack[stack.length - 1] === (prefix ? `${prefix}:trPr` : "trPr")) {
          const row = currentTable()?.currentRow;
          if (row && !row.cell) currentTable()!.deletedRows.add(row.row);
        }
        stack.push(name);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        onOpen(name, attributes);
      },
      close(name) {
        if ((openCount.get(name) ?? 0) === 0) return;
        for (;;) {
          const top = stack.pop()!;
          openCount.set(top, openCount.get(top)! - 1);
          onClose(top);
          if (top === name) break;
        }
      },
      text(text) {
        if (inText && skipDepth === 0) target.push(text);
      },
    },
    true,
  );
  if (prefix === undefined) {
    throw new SourceReadError("invalid-docx", { zh: `${label.zh}Word 文件已损坏：word/document.xml 是空的`, en: `${label.en}damaged Word file: word/document.xml is empty` });
  }

  const lines = emitLines(root, "docx");
  const title = readTitle(bytes);
  return { format: "docx", lines, ...(title ? { title } : {}) };
}

/** Reads and parses an optional part (numbering, styles); a missing or unreadable part is skipped, a bomb refused. */
function readPart<T>(bytes: Uint8Array, name: string, limits: SourceLimits, label: { zh: string; en: string }, parse: (xml: string) => T): T | undefined {
  try {
    const part = readZipEntry(bytes, name, Math.min(limits.maxInflatedBytes, MAX_PART_BYTES), label);
    return part ? parse(decodeText(part).text) : undefined;
  } catch (error) {
    if (error instanceof SourceReadError && error.code === "decompression-limit") throw error;
    return undefined;
  }
}

/** `dc:title` of `docProps/core.xml`, when present and not blank. */
function readTitle(bytes: Uint8Array): string | undefined {
  let xml: string;
  try {
    const core = readZipEntry(bytes, "docProps/core.xml", 1024 * 1024, { zh: "", en: "" });
    if (!core) return undefined;
    xml = decodeText(core).text;
  } catch {
    return undefined;
  }
  let title = "";
  let inTitle = false;
  tokenize(
    xml,
    {
      open: (name) => {
        if (name.endsWith(":title") || name === "title") inTitle = true;
      },
      close: (name) => {
        if (name.endsWith(":title") || name === "title") inTitle = false;
      },
      text: (text) => {
        if (inTitle) title += text;
      },
    },
    true,
  );
  return normalizeText(title) || undefined;
}
