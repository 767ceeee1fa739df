/**
 * The work done for one input file, the same in the main thread and in worker threads. Outcomes are plain data
 * (structured-clone safe) so workers can post them back.
 */
import { parseReport, type SchemaIssue } from "@xxgk/schema";
import type { Profile, Severity, ValidationResult } from "@xxgk/validators";
import type { CliErrorCode } from "./errors.js";
import { exportReport, type ExportFormat } from "./export-rows.js";
import type { Message } from "./i18n.js";
import type { InputEncoding } from "./input/decode.js";
import type { InputFile } from "./input/expand.js";
import type { JsonSyntaxProblem } from "./input/json-syntax.js";
import { loadReportBytes, loadReportFile, type LoadResult } from "./input/read.js";

/** Validation settings shared by every file of a run. */
export interface ValidateJob {
  kind: "validate";
  profile?: Profile;
  /** Last year's report (already parsed JSON). */
  previous?: unknown;
  rules?: Record<string, Severity | "off">;
  /** ISO date for deadline rules. */
  today?: string;
}

/** Export settings shared by every file of a run. */
export interface ExportJob {
  kind: "export";
  format: ExportFormat;
  wide: boolean;
}

/** The settings of a batch. */
export type Job = ValidateJob | ExportJob;

/** A file that could not be loaded. */
export type LoadFailure =
  | { status: "syntax"; encoding: InputEncoding; problem: JsonSyntaxProblem }
  | { status: "error"; error: { code: CliErrorCode; text: Message } };

/** A validation result without the parsed report (not needed after validation, and costly to post between threads). */
export type ValidationSummary = Omit<ValidationResult, "report">;

/** The outcome of validating one file. */
export type ValidateOutcome = { status: "ok"; encoding: InputEncoding; result: ValidationSummary } | LoadFailure;

/** The outcome of exporting one file. */
export type ExportOutcome =
  | { status: "ok"; encoding: InputEncoding; text: string }
  | { status: "invalid"; encoding: InputEncoding; issues: Pick<SchemaIssue, "pointer" | "label" | "message" | "messageEn">[] }
  | LoadFailure;

/** The outcome of one file of a job. */
export type Outcome<J extends Job> = J extends ValidateJob ? ValidateOutcome : ExportOutcome;

function failure(loaded: Exclude<LoadResult, { kind: "ok" }>): LoadFailure {
  if (loaded.kind === "syntax") return { status: "syntax", encoding: loaded.encoding, problem: loaded.problem };
  return { status: "error", error: { code: loaded.error.code, text: loaded.error.text } };
}

let validators: typeof import("@xxgk/validators") | undefined;

/** Validates one loaded value. */
export async function validateValue(value: unknown, job: ValidateJob): Promise<ValidationSummary> {
  // Loaded on first use, so exporting never loads the rule engine.
  validators ??= await import("@xxgk/validators");
  const { report: _report, ...summary } = validators.validate(value, {
    ...(job.profile ? { profile: job.profile } : {}),
    ...(job.previous !== undefined ? { previous: job.previous } : {}),
    ...(job.rules ? { rules: job.rules } : {}),
    ...(job.today ? { today: new Date(`${job.today}T12:00:00`) } : {}),
  });
  return summary;
}

/** Runs a job on one file (`bytes` given for standard input). */
export async function runTask(job: ValidateJob, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome>;
export async function runTask(job: ExportJob, file: InputFile, bytes?: Uint8Array): Promise<ExportOutcome>;
export async function runTask(job: Job, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome | ExportOutcome>;
export async function runTask(job: Job, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome | ExportOutcome> {
  const loaded = bytes ? await loadReportBytes(bytes, file.name) : await loadReportFile(file.path, file.name);
  if (loaded.kind !== "ok") return failure(loaded);
  if (job.kind === "validate") return { status: "ok", encoding: loaded.encoding, result: await validateValue(loaded.value, job) };
  const parsed = parseReport(loaded.value);
  if (!parsed.success) {
    return {
      status: "invalid",
      encoding: loaded.encoding,
      issues: parsed.issues.map(({ pointer, label, message, messageEn }) => ({ pointer, label, message, messageEn })),
    };
  }
  return { status: "ok", encoding: loaded.encoding, text: exportReport(parsed.report, file.name, job.format, job.wide) };
}
