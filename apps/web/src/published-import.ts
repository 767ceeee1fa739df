/**
 * The seam to @xxgk/importer: opening a published report (PDF, HTML, DOCX, text) as report JSON.
 *
 * The importer package is not usable on this branch yet, so `importPublished` answers "not available". When it is,
 * replace the body with (the importer is loaded only when the clerk uses the button, to keep the first load small):
 *
 * ```ts
 * const { importReport } = await import("@xxgk/importer");
 * return { available: true, ...(await importReport(bytes, { fileName })) };
 * ```
 *
 * and add `@xxgk/importer` to this app's dependencies. Everything else (the button, the file picker, showing the
 * findings, opening the report) already works through this function.
 */
import type { Report } from "@xxgk/schema/layout";
import type { Diagnostic } from "@xxgk/validators/core";

/** What an import gives back. */
export type PublishedImport =
  | { available: false }
  | {
      available: true;
      /** The importer's verdict (e.g. `ok`, `partial`, `failed`). */
      status: string;
      /** The report read from the file, when one could be read. */
      report?: Report;
      /** What the importer found on the way (unreadable cells, images instead of tables, …). */
      findings: readonly Pick<Diagnostic, "severity" | "message" | "messageEn">[];
    };

/** True while the importer is not wired in: the button then says so instead of opening a file picker. */
export const PUBLISHED_IMPORT_AVAILABLE = false;

/** Reads a published report file. */
export async function importPublished(bytes: Uint8Array, fileName: string): Promise<PublishedImport> {
  void bytes;
  void fileName;
  return { available: false };
}
