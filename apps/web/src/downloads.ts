/**
 * Output: JSON as it is saved, the published web page and the Word document. The DOCX writer (and the library it
 * uses) is loaded on the first download only, to keep the editor's first load small.
 */
import type { Report } from "@xxgk/schema/layout";
import { renderHtml } from "./renderer.js";
import { fileBaseName } from "./open-file.js";
import { loadExtras } from "./load-extras.js";

function save(bytes: BlobPart, type: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The report JSON, exactly as the editor holds it (re-opens identically). */
export function reportJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

export function downloadJson(report: Report): void {
  save(reportJson(report), "application/json", `${fileBaseName(report)}.json`);
}

export function downloadHtml(report: Report): void {
  save(renderHtml(report), "text/html;charset=utf-8", `${fileBaseName(report)}.html`);
}

export async function downloadDocx(report: Report): Promise<void> {
  const { renderDocx } = await loadExtras();
  const bytes = await renderDocx(report);
  save(bytes as Uint8Array<ArrayBuffer>, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", `${fileBaseName(report)}.docx`);
}
