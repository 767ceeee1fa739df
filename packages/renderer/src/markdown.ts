/**
 * Markdown (GitHub Flavored): headings, paragraphs and pipe tables with merged labels written out in full.
 */
import type { Prose, Report } from "@xxgk/schema/layout";
import { flatTables, type FlatTable } from "./flat-tables.js";
import { partsOf, renderable, sectionsOf, signatureOf, titleOf } from "./report-parts.js";
import { cleanInline, cleanLines } from "./text.js";

const SEGMENT_SEPARATOR = " / ";

// Characters that start or end inline markup anywhere in a line (CommonMark §2.4 backslash escapes).
const INLINE_SPECIAL = /[\\`*_[\]<>|~#]|&(?=#?[A-Za-z0-9]+;)/g;

/**
 * What GitHub's extended autolinks start from: a scheme's colon (`https:`, `mailto:`), `www.`, and the `@` of an
 * e-mail address. Escaping the colon, the dot after `www` or the `@` (backslash escapes of ASCII punctuation show the
 * character itself) keeps text that looks like a link as text: a report's data never becomes a link, and a URL at the
 * end of a line no longer swallows the hard-break backslash after it.
 */
const AUTOLINK_TRIGGERS = /:|(?<=\bwww)\.|@/gi;

/** Escapes text so it renders as itself inside a line (a heading, a table cell, a paragraph line). */
function escapeInline(text: string): string {
  return text
    .trim()
    .replace(INLINE_SPECIAL, (character) => `\\${character}`)
    .replace(AUTOLINK_TRIGGERS, (character) => `\\${character}`);
}

/** Escapes one line of a paragraph: also never a list item, a setext underline or an indented code block. */
function escapeLine(line: string): string {
  return escapeInline(line)
    .replace(/^([+\-=])/, "\\$1")
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

/** Escapes a paragraph; line breaks inside it become hard breaks. */
export function escapeMarkdownParagraph(text: string): string {
  return cleanLines(text)
    .split("\n")
    .map(escapeLine)
    .filter((line) => line !== "")
    .join("\\\n");
}

/** Escapes text for a heading or a table cell: one line. */
export function escapeMarkdownInline(text: string): string {
  return escapeInline(cleanInline(text));
}

function paragraphs(lines: string[], texts: readonly string[]): void {
  for (const text of texts) {
    const paragraph = escapeMarkdownParagraph(text);
    if (paragraph !== "") lines.push(paragraph, "");
  }
}

function prose(lines: string[], value: Prose, partLevel: string): void {
  paragraphs(lines, value.paragraphs);
  for (const part of partsOf(value)) {
    lines.push(`${partLevel} ${escapeMarkdownInline(part.title)}`, "");
    paragraphs(lines, part.paragraphs);
  }
}

function label(segments: readonly string[]): string {
  return segments.map(escapeMarkdownInline).join(SEGMENT_SEPARATOR);
}

function table(lines: string[], flat: FlatTable): void {
  if (flat.caption !== null) lines.push(`**${escapeMarkdownInline(flat.caption)}**`, "");
  lines.push(`| ${[label(flat.corner), ...flat.columns.map(label)].join(" | ")} |`);
  lines.push(`| --- |${flat.columns.map(() => " ---: |").join("")}`);
  for (const row of flat.rows) lines.push(`| ${[label(row.label), ...row.values].join(" | ")} |`);
  lines.push("");
}

/**
 * Renders a report as GitHub Flavored Markdown: the title, the six headings, prose, and each table as a pipe
 * table whose merged labels are written out in full (`三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密`).
 * 表四 is written with one row per group. Blank cells stay empty. Report text is escaped so it never turns into
 * markup. Deterministic.
 *
 * @example
 * ```ts
 * import { renderMarkdown } from "@xxgk/renderer";
 * await writeFile("report.md", renderMarkdown(report));
 * ```
 */
export function renderMarkdown(report: Report): string {
  report = renderable(report);
  const lines: string[] = [`# ${escapeMarkdownInline(titleOf(report))}`, ""];
  if (report.preamble) prose(lines, report.preamble, "###");
  for (const section of sectionsOf(report)) {
    lines.push(`## ${escapeMarkdownInline(section.layout.heading)}`, "");
    if (section.prose) prose(lines, section.prose, "###");
    else if (section.layout.table) for (const flat of flatTables(report, section.layout.table)) table(lines, flat);
  }
  // Each signature line starts a line of the output: escaped like a paragraph line, so a body named "- x", "1. x" or
  // "---" stays text instead of becoming a list or a rule.
  lines.push(signatureOf(report).map((line) => escapeLine(cleanInline(line))).join("\\\n"), "");
  return lines.join("\n");
}
