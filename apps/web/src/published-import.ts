/**
 * Opening a published report (PDF, HTML, DOCX, text) as report JSON, through @xxgk/importer. The importer (with
 * PDF.js) is loaded only when the clerk first uses the button, to keep the first load small (`load-extras.ts`).
 */
import type { Report } from "@xxgk/schema/layout";
import type { Diagnostic } from "@xxgk/validators/core";
import { loadImporter } from "./load-extras.js";

/** What an import gives back. */
export interface PublishedImport {
  /** The importer's verdict: `imported`, `partial` (sections or rows missing) or `refused`. */
  status: string;
  /** The report read from the file, when one could be read (cells that could not be read are listed in its `import`
   * block, so the checks say "导入时无法辨认" rather than "空白"). */
  report?: Report;
  /** What the importer found on the way (unreadable cells, inferred splits, refusals with their reason). */
  findings: readonly Pick<Diagnostic, "severity" | "message" | "messageEn">[];
}

/** Reads a published report file. */
export async function importPublished(bytes: Uint8Array, fileName: string): Promise<PublishedImport> {
  const { importReport } = await loadImporter();
  const result = await importReport(bytes, { fileName });
  return {
    status: result.status,
    ...(result.report ? { report: result.report } : {}),
    findings: result.findings,
  };
}
