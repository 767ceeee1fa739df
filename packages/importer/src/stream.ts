/**
 * The document as one character stream, for recognition that must work the same on a neatly split table and on a
 * crawled page where a whole table arrives as one line of glued text.
 *
 * `text` holds every cell's characters in canonical form (NFKC, simplified; whitespace as one space), a tab
 * between cells and a newline between lines; `original` holds the characters as published, index for index, so
 * prose can be cut out unchanged. `compact` drops spaces and tabs for label matching and maps back to `text`.
 */
import { canonicalChar } from "./normalize.js";
import type { SourceDocument, SourceLine, SourcePosition } from "./source-document.js";

export interface Stream {
  readonly text: string;
  readonly original: string;
  /** For each stream index: the index of its line in `lines`, and of its cell, and the offset in the cell text. */
  readonly lineOf: Int32Array;
  readonly cellOf: Int32Array;
  readonly offsetOf: Int32Array;
  readonly lines: readonly SourceLine[];
  readonly compact: string;
  readonly compactToStream: Int32Array;
}

// Page footers inside a table or between paragraphs: `- 3 -`, `— 4 —`, `第 3 页`, `第3页 共5页`, a lone `3`.
const FOOTER = /^\s*(?:[-—–－―]+\s*\d{1,3}\s*[-—–－―]+|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})\s*$/u;

/** True for a line that is only a page footer or page number. */
export function isPageFooter(line: SourceLine): boolean {
  if (line.table) return false;
  const text = line.cells.map((cell) => cell.text).join(" ");
  return FOOTER.test(text);
}

/** Builds the stream of a document, leaving out page footers. */
export function buildStream(document: SourceDocument): Stream {
  const lines = document.lines.filter((line) => !isPageFooter(line));
  let text = "";
  let original = "";
  const lineOf: number[] = [];
  const cellOf: number[] = [];
  const offsetOf: number[] = [];
  const push = (canonical: string, published: string, line: number, cell: number, offset: number) => {
    text += canonical;
    original += published;
    lineOf.push(line);
    cellOf.push(cell);
    offsetOf.push(offset);
  };
  lines.forEach((line, lineIndex) => {
    if (lineIndex > 0) push("\n", "\n", lineIndex, 0, 0);
    line.cells.forEach((cell, cellIndex) => {
      if (cellIndex > 0) push("\t", "\t", lineIndex, cellIndex, 0);
      let previous = "";
      let offset = 0;
      for (const char of cell.text) {
        let folded = canonicalChar(char);
        if (folded === "") folded = " ";
        // `1、` numbers a label like `1.`.
        if (folded === "、" && /\d/u.test(previous)) folded = ".";
        // One stream position per UTF-16 unit keeps `text` and `original` aligned.
        if (char.length === 2) {
          push(folded.length === 2 ? folded[0]! : "\ufffd", char[0]!, lineIndex, cellIndex, offset);
          push(folded.length === 2 ? folded[1]! : "\ufffd", char[1]!, lineIndex, cellIndex, offset + 1);
        } else {
          push(folded.length === 1 ? folded : char, char, lineIndex, cellIndex, offset);
        }
        previous = folded;
        offset += char.length;
      }
    });
  });
  let compact = "";
  const compactToStream: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (char === " " || char === "\t") continue;
    compact += char;
    compactToStream.push(index);
  }
  return {
    text,
    original,
    lineOf: Int32Array.from(lineOf),
    cellOf: Int32Array.from(cellOf),
    offsetOf: Int32Array.from(offsetOf),
    lines,
    compact,
    compactToStream: Int32Array.from(compactToStream),
  };
}

/** The source position of a stream index. */
export function positionAt(stream: Stream, index: number): SourcePosition | undefined {
  if (index < 0 || index >= stream.text.length) {
    const last = stream.lines[stream.lines.length - 1];
    return last?.position;
  }
  const line = stream.lines[stream.lineOf[index]!];
  if (!line) return undefined;
  const cell = line.cells[stream.cellOf[index]!];
  if (!cell) return line.position;
  const position = cell.position;
  if (position.kind === "text") return { kind: "text", line: position.line, column: position.column + stream.offsetOf[index]! };
  return position;
}

/** First compact index whose stream index is ≥ `streamIndex`. */
export function compactIndexAt(stream: Stream, streamIndex: number): number {
  let low = 0;
  let high = stream.compactToStream.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (stream.compactToStream[middle]! < streamIndex) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Stream index of a compact index (the end of the stream for an index past the end). */
export function streamIndexAt(stream: Stream, compactIndex: number): number {
  return compactIndex < stream.compactToStream.length ? stream.compactToStream[compactIndex]! : stream.text.length;
}
