/**
 * Prose sections: lines back into paragraphs (PDF extraction breaks lines mid-sentence), titled parts
 * （一）…（十）, Markdown markers dropped; and the title, body and year from the text before 一、总体情况.
 */
import type { Prose } from "@xxgk/schema/layout";
import type { Stream } from "./stream.js";

/** The published lines of `[start, end)` of the stream, cells joined by a space, Markdown markers removed. */
export function linesOf(stream: Stream, start: number, end: number): string[] {
  return stream.original
    .slice(start, end)
    .split("\n")
    .map((line) =>
      line
        .replace(/\t+/gu, " ")
        .replace(/^\s*#{1,6}\s+/u, "")
        .replace(/\*\*|__/gu, "")
        .replace(/^\s*>\s?/u, "")
        .trim(),
    )
    .filter((line) => line !== "");
}

const PART_MARKER = /^[(（]\s*([一二三四五六七八九十]{1,3})\s*[)）]\s*/u;
const NUMERALS = "一二三四五六七八九十";
const SENTENCE_END = /[。！？!?；;：:”"’）)》」』]$/u;
const TITLE_LIMIT = 40;
/** A crawled page may hold a whole section on one line: split it before （二）… only on lines this long. */
const LONG_LINE = 300;

function ordinalValue(text: string): number {
  if (text === "十") return 10;
  if (text.startsWith("十")) return 10 + NUMERALS.indexOf(text[1]!) + 1;
  return NUMERALS.indexOf(text[0]!) + 1;
}

function numeral(value: number): string {
  if (value <= 10) return NUMERALS[value - 1]!;
  return `十${NUMERALS[value - 11]}`;
}

/** Splits long lines before part markers （二）（三）… that follow in sequence. */
function splitLongLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (line.length < LONG_LINE) {
      out.push(line);
      continue;
    }
    let rest = line;
    let expected = 1;
    const first = PART_MARKER.exec(rest);
    if (first) expected = ordinalValue(first[1]!) + 1;
    for (;;) {
      const marker = new RegExp(`[(（]${numeral(expected)}[)）]`, "u");
      const found = marker.exec(rest.slice(1));
      if (!found) break;
      const at = found.index + 1;
      out.push(rest.slice(0, at).trim());
      rest = rest.slice(at);
      expected += 1;
    }
    out.push(rest.trim());
  }
  return out.filter((line) => line !== "");
}

/** Joins broken lines into paragraphs: a line ends a paragraph when it ends a sentence. */
function paragraphsOf(lines: readonly string[]): string[] {
  const paragraphs: string[] = [];
  let current = "";
  for (const line of lines) {
    current = current === "" ? line : joinBroken(current, line);
    if (SENTENCE_END.test(current)) {
      paragraphs.push(current);
      current = "";
    }
  }
  if (current !== "") paragraphs.push(current);
  return paragraphs;
}

function joinBroken(left: string, right: string): string {
  // Latin words broken across lines keep a space; Chinese text joins directly.
  return /[A-Za-z0-9]$/u.test(left) && /^[A-Za-z0-9]/u.test(right) ? `${left} ${right}` : `${left}${right}`;
}

/** A prose section from its published lines. */
export function proseOf(rawLines: readonly string[]): Prose {
  const lines = splitLongLines(rawLines);
  const before: string[] = [];
  const parts: { title: string; lines: string[] }[] = [];
  let expected = 1;
  for (const line of lines) {
    const marker = PART_MARKER.exec(line);
    if (marker && ordinalValue(marker[1]!) === expected) {
      expected += 1;
      const rest = line.slice(marker[0].length);
      const label = `（${marker[1]}）`;
      const stop = rest.search(/[。：:]/u);
      if (stop >= 0 && stop <= TITLE_LIMIT) {
        const remainder = rest.slice(stop + 1).trim();
        parts.push({ title: `${label}${rest.slice(0, stop).trim()}`, lines: remainder === "" ? [] : [remainder] });
      } else if (rest.length <= TITLE_LIMIT) {
        parts.push({ title: `${label}${rest.trim()}`, lines: [] });
      } else {
        parts.push({ title: label, lines: [rest] });
      }
      continue;
    }
    if (parts.length > 0) parts[parts.length - 1]!.lines.push(line);
    else before.push(line);
  }
  const prose: Prose = { paragraphs: paragraphsOf(before) };
  if (parts.length > 0) prose.parts = parts.map((part) => ({ title: part.title, paragraphs: paragraphsOf(part.lines) }));
  return prose;
}

/** Title, body and year read from the lines before 一、总体情况. */
export interface TitleInfo {
  readonly title?: string;
  readonly body?: string;
  readonly year?: number;
  /** Index (in `lines`) of the line holding the title, -1 when none. */
  readonly titleLine: number;
  /** Text after the title on its line (a crawled page's single line goes on with the preamble). */
  readonly rest: string;
}

const TITLE = /([\u4e00-\u9fff（）()]{2,40}?)?\s*((?:19|20)\d{2})\s*年度?\s*([\u4e00-\u9fff（）()]{2,40}?)?政府信息公开\s*(?:工作)?\s*年度报告/gu;
/** A title line may carry a short prefix (`标题：`) or suffix (`-沭阳县发改局`). */
const TITLE_SLACK = 15;

/** Finds the report's title in the lines before section 一: the last line that is a title, else the last mention. */
export function titleOf(linesIn: readonly string[]): TitleInfo {
  // A title broken over two lines (`2025 年上海市人民政府办公厅政府信息公开` / `工作年度报告`) is joined first.
  const lines = [...linesIn];
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const joined = `${lines[index]}${lines[index + 1]}`;
    if (!matchesTitle(lines[index]!) && !matchesTitle(lines[index + 1]!) && lines[index]!.length <= 40 && matchesTitle(joined) && joined.length <= 60) {
      lines[index] = joined;
      lines[index + 1] = "";
    }
  }
  let chosen: { index: number; match: RegExpExecArray; standalone: boolean } | undefined;
  lines.forEach((line, index) => {
    for (const match of line.matchAll(TITLE)) {
      const standalone = match.index <= TITLE_SLACK && line.length - (match.index + match[0].length) <= TITLE_SLACK;
      if (!chosen || standalone || !chosen.standalone) chosen = { index, match, standalone };
    }
  });
  if (!chosen) return { titleLine: -1, rest: "" };
  const { index, match, standalone } = chosen;
  const line = lines[index]!;
  const year = Number(match[2]);
  let body = (match[1] ?? match[3])?.trim();
  if (!body || body.length < 2) {
    const previous = lines[index - 1]?.trim();
    if (previous && previous.length <= 30 && !/[。，,：:]/u.test(previous)) body = previous;
  }
  const printed = match[0].replace(/\s+/gu, "");
  if (match[3] && !match[1]) {
    // Year first: `2025年上海市人民政府办公厅政府信息公开工作年度报告`.
    return { title: printed, ...(body ? { body } : {}), year, titleLine: index, rest: standalone ? "" : line.slice(match.index + match[0].length).trim() };
  }
  const title = body && !printed.startsWith(body) ? `${body}${printed}` : printed;
  const rest = standalone ? "" : line.slice(match.index + match[0].length).trim();
  return { title, ...(body ? { body } : {}), year, titleLine: index, rest };
}

function matchesTitle(line: string): boolean {
  TITLE.lastIndex = 0;
  const found = TITLE.test(line);
  TITLE.lastIndex = 0;
  return found;
}
