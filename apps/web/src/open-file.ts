/**
 * Opening a report JSON the clerk picked or dropped: the fast zod-free check first; for a file that is not a
 * well-formed report, the zod schema of @xxgk/schema is loaded (only then) to say where and what is wrong.
 */
import { isWellFormedReport, type Report } from "@xxgk/schema/layout";
import type { Lang } from "./i18n.js";
import { loadExtras } from "./load-extras.js";

/** The outcome of reading a file. */
export type OpenResult = { ok: true; report: Report } | { ok: false; problems: string[] };

const MAX_PROBLEMS = 8;

/** Reads report JSON text; `fileName` names the file in every problem. */
export async function openReportJson(text: string, fileName: string, lang: Lang): Promise<OpenResult> {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [lang === "en" ? `${fileName}: not JSON (${reason})` : `${fileName}：不是 JSON 文件（${reason}）`] };
  }
  if (isWellFormedReport(value)) return { ok: true, report: value };
  const { parseReport } = await loadExtras();
  const parsed = parseReport(value);
  if (parsed.success) return { ok: true, report: parsed.report };
  const problems = parsed.issues
    .slice(0, MAX_PROBLEMS)
    .map((issue) => `${fileName} ${issue.label || issue.pointer || "/"}：${lang === "en" ? issue.messageEn : issue.message}`);
  if (parsed.issues.length > MAX_PROBLEMS) {
    const more = parsed.issues.length - MAX_PROBLEMS;
    problems.push(lang === "en" ? `… and ${more} more` : `……另有 ${more} 处`);
  }
  return { ok: false, problems };
}

/** A file name for downloads: the body and year, without characters file systems refuse. */
export function fileBaseName(report: Report): string {
  const name = `${report.meta.body}-${report.meta.year}`.replace(/[\\/:*?"<>|\u0000-\u001f]/g, "_").trim();
  return name.length > 0 ? name : "report";
}
