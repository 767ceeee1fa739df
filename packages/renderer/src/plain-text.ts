/**
 * Plain text for terminals and code review: headings, indented paragraphs, and tables whose columns are aligned by
 * display width (a CJK character takes two columns).
 */
import type { Prose, Report } from "@xxgk/schema/layout";
import stringWidth from "string-width";
import { flatTables, type FlatTable } from "./flat-tables.js";
import { partsOf, renderable, sectionsOf, signatureOf, titleOf } from "./report-parts.js";
import { cleanInline, cleanLines } from "./text.js";

/** First-line indent of a paragraph: two ideographic spaces, as Chinese documents indent. */
const INDENT = "\u3000\u3000";
const GAP = "  ";
/** Widest a row-label column may grow before its labels wrap. */
export const LABEL_WIDTH = 40;
/** Widest a value column's own label may grow before it wraps (a phrase wider than this widens the column). */
export const COLUMN_WIDTH = 16;
const SEPARATOR = " / ";

const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

/**
 * Ambiguous-width characters (East Asian Width A: curly quotes, —, …, ·, ×, °) are counted as wide, as Chinese
 * terminals and editors with a CJK font show them.
 */
const WIDTH_OPTIONS = { ambiguousIsNarrow: false } as const;
const CHUNK = 256;
const SIMPLE = /^[\u0020-\u007E\u2014\u2018\u2019\u201C\u201D\u2026\u3000-\u303E\u4E00-\u9FFF\uFF01-\uFF60]*$/;
const WIDE_GLOBAL = /[\u2014\u2018\u2019\u201C\u201D\u2026\u3000-\u303E\u4E00-\u9FFF\uFF01-\uFF60]/g;

/**
 * Display width of a string in a terminal that shows ambiguous-width characters wide (a Chinese terminal). Long
 * strings are measured in chunks cut before a space or a CJK character (never inside a grapheme cluster):
 * grapheme segmentation of one very long string is not linear in V8.
 */
export function displayWidth(text: string): number {
  // Fast path for what reports are made of: printable ASCII (narrow), CJK ideographs, CJK punctuation, fullwidth
  // forms (East Asian Width W/F) and the curly quotes, — and … (A, counted wide). string-width measures the rest.
  if (SIMPLE.test(text)) return text.length + (text.match(WIDE_GLOBAL)?.length ?? 0);
  if (text.length <= CHUNK) return stringWidth(text, WIDTH_OPTIONS);
  let width = 0;
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK);
    while (end < text.length && end > start + CHUNK / 2 && !/[\s\u3000-\u9FFF]/.test(text[end]!)) end -= 1;
    if (end === start + CHUNK / 2) end = Math.min(text.length, start + CHUNK);
    width += stringWidth(text.slice(start, end), WIDTH_OPTIONS);
    start = end;
  }
  return width;
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "left" ? text + fill : fill + text;
}

/**
 * Chinese line breaking (禁则): characters that may not start a line (closing brackets and quotes, pause and
 * stop marks) and characters that may not end one (opening brackets and quotes).
 */
const CLOSING_BRACKETS = "）］｝〉》」』】〕〗〙〛”’)]}";
const NO_LINE_START = new Set([...`、，。．：；！？…—·・%％,.:;!?${CLOSING_BRACKETS}`]);
const NO_LINE_END = new Set([..."（［｛〈《「『【〔〖〘〚“‘([{"]);
const ASCII_WORD = /^[A-Za-z0-9]$/;

/**
 * The pieces a label may be broken between, by grapheme, with the 禁则 applied: a closing mark sticks to what
 * precedes it, an opening mark to what follows it, and a run of Latin letters and digits stays whole.
 */
function breakableUnits(text: string): string[] {
  const units: string[] = [];
  let opening = "";
  for (const { segment } of graphemes.segment(text)) {
    const previous = units.at(-1);
    if (NO_LINE_END.has(segment)) opening += segment;
    else if (opening !== "") {
      units.push(opening + segment);
      opening = "";
    } else if (
      previous !== undefined &&
      (NO_LINE_START.has(segment) || segment === " " || (ASCII_WORD.test(segment) && ASCII_WORD.test(previous.at(-1)!)))
    )
      units[units.length - 1] = previous + segment;
    else units.push(segment);
  }
  if (opening !== "") units.push(opening);
  return units;
}

/**
 * The phrases of a column label: it may break only before an opening bracket or quote, after its closing
 * partner, and after a space, `、` or `，` outside brackets — never inside a word or a bracket group
 * (`本年收费金额` | `（单位：万元）`).
 */
function phrases(text: string): string[] {
  const units: string[] = [];
  let current = "";
  let depth = 0;
  let breakAfter = false;
  for (const { segment } of graphemes.segment(text)) {
    const opens = NO_LINE_END.has(segment);
    if (current !== "" && ((breakAfter && !NO_LINE_START.has(segment)) || (opens && depth === 0))) {
      units.push(current);
      current = "";
    }
    breakAfter = false;
    current += segment;
    if (opens) depth += 1;
    else if (CLOSING_BRACKETS.includes(segment)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (CLOSING_BRACKETS.includes(segment) || /[\s、，]/.test(segment))) breakAfter = true;
  }
  if (current !== "") units.push(current);
  return units;
}

/** A mark after which a line break reads naturally: a pause or the end of a bracket group. */
const PAUSE = /[、，。：；！？）」』”,;:]$/;
/** A line is only ended early at a pause when it is at least this full. */
const PAUSE_FILL = 0.6;

/**
 * Fills lines no wider than `width` with units, greedily. With `preferPauses`, a line that would break inside a
 * phrase breaks after its last pause (`、，：；`, a closing bracket) instead, when that line is still
 * {@link PAUSE_FILL} full. A unit wider than `width` is broken by grapheme when `breakWide` (row labels), or given a
 * line of its own (column labels: the column widens to it).
 */
function fill(units: readonly string[], width: number, breakWide: boolean, preferPauses: boolean): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  const text = (parts: readonly string[]) => parts.join("").trim();
  for (const unit of units) {
    if (line.length > 0 && displayWidth(text([...line, unit])) > width) {
      let cut = line.length;
      if (preferPauses) {
        for (let index = line.length - 1; index > 0; index -= 1) {
          if (!PAUSE.test(line[index - 1]!)) continue;
          if (displayWidth(text(line.slice(0, index))) >= PAUSE_FILL * width) cut = index;
          break;
        }
        // Moving the tail down must leave room for the unit that did not fit.
        if (cut < line.length && displayWidth(text([...line.slice(cut), unit])) > width) cut = line.length;
      }
      lines.push(text(line.slice(0, cut)));
      line = line.slice(cut);
    }
    line.push(unit);
    if (breakWide && line.length === 1 && displayWidth(text(line)) > width) {
      // A unit wider than the column (a long Latin word): by grapheme, as a last resort.
      let piece = "";
      for (const { segment } of graphemes.segment(text(line))) {
        if (piece !== "" && displayWidth(piece + segment) > width) {
          lines.push(piece);
          piece = "";
        }
        piece += segment;
      }
      line = [piece];
    }
  }
  if (text(line) !== "") lines.push(text(line));
  return lines;
}

/** The lines of a row-label segment: breaking at pauses where that costs no extra line, greedily otherwise. */
function breakSegment(segment: string, width: number): string[] {
  const units = breakableUnits(segment);
  const greedy = fill(units, width, true, false);
  const paused = fill(units, width, true, true);
  return paused.length <= greedy.length ? paused : greedy;
}

/**
 * Wraps a row label given as segments (outermost first): whole segments joined by " / " while they fit on a
 * line, a new line between segments otherwise, and a segment wider than `width` broken between characters by the
 * Chinese line-breaking rules (no line starts with `、，。：；）」”`, none ends with `（「“`).
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

/**
 * Wraps a column label into lines no wider than `width`, breaking only between phrases (before `（`, after `）`,
 * after `、`, `，` or a space outside brackets). A phrase wider than `width` keeps a line of its own, wider.
 */
export function wrapHeader(label: string, width: number): string[] {
  const text = cleanInline(label);
  return text === "" ? [] : fill(phrases(text), width, false, false);
}

/** `label` centred in `width` columns between dashes that mark how far its merged cell reaches. */
function spanLine(label: string, width: number): string {
  const room = width - displayWidth(label);
  if (room < 4) return pad(label, width, room > 0 ? "right" : "left");
  const left = Math.floor((room - 2) / 2);
  return `${"-".repeat(left)} ${label} ${"-".repeat(room - 2 - left)}`;
}

/** A run of adjacent columns under one merged column label. */
interface Span {
  readonly first: number;
  readonly last: number;
  readonly label: string | null;
}

/** The merged column labels at one level (0 = outermost), as runs of columns; columns without one get null. */
function spansAt(columns: readonly (readonly string[])[], level: number): Span[] {
  const spans: Span[] = [];
  const keyOf = (column: readonly string[]) => (column.length - 1 > level ? column.slice(0, level + 1).join("\u0000") : null);
  columns.forEach((column, index) => {
    const key = keyOf(column);
    const previous = spans.at(-1);
    if (key !== null && previous && previous.label !== null && keyOf(columns[previous.last]!) === key)
      spans[spans.length - 1] = { ...previous, last: index };
    else spans.push({ first: index, last: index, label: key === null ? null : cleanInline(column[level]!) });
  });
  return spans;
}

/**
 * A table in plain text. Row labels are written in full (outer groups joined by " / ") and wrap within their
 * column; a column's own label sits at the bottom of the header, right-aligned over its numbers; a merged column
 * label (申请人情况, 法人或其他组织) is written once, centred between dashes over the columns it spans, as the
 * official table draws it — so no column has to be as wide as the labels above it.
 */
function textTable(lines: string[], flat: FlatTable): void {
  if (flat.caption !== null) lines.push(cleanInline(flat.caption));
  const labelLines = [flat.corner, ...flat.rows.map((row) => row.label)].map((label) => wrapLabel(label, LABEL_WIDTH));
  const ownLines = flat.columns.map((column) => wrapHeader(column.at(-1) ?? "", COLUMN_WIDTH));
  const widths = [
    Math.max(1, ...labelLines.flat().map(displayWidth)),
    ...flat.columns.map((_, index) =>
      Math.max(1, ...ownLines[index]!.map(displayWidth), ...flat.rows.map((row) => displayWidth(row.values[index] ?? ""))),
    ),
  ];
  const levels = Math.max(0, ...flat.columns.map((column) => column.length - 1));
  const spans = Array.from({ length: levels }, (_, level) => spansAt(flat.columns, level));
  const spanWidth = (span: Span) =>
    widths.slice(span.first + 1, span.last + 2).reduce((sum, width) => sum + width, 0) + GAP.length * (span.last - span.first);
  // A merged label wider than its columns widens the last of them; inner levels first, so outer spans see it.
  for (let level = levels - 1; level >= 0; level -= 1)
    for (const span of spans[level]!) {
      const missing = span.label === null ? 0 : displayWidth(span.label) - spanWidth(span);
      if (missing > 0) widths[span.last + 1]! += missing;
    }

  // The header: merged labels on the first lines, the columns' own labels below them (bottom-aligned), the
  // corner label beside them, bottom-aligned too.
  const ownHeight = Math.max(0, ...ownLines.map((cell) => cell.length));
  const valueHeight = levels + ownHeight;
  const corner = labelLines[0]!;
  const height = Math.max(1, corner.length, valueHeight);
  for (let line = 0; line < height; line += 1) {
    const cells = [pad(corner[line - height + corner.length] ?? "", widths[0]!, "left")];
    const row = line - (height - valueHeight);
    if (row >= 0 && row < levels) {
      for (const span of spans[row]!) cells.push(span.label === null ? " ".repeat(spanWidth(span)) : spanLine(span.label, spanWidth(span)));
    } else {
      const own = row - levels;
      ownLines.forEach((cell, index) => cells.push(pad(cell[own - ownHeight + cell.length] ?? "", widths[index + 1]!, "right")));
    }
    lines.push(cells.join(GAP).trimEnd());
  }
  lines.push(widths.map((width) => "-".repeat(width)).join(GAP));
  // Values are right-aligned beside the last line of their row's wrapped label.
  flat.rows.forEach((row, index) => {
    const label = labelLines[index + 1]!;
    const height = Math.max(1, label.length);
    for (let line = 0; line < height; line += 1) {
      const last = line === height - 1;
      const cells = [pad(label[line] ?? "", widths[0]!, "left")];
      if (last) row.values.forEach((value, column) => cells.push(pad(value, widths[column + 1]!, "right")));
      lines.push(cells.join(GAP).trimEnd());
    }
  });
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
 * each table with its columns aligned by display width (string-width: CJK characters, and the ambiguous-width
 * curly quotes, are two columns). Row labels are written out in full and wrap inside their column by the Chinese
 * line-breaking rules; a merged column label is written once over the columns it spans; column labels break only
 * between phrases. Blank cells stay empty. Control
 * characters are removed, so the text is safe to print in a terminal. Deterministic.
 *
 * @example
 * ```ts
 * import { renderText } from "@xxgk/renderer";
 * process.stdout.write(renderText(report));
 * ```
 */
export function renderText(report: Report): string {
  report = renderable(report);
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
