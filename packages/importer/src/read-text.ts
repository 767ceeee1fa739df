/**
 * Plain text and Markdown → `SourceDocument`.
 *
 * Each non-empty line becomes one `SourceLine`. Cells are separated by tabs, by Markdown table pipes
 * (`| a | b |`; separator rows such as `|---|---|` are dropped), by runs of two or more spaces, and by a single
 * space between two numbers (crawled pages separate table cells with single spaces). Everything else, including
 * Markdown headings and emphasis, is kept as written: the recogniser decides what it means.
 *
 * A table aligned with spaces under a ruler of dashes (`------  ------  ----`, as `xxgk render --to txt` and pandoc's
 * simple tables print it) is read by display position: a figure belongs to the ruler column it sits under, and a
 * ruler column with nothing under it on a line of figures is an empty cell — so a blank cell stays blank instead of
 * shifting the figures after it one column left.
 */
import stringWidth from "string-width";
import type { SourceCell, SourceDocument, SourceLine } from "./source-document.js";

const PIPE_SEPARATOR_ROW = /^\|?(\s*:?-{2,}:?\s*\|)+\s*(:?-{2,}:?\s*)?\|?\s*$/u;
const NUMBER = /^[+\-−]?\d+(?:\.\d+)?$/u;

interface RawCell {
  readonly text: string;
  readonly column: number;
}

function collapse(text: string): string {
  return text.replace(/[\s\u3000\u00a0]+/gu, " ").trim();
}

/** Splits `text` (starting at `offset` in its line) on a separator pattern, keeping each part's column. */
function splitOn(text: string, offset: number, separator: RegExp): RawCell[] {
  const cells: RawCell[] = [];
  let start = 0;
  for (const match of text.matchAll(separator)) {
    cells.push({ text: text.slice(start, match.index), column: offset + start });
    start = match.index + match[0].length;
  }
  cells.push({ text: text.slice(start), column: offset + start });
  return cells;
}

/** A single space separates two numbers: `0 0 0` is three cells, `2023 年` stays one. */
function splitNumberRuns(cell: RawCell): RawCell[] {
  if (!cell.text.includes(" ")) return [cell];
  const words = splitOn(cell.text, cell.column, / /gu);
  if (words.length < 2) return [cell];
  const out: RawCell[] = [];
  let current: RawCell | undefined;
  for (const word of words) {
    if (current && NUMBER.test(lastWord(current.text)) && NUMBER.test(word.text)) {
      out.push(current);
      current = word;
    } else if (current) {
      current = { text: `${current.text} ${word.text}`, column: current.column };
    } else {
      current = word;
    }
  }
  if (current) out.push(current);
  return out;
}

function lastWord(text: string): string {
  const index = text.lastIndexOf(" ");
  return index < 0 ? text : text.slice(index + 1);
}

function splitLine(line: string): RawCell[] | undefined {
  const trimmed = line.trim();
  if (trimmed === "") return undefined;
  if (trimmed.startsWith("|") && trimmed.length > 1) {
    if (PIPE_SEPARATOR_ROW.test(trimmed)) return undefined;
    const start = line.indexOf("|") + 1;
    let body = line.slice(start);
    const end = body.trimEnd().endsWith("|") ? body.trimEnd().length - 1 : body.length;
    body = body.slice(0, end);
    return splitOn(body, start, /\|/gu);
  }
  if (line.includes("\t")) return splitOn(line, 0, /\t/gu).flatMap((cell) => splitNumberRuns(cell));
  return splitOn(line, 0, /[ \u3000\u00a0]{2,}/gu).flatMap((cell) => splitNumberRuns(cell));
}

/** A ruler: two or more runs of dashes separated by spaces, nothing else. */
const RULER = /^[ \u3000]*-{2,}(?:[ \u3000]+-{2,})+[ \u3000]*$/u;
/**
 * Ambiguous-width characters (curly quotes, —, …) count as wide, as in a Chinese terminal and as the renderer's text
 * output aligns them.
 */
const WIDTH_OPTIONS = { ambiguousIsNarrow: false } as const;

/** Display columns [from, to) of one ruler column. */
interface Span {
  readonly from: number;
  readonly to: number;
}

/** The ruler's columns in display columns, or undefined when the line is not a ruler. */
function rulerSpans(line: string): Span[] | undefined {
  if (!RULER.test(line)) return undefined;
  const spans: Span[] = [];
  for (const match of line.matchAll(/-+/gu)) {
    const from = stringWidth(line.slice(0, match.index), WIDTH_OPTIONS);
    spans.push({ from, to: from + match[0].length });
  }
  return spans;
}

/**
 * A line of figures under a ruler, re-cut by position: the first ruler column is the label, every other one a cell,
 * empty where nothing is printed under it. Undefined (the line is read as it is) unless every cell after the label is
 * one number lying under exactly one ruler column, no two in the same column, and some column is left empty.
 */
function alignToRuler(line: string, cells: readonly RawCell[], spans: readonly Span[]): RawCell[] | undefined {
  const label = cells[0];
  if (!label || spans.length < 3) return undefined;
  const labelIsFigure = NUMBER.test(label.text.trim());
  const figures = labelIsFigure ? cells : cells.slice(1);
  if (figures.length === 0 || figures.length >= spans.length - (labelIsFigure ? 0 : 1)) return undefined;
  const byColumn = new Map<number, RawCell>();
  for (const cell of figures) {
    const text = cell.text.trim();
    if (!NUMBER.test(text)) return undefined;
    const start = cell.column + (cell.text.length - cell.text.trimStart().length);
    const from = stringWidth(line.slice(0, start), WIDTH_OPTIONS);
    const to = from + stringWidth(text, WIDTH_OPTIONS);
    const under = spans.map((span, index) => (from < span.to && to > span.from ? index : -1)).filter((index) => index > 0);
    if (under.length !== 1 || byColumn.has(under[0]!)) return undefined;
    byColumn.set(under[0]!, cell);
  }
  const out: RawCell[] = labelIsFigure ? [{ text: "", column: 0 }] : [label];
  let lastColumn = label.column + label.text.length;
  for (let index = 1; index < spans.length; index += 1) {
    const cell = byColumn.get(index);
    if (cell) {
      out.push(cell);
      lastColumn = cell.column + cell.text.length;
    } else out.push({ text: "", column: lastColumn });
  }
  return out;
}

/**
 * Reads plain text or Markdown into a `SourceDocument`. Never throws; empty lines are skipped (line numbers keep
 * counting them, so positions point into the original text).
 */
export function readText(text: string, format: "text" | "markdown" = "text"): SourceDocument {
  const lines: SourceLine[] = [];
  const source = text.startsWith("\ufeff") ? text.slice(1) : text;
  let lineNumber = 0;
  // The ruler of the space-aligned table being read; a blank line ends the table.
  let ruler: Span[] | undefined;
  for (const raw of source.split(/\r\n|\r|\n/u)) {
    lineNumber += 1;
    if (raw.trim() === "") {
      ruler = undefined;
      continue;
    }
    const spans = rulerSpans(raw);
    if (spans) {
      ruler = spans;
      continue;
    }
    let cells = splitLine(raw);
    if (!cells) continue;
    if (ruler) cells = alignToRuler(raw, cells, ruler) ?? cells;
    const sourceCells: SourceCell[] = [];
    for (const cell of cells) {
      const leading = cell.text.length - cell.text.trimStart().length;
      sourceCells.push({
        text: collapse(cell.text),
        position: { kind: "text", line: lineNumber, column: cell.column + leading + 1 },
      });
    }
    // A line whose cells are all empty carries nothing.
    if (sourceCells.every((cell) => cell.text === "")) continue;
    lines.push({ cells: sourceCells, position: { kind: "text", line: lineNumber, column: 1 } });
  }
  return { format, lines };
}

/** True when the text looks like Markdown (pipe tables or `#` headings), for `SourceDocument.format`. */
export function looksLikeMarkdown(text: string): boolean {
  return /^\s*\|.*\|\s*$/mu.test(text) || /^#{1,6} \S/mu.test(text);
}
