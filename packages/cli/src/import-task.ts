/**
 * Importing one published report (the work of `xxgk import` for one file, in the main thread or a worker):
 * read the bytes, decode text as the CLI decodes everything, import with @xxgk/importer, check the result with
 * @xxgk/validators. The outcome is plain data; the report travels as its JSON text.
 */
import type { CliErrorCode } from "./errors.js";
import type { Message } from "./i18n.js";
import type { InputFile } from "./input/expand.js";

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

const TEXT_FORMATS = new Set(["text", "markdown"]);

/** Imports one file (`bytes` given for standard input). Never throws. */
export async function runImportTask(job: ImportJob, file: InputFile, bytes?: Uint8Array): Promise<ImportOutcome> {
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
  const result = await importer.importReport(input, { fileName: file.name.split(/[\\/]/u).pop()!, lang: job.lang });
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
  const { validate } = await import("@xxgk/validators");
  const validation = validate(result.report, {
    profile: job.profile ?? "audit",
    ...(job.today ? { today: new Date(`${job.today}T00:00:00Z`) } : {}),
  });
  return {
    status: result.status,
    report: `${JSON.stringify(result.report, null, 2)}\n`,
    counts: result.counts,
    findings,
    validation: {
      failed: validation.diagnostics.filter((diagnostic) => diagnostic.outcome === "fail" && diagnostic.severity !== "info").length,
      notAssessable: validation.counts.notAssessable,
    },
  };
}
