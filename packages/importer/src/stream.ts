/**
 * The document as one character stream, for recognition that must work the same on a neatly split table and on a
 * crawled page where a whole table arrives as one line of glued text.
 *
 * `text` holds every cell's characters in canonical form (NFKC, simplified; whitespace as one space), a tab
 * between cells and a newline between lines; `original` holds the characters as published, index for index, so
 * prose can be cut out unchanged. `compact` drops spaces and tabs for label matching and maps back to `text`.
 */
import { canonicalChar, simplifyChar } from "./normalize.js";
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
  let length = 0;
  lines.forEach((line, lineIndex) => {
    if (lineIndex > 0) length += 1;
    line.cells.forEach((cell, cellIndex) => {
      if (cellIndex > 0) length += 1;
      length += cell.text.length;
    });
  });
  const text: string[] = [];
  const original: string[] = [];
  const lineOf = new Int32Array(length);
  const cellOf = new Int32Array(length);
  const offsetOf = new Int32Array(length);
  let at = 0;
  const push = (canonical: string, published: string, line: number, cell: number, offset: number) => {
    text.push(canonical);
    original.push(published);
    lineOf[at] = line;
    cellOf[at] = cell;
    offsetOf[at] = offset;
    at += 1;
  };
  lines.forEach((line, lineIndex) => {
    if (lineIndex > 0) push("\n", "\n", lineIndex, 0, 0);
    line.cells.forEach((cell, cellIndex) => {
      if (cellIndex > 0) push("\t", "\t", lineIndex, cellIndex, 0);
      let previous = "";
      const cellText = cell.text;
      for (let offset = 0; offset < cellText.length; offset += 1) {
        const char = cellText[offset]!;
        const code = char.charCodeAt(0);
        // ASCII letters, digits and punctuation are already canonical; only the rest goes through NFKC.
        // CJK ideographs are NFKC-stable: only the traditional ones change.
        let folded = code < 0x80 ? char : code >= 0x4e00 && code <= 0x9fff ? simplifyChar(char) : canonicalChar(char);
        if (folded === "" || folded.length !== 1) folded = folded === "" ? " " : char;
        // `1、` numbers a label like `1.`.
        if (folded === "、" && previous >= "0" && previous <= "9") folded = ".";
        push(folded, char, lineIndex, cellIndex, offset);
        previous = folded;
      }
    });
  });
  const joined = text.join("");
  const compactParts: string[] = [];
  const compactToStream = new Int32Array(length);
  let compactLength = 0;
  for (let index = 0; index < joined.length; index += 1) {
    const char = joined[index]!;
    if (char === " " || char === "\t") continue;
    compactParts.push(char);
    compactToStream[compactLength] = index;
    compactLength += 1;
  }
  return {
    text: joined,
    original: original.join(""),
    lineOf,
    cellOf,
    offsetOf,
    lines,
    compact: compactParts.join(""),
    compactToStream: compactToStream.subarray(0, compactLength),
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
