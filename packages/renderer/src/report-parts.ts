/**
 * The parts of a report every output prints in the same order: title, preamble, the six sections, signature.
 */
import { LAYOUTS, layoutOf, type Prose, type Report, type SectionLayout } from "@xxgk/schema/layout";
import { RenderError } from "./errors.js";

/** The name of the document type, used for the title when `meta.title` is absent. */
export const DOCUMENT_NAME = "政府信息公开工作年度报告";

/** The report's title: `meta.title`, or `{body}{year}年政府信息公开工作年度报告`. */
export function titleOf(report: Report): string {
  return report.meta.title ?? `${report.meta.body}${report.meta.year}年${DOCUMENT_NAME}`;
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

/**
 * Throws {@link RenderError} unless the value has a known edition and a `meta` with a body: everything else is
 * rendered tolerantly (a missing cell prints blank, a missing prose section prints nothing).
 */
export function assertRenderable(report: Report): void {
  if (report === null || typeof report !== "object") throw new RenderError("NOT_A_REPORT", "expected a report object");
  if (!Object.hasOwn(LAYOUTS, String(report.edition)))
    throw new RenderError("UNKNOWN_EDITION", `unknown edition ${JSON.stringify(report.edition)}: expected "2021" or "2019"`);
  if (report.meta === null || typeof report.meta !== "object" || typeof report.meta.body !== "string")
    throw new RenderError("NOT_A_REPORT", "expected meta.body to be a string");
}
