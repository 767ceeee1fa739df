/**
 * Plain text for terminals and code review: headings, indented paragraphs, and tables whose columns are aligned by
 * display width (a CJK character takes two columns).
 */
import type { Prose, Report } from "@xxgk/schema";
import stringWidth from "string-width";
import { flatTables, type FlatTable } from "./flat-tables.js";
import { assertRenderable, partsOf, sectionsOf, signatureOf, titleOf } from "./report-parts.js";
import { cleanInline, cleanLines } from "./text.js";

/** First-line indent of a paragraph: two ideographic spaces, as Chinese documents indent. */
const INDENT = "\u3000\u3000";
const GAP = "  ";
/** Widest a row-label column may grow before its labels wrap. */
const LABEL_WIDTH = 36;
/** Widest a value column's label may grow before it wraps. */
const COLUMN_WIDTH = 16;
const SEPARATOR = " / ";

const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

const CHUNK = 256;
const SIMPLE = /^[\u0020-\u007E\u3000-\u303E\u4E00-\u9FFF\uFF01-\uFF60]*$/;
const WIDE_GLOBAL = /[\u3000-\u303E\u4E00-\u9FFF\uFF01-\uFF60]/g;

/**
 * Display width of a string in a terminal. Long strings are measured in chunks cut before a space or a CJK
 * character (never inside a grapheme cluster): grapheme segmentation of one very long string is not linear in V8.
 */
export function displayWidth(text: string): number {
  // Fast path for what reports are made of: printable ASCII (narrow), CJK ideographs, CJK punctuation and
  // fullwidth forms (wide: East Asian Width W/F). string-width measures everything else.
  if (SIMPLE.test(text)) return text.length + (text.match(WIDE_GLOBAL)?.length ?? 0);
  if (text.length <= CHUNK) return stringWidth(text);
  let width = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    while (end < text.length && end > start + CHUNK / 2 && !/[\s\u3000-\u9FFF]/.test(text[end]!)) end -= 1;
    if (end === start + CHUNK / 2) end = Math.min(text.length, start + CHUNK);
    width += stringWidth(text.slice(start, end));
    start = end;
  }
  return width;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

/** Breaks one label into lines no wider than `width`, by grapheme. */
function breakSegment(segment: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const { segment: grapheme } of graphemes.segment(segment)) {
    if (line !== "" && displayWidth(line + grapheme) > width) {
      lines.push(line);
      line = "";
    }
    line += grapheme;
  }
  if (line !== "") lines.push(line);
  return lines;
}

/**
 * Wraps a label given as segments (outermost first): whole segments joined by " / " while they fit on a line,
 * a new line between segments otherwise, and a segment wider than `width` broken by grapheme.
 */
export function wrapLabel(segments: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const raw of segments) {
    const segment = cleanInline(raw);
    if (segment === "") continue;
    const candidate = line === "" ? segment : `${line}${SEPARATOR}${segment}`;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    const broken = breakSegment(segment, width);
    line = broken.pop() ?? "";
    lines.push(...broken);
  }
  if (line !== "") lines.push(line);
  return lines;
}

function textTable(lines: string[], flat: FlatTable): void {
  if (flat.caption !== null) lines.push(cleanInline(flat.caption));
  const labelLines = [flat.corner, ...flat.rows.map((row) => row.label)].map((label) => wrapLabel(label, LABEL_WIDTH));
  const headerLines = flat.columns.map((column) => wrapLabel(column, COLUMN_WIDTH));
  const widths = [
    Math.max(1, ...labelLines.flat().map(displayWidth)),
    ...flat.columns.map((_, index) =>
      Math.max(1, ...headerLines[index]!.map(displayWidth), ...flat.rows.map((row) => displayWidth(row.values[index] ?? ""))),
    ),
  ];
  // Every cell sits at the bottom of its row: a column's own label on the last header line, a value beside the
  // last line of its row's wrapped label.
  const emit = (cells: readonly (readonly string[])[]) => {
    const height = Math.max(1, ...cells.map((cell) => cell.length));
    for (let line = 0; line < height; line += 1) {
      const text = cells
        .map((cell, index) => pad(cell[line - height + cell.length] ?? "", widths[index]!, index === 0 ? "left" : "right"))
        .join(GAP);
      lines.push(text.trimEnd());
    }
  };
  emit([labelLines[0]!, ...headerLines]);
  lines.push(widths.map((width) => "-".repeat(width)).join(GAP));
  flat.rows.forEach((row, index) => emit([labelLines[index + 1]!, ...row.values.map((value) => [value])]));
  lines.push("");
}

function paragraphs(lines: string[], texts: readonly string[]): void {
  for (const text of texts) {
    const paragraph = cleanLines(text)
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line !== "")
      .join(`\n${INDENT}`);
    if (paragraph !== "") lines.push(INDENT + paragraph, "");
  }
}

function prose(lines: string[], value: Prose): void {
  paragraphs(lines, value.paragraphs);
  for (const part of partsOf(value)) {
    lines.push(cleanInline(part.title), "");
    paragraphs(lines, part.paragraphs);
  }
}

/**
 * Renders a report as plain text: the title, the six headings, paragraphs indented by two ideographic spaces, and
 * each table with its merged labels written out in full and its columns aligned by display width (string-width:
 * CJK characters are two columns). Long labels wrap inside their column. Blank cells stay empty. Control
 * characters are removed, so the text is safe to print in a terminal. Deterministic.
 *
 * @example
 * ```ts
 * import { renderText } from "@xxgk/renderer";
 * process.stdout.write(renderText(report));
 * ```
 */
export function renderText(report: Report): string {
  assertRenderable(report);
  const title = cleanInline(titleOf(report));
  const lines: string[] = [title, "=".repeat(displayWidth(title)), ""];
  if (report.preamble) prose(lines, report.preamble);
  for (const section of sectionsOf(report)) {
    lines.push(section.layout.heading, "");
    if (section.prose) prose(lines, section.prose);
    else if (section.layout.table) for (const flat of flatTables(report, section.layout.table)) textTable(lines, flat);
  }
  lines.push(...signatureOf(report).map(cleanInline), "");
  return lines.join("\n");
}
