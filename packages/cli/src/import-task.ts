/**
 * Importing one published report (the work of `xxgk import` for one file, in the main thread or a worker):
 * read the bytes, decode text as the CLI decodes everything, import with @xxgk/importer, check the result with
 * @xxgk/validators. The outcome is plain data; the report travels as its JSON text.
 */
import type { CliErrorCode } from "./errors.js";
import type { Message } from "./i18n.js";
import type { InputFile } from "./input/expand.js";

/** File kinds a directory is searched for by `xxgk import` (and by `xxgk review`, beside `.json`). */
export const IMPORT_EXTENSIONS = [".txt", ".md", ".markdown", ".html", ".htm", ".pdf", ".docx"] as const;

/** Settings of an import batch. */
export interface ImportJob {
  kind: "import";
  /** Profile of the validation run on each imported report (default `audit`: the report is published). */
  profile?: "publish" | "audit";
  /** Date for deadline rules, YYYY-MM-DD. */
  today?: string;
  /** Language of the positions written into the report's import block. */
  lang: "zh" | "en";
}

/** One finding of an import, as printed. */
export interface ImportFindingLine {
  code: string;
  severity: "error" | "warning" | "info";
  text: Message;
}

/** The outcome of importing one file. */
export type ImportOutcome =
  | {
      status: "imported" | "partial";
      /** The report as JSON text (two-space indentation). */
      report: string;
      counts: { read: number; inferred: number; unreadable: number; blank: number; absent: number };
      findings: ImportFindingLine[];
      /** Validation of the imported report: failed rules (error or warning) and not-assessable ones. */
      validation: { failed: number; notAssessable: number };
    }
  | { status: "refused"; code: string; text: Message; findings: ImportFindingLine[] }
  | { status: "error"; error: { code: CliErrorCode; text: Message } };

/** The report an import produced (type only: the importer itself is loaded on demand). */
export type ImportedReport = NonNullable<Awaited<ReturnType<typeof import("@xxgk/importer").importReport>>["report"]>;

const TEXT_FORMATS = new Set(["text", "markdown"]);

/** One published document imported (without validation): the shared part of `xxgk import` and `xxgk review`. */
export type ImportedDocument =
  | {
      status: "imported" | "partial";
      /** The report, with its `import` block (the cells that could not be read), ready for the validators. */
      report: ImportedReport;
      counts: { read: number; inferred: number; unreadable: number; blank: number; absent: number };
      findings: ImportFindingLine[];
    }
  | { status: "refused"; code: string; text: Message; findings: ImportFindingLine[] }
  | { status: "error"; error: { code: CliErrorCode; text: Message } };

/**
 * Imports one published document (PDF, Word, HTML, text, Markdown; the kind is told from the content) from its
 * bytes, or from its file when `bytes` is not given. Text is decoded as every command decodes its input. Never throws.
 */
export async function importDocument(file: InputFile, lang: "zh" | "en", bytes?: Uint8Array): Promise<ImportedDocument> {
  const { readInputFile } = await import("./input/read.js");
  const { decodeReportBytes } = await import("./input/decode.js");
  const { CliError } = await import("./errors.js");
  let input: Uint8Array | string;
  try {
    input = bytes ?? readInputFile(file.path, file.name);
  } catch (error) {
    if (error instanceof CliError) return { status: "error", error: { code: error.code, text: error.text } };
    throw error;
  }
  const importer = await import("@xxgk/importer");
  // Text is decoded the way every other command decodes its input (BOM, UTF-16, GB18030, with the same errors).
  const detected = importer.detectFormat(input, file.name);
  if (detected.supported && TEXT_FORMATS.has(detected.format)) {
    try {
      input = (await decodeReportBytes(input, file.name)).text;
    } catch (error) {
      if (error instanceof CliError) return { status: "error", error: { code: error.code, text: error.text } };
      throw error;
    }
  }
  const result = await importer.importReport(input, { fileName: file.name.split(/[\\/]/u).pop()!, lang });
  const findings = result.findings.map((finding) => {
    const where = finding.position ? importer.describePosition(finding.position, "zh") : "";
    const whereEn = finding.position ? importer.describePosition(finding.position, "en") : "";
    return {
      code: finding.code,
      severity: finding.severity,
      text: { zh: `${where ? `${where}：` : ""}${finding.message}`, en: `${whereEn ? `${whereEn}: ` : ""}${finding.messageEn}` },
    };
  });
  if (result.status === "refused" || !result.report) {
    return {
      status: "refused",
      code: result.refusal?.code ?? "NO_REPORT",
      text: { zh: result.refusal?.message ?? "", en: result.refusal?.messageEn ?? "" },
      findings,
    };
  }
  return { status: result.status, report: result.report, counts: result.counts, findings };
}

/** Imports one file (`bytes` given for standard input) and validates the report. Never throws. */
export async function runImportTask(job: ImportJob, file: InputFile, bytes?: Uint8Array): Promise<ImportOutcome> {
  const imported = await importDocument(file, job.lang, bytes);
  if (imported.status === "refused" || imported.status === "error") return imported;
  const { validate } = await import("@xxgk/validators");
  const validation = validate(imported.report, {
    profile: job.profile ?? "audit",
    ...(job.today ? { today: new Date(`${job.today}T00:00:00Z`) } : {}),
  });
  return {
    status: imported.status,
    report: `${JSON.stringify(imported.report, null, 2)}\n`,
    counts: imported.counts,
    findings: imported.findings,
    validation: {
      failed: validation.diagnostics.filter((diagnostic) => diagnostic.outcome === "fail" && diagnostic.severity !== "info").length,
      notAssessable: validation.counts.notAssessable,
    },
  };
}
