/**
 * Tokens of a table region: numbers (with an optional sign, decimals and a unit typed into the cell), empty
 * cells, placeholders (`-`, `—`, `/`) and text. Label anchors found beforehand are skipped, so a row number
 * glued to the previous row's figures (`00000002.其他…`) is not read as a figure.
 */
import type { Stream } from "./stream.js";

export interface Token {
  readonly kind: "number" | "empty" | "placeholder" | "text";
  /** Stream indexes [start, end). */
  readonly start: number;
  readonly end: number;
  /** Number: canonical text (`-` for any minus sign). Placeholder/text: as in the stream. */
  readonly text: string;
  /** A unit typed into the cell after the number (`元`, `万元`). */
  readonly unit?: string;
  /** Index of the line in the stream's lines. */
  readonly line: number;
}

/** A span of the stream that is a label, not figures. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

const DIGIT = /\d/u;
const SIGN = new Set(["-", "+", "−", "－"]);
const PLACEHOLDER_CHARS = new Set(["-", "—", "–", "―", "/", "－", "／", "－"]);
const UNITS = ["万元", "元", "件", "个", "项", "条"];
const BOUNDARY = new Set(["\t", "\n"]);

function isDigit(char: string | undefined): boolean {
  return char !== undefined && DIGIT.test(char);
}

/** Tokenises `[from, to)` of the stream, skipping the given label spans (sorted by start). */
export function tokenize(stream: Stream, from: number, to: number, spans: readonly Span[]): Token[] {
  const text = stream.text;
  const tokens: Token[] = [];
  let spanIndex = 0;
  let cellHasContent = false;
  let cellStart = from;
  const nextSpanStart = (index: number): number => {
    while (spanIndex < spans.length && spans[spanIndex]!.end <= index) spanIndex += 1;
    return spanIndex < spans.length ? spans[spanIndex]!.start : Number.POSITIVE_INFINITY;
  };
  const closeCell = (at: number) => {
    // A cell with nothing in it (tab-separated rows keep them) is an empty cell of the table.
    if (!cellHasContent && at > from && (text[cellStart - 1] === "\t" || text[at] === "\t")) {
      // The boundary after a line's last cell is the next line's newline: the cell's line is the one before it.
      tokens.push({ kind: "empty", start: cellStart, end: cellStart, text: "", line: stream.lineOf[Math.max(from, Math.min(at - 1, text.length - 1))]! });
    }
    cellHasContent = false;
    cellStart = at + 1;
  };
  let index = from;
  while (index < to) {
    const char = text[index]!;
    if (BOUNDARY.has(char)) {
      closeCell(index);
      index += 1;
      continue;
    }
    if (char === " ") {
      index += 1;
      continue;
    }
    cellHasContent = true;
    const spanStart = nextSpanStart(index);
    if (index >= spanStart) {
      const span = spans[spanIndex]!;
      tokens.push({ kind: "text", start: index, end: Math.min(span.end, to), text: text.slice(index, Math.min(span.end, to)), line: stream.lineOf[index]! });
      index = Math.min(span.end, to);
      continue;
    }
    const limit = Math.min(to, spanStart);
    const line = stream.lineOf[index]!;
    // A number, with an optional sign right before its first digit.
    if (isDigit(char) || (SIGN.has(char) && isDigit(text[index + 1]) && index + 1 < limit)) {
      let end = index + (isDigit(char) ? 0 : 1);
      while (end < limit && isDigit(text[end])) end += 1;
      let decimal = false;
      if (text[end] === "." && isDigit(text[end + 1]) && end + 1 < limit) {
        decimal = true;
        end += 1;
        while (end < limit && isDigit(text[end])) end += 1;
      }
      let numberText = text.slice(index, end);
      if (SIGN.has(numberText[0]!)) numberText = (numberText[0] === "+" ? "+" : "-") + numberText.slice(1);
      // `2.其他…` / `12.申请人…`: the last digit before `.` and text numbers the next label.
      if (!decimal && text[end] === "." && end + 1 < text.length && !isDigit(text[end + 1]) && !/\s/u.test(text[end + 1]!)) {
        const digits = numberText.replace(/^[+-]/u, "");
        if (digits.length <= 1) {
          tokens.push({ kind: "text", start: index, end: end + 1, text: text.slice(index, end + 1), line });
          index = end + 1;
          continue;
        }
        numberText = numberText.slice(0, -1);
        tokens.push({ kind: "number", start: index, end: end - 1, text: numberText, line });
        tokens.push({ kind: "text", start: end - 1, end: end + 1, text: text.slice(end - 1, end + 1), line });
        index = end + 1;
        continue;
      }
      let unit: string | undefined;
      for (const candidate of UNITS) {
        if (text.startsWith(candidate, end) && end + candidate.length <= to) {
          unit = candidate;
          break;
        }
      }
      tokens.push({ kind: "number", start: index, end: end + (unit?.length ?? 0), text: numberText, ...(unit ? { unit } : {}), line });
      index = end + (unit?.length ?? 0);
      continue;
    }
    // A placeholder standing alone between spaces or cell boundaries.
    if (PLACEHOLDER_CHARS.has(char)) {
      let end = index;
      while (end < limit && PLACEHOLDER_CHARS.has(text[end]!)) end += 1;
      const before = index === from ? " " : text[index - 1]!;
      const after = end >= to ? " " : text[end]!;
      // `/` also separates labels (`三、本年度办理结果 / （六）其他处理`): it is a placeholder only as a whole cell.
      const slash = text[index] === "/" || text[index] === "／";
      const fits = slash
        ? cellIsOnly(text, index, end, from, to)
        : (before === " " || BOUNDARY.has(before)) && (after === " " || BOUNDARY.has(after));
      if (fits && end - index <= 3) {
        tokens.push({ kind: "placeholder", start: index, end, text: text.slice(index, end), line });
        index = end;
        continue;
      }
    }
    // Text up to the next digit, space, boundary or label.
    let end = index + 1;
    while (end < limit && !isDigit(text[end]) && text[end] !== " " && !BOUNDARY.has(text[end]!) && !(SIGN.has(text[end]!) && isDigit(text[end + 1]))) {
      end += 1;
    }
    tokens.push({ kind: "text", start: index, end, text: text.slice(index, end), line });
    index = end;
  }
  closeCell(to);
  return tokens;
}

/** True when `[start, end)` is all its cell holds, apart from spaces. */
function cellIsOnly(text: string, start: number, end: number, from: number, to: number): boolean {
  for (let index = start - 1; index >= from && !BOUNDARY.has(text[index]!); index -= 1) if (text[index] !== " ") return false;
  for (let index = end; index < to && !BOUNDARY.has(text[index]!); index += 1) if (text[index] !== " ") return false;
  return true;
}
