/**
 * The parts of a report every output prints in the same order: title, preamble, the six sections, signature.
 */
import { isWellFormedReport, LAYOUTS, layoutOf, type Prose, type Report, type SectionLayout } from "@xxgk/schema/layout";
import { RenderError } from "./errors.js";

/** The name of the document type, used for the title when `meta.title` is absent. */
export const DOCUMENT_NAME = "政府信息公开工作年度报告";

/** The report's title: `meta.title`, or `{body}{year}年政府信息公开工作年度报告`. */
export function titleOf(report: Report): string {
  return report.meta.title ?? `${report.meta.body}${typeof report.meta.year === "number" ? report.meta.year : ""}年${DOCUMENT_NAME}`;
}

/** `2024-01-20` → `2024年1月20日` (GB/T 9704 writes the date in Arabic numerals, without leading zeros). */
export function formatDate(isoDate: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return isoDate;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/** The signature lines at the end of the report: the body, then the publication date when known. */
export function signatureOf(report: Report): string[] {
  const lines = [report.meta.body];
  if (report.meta.publishedOn) lines.push(formatDate(report.meta.publishedOn));
  return lines;
}

/** A section of the report with its prose (prose sections) or null (table sections). */
export interface ReportSection {
  readonly layout: SectionLayout;
  readonly prose: Prose | null;
}

/** The six sections in official order. */
export function sectionsOf(report: Report): ReportSection[] {
  return layoutOf(report.edition).sections.map((layout) => ({
    layout,
    prose: layout.kind === "prose" ? proseOf(report, layout) : null,
  }));
}

function proseOf(report: Report, layout: SectionLayout): Prose {
  const value = (report as unknown as Record<string, unknown>)[layout.key];
  if (value && typeof value === "object" && Array.isArray((value as Prose).paragraphs)) return value as Prose;
  return { paragraphs: [] };
}

/** A prose section's parts, or an empty list. */
export function partsOf(prose: Prose): NonNullable<Prose["parts"]> {
  return prose.parts ?? [];
}

/** A short, safe description of any value for an error message (never calls `String` on an object). */
function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (value === null || typeof value === "number" || typeof value === "boolean") return String(value);
  return Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Throws {@link RenderError} unless the value has a known edition and a `meta` with a body. Reads the value without
 * trusting it: an edition that is an object with a `toString` key, or an array nested 10,000 deep, is refused with a
 * RenderError like any other unknown edition, never a TypeError or RangeError.
 */
export function assertRenderable(report: Report): void {
  if (!isRecord(report)) throw new RenderError("NOT_A_REPORT", "expected a report object");
  const edition: unknown = report.edition;
  if (typeof edition !== "string" || !Object.hasOwn(LAYOUTS, edition))
    throw new RenderError("UNKNOWN_EDITION", `unknown edition ${describe(edition)}: expected "2021" or "2019"`);
  if (!isRecord(report.meta) || typeof report.meta.body !== "string")
    throw new RenderError("NOT_A_REPORT", "expected meta.body to be a string");
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

function safeProse(value: unknown): Prose | undefined {
  if (!isRecord(value)) return undefined;
  const parts = Array.isArray(value.parts)
    ? value.parts.filter(isRecord).map((part) => ({ title: typeof part.title === "string" ? part.title : "", paragraphs: strings(part.paragraphs) }))
    : undefined;
  return { paragraphs: strings(value.paragraphs), ...(parts ? { parts } : {}) };
}

function safeTable(value: unknown): Record<string, Record<string, number | null>> | undefined {
  if (!isRecord(value)) return undefined;
  const table: Record<string, Record<string, number | null>> = {};
  for (const [rowKey, row] of Object.entries(value)) {
    if (!isRecord(row)) continue;
    const cells: Record<string, number | null> = {};
    for (const [column, cell] of Object.entries(row)) if (cell === null || typeof cell === "number") cells[column] = cell;
    table[rowKey] = cells;
  }
  return table;
}

/**
 * The report as the renderers read it. A well-formed report is returned as it is; anything else that passes
 * {@link assertRenderable} is copied keeping only what has the right type (strings where text belongs, numbers or
 * null in cells), so rendering a partial or hostile value prints what can be printed and never throws a TypeError.
 */
export function renderable(report: Report): Report {
  assertRenderable(report);
  if (isWellFormedReport(report)) return report;
  const source = report as unknown as Record<string, unknown>;
  const meta = source.meta as Record<string, unknown>;
  const safeMeta: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (typeof value === "string" || (key === "year" && typeof value === "number")) safeMeta[key] = value;
  }
  const copy: Record<string, unknown> = { edition: source.edition, meta: safeMeta };
  for (const layout of layoutOf(source.edition as Report["edition"]).sections) {
    const value = layout.kind === "prose" ? safeProse(source[layout.key]) : safeTable(source[layout.key]);
    if (value) copy[layout.key] = value;
  }
  const preamble = safeProse(source.preamble);
  if (preamble) copy.preamble = preamble;
  return copy as unknown as Report;
}
