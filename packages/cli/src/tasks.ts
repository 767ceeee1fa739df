/**
 * The work done for one input file, the same in the main thread and in worker threads. Outcomes are plain data
 * (structured-clone safe) and small: the file's part of the output is formatted where it was computed.
 */
import { isWellFormedReport } from "@xxgk/schema/layout";
import type { CliErrorCode } from "./errors.js";
import { exportReport, type ExportFormat } from "./export-rows.js";
import type { Message } from "./i18n.js";
import type { InputFile } from "./input/expand.js";
import { loadReportBytes, loadReportFile } from "./input/read.js";
import type { ValidatedFile, ValidateSettings } from "./validate-output.js";

/** Validation settings of a batch. */
export interface ValidateJob extends ValidateSettings {
  kind: "validate";
}

/** Export settings of a batch. */
export interface ExportJob {
  kind: "export";
  format: ExportFormat;
  wide: boolean;
}

/** The settings of a batch. */
export type Job = ValidateJob | ExportJob;

/** A file that could not be read (missing, binary, too large…). */
export interface ReadFailure {
  status: "error";
  error: { code: CliErrorCode; text: Message };
}

/** The outcome of validating one file. */
export type ValidateOutcome = (ValidatedFile & { status: "ok" | "syntax" }) | (ReadFailure & ValidatedFile);

/** The outcome of exporting one file. */
export type ExportOutcome =
  | { status: "ok"; text: string }
  | { status: "invalid"; issues: { pointer: string; label: string; message: string; messageEn: string }[] }
  | { status: "syntax"; frame: Message }
  | ReadFailure;

let validateOutput: typeof import("./validate-output.js") | undefined;
let syntaxFrame: typeof import("./syntax-frame.js") | undefined;

/** Runs a job on one file (`bytes` given for standard input). */
export async function runTask(job: ValidateJob, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome>;
export async function runTask(job: ExportJob, file: InputFile, bytes?: Uint8Array): Promise<ExportOutcome>;
export async function runTask(job: Job, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome | ExportOutcome>;
export async function runTask(job: Job, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome | ExportOutcome> {
  const loaded = bytes ? await loadReportBytes(bytes, file.name) : await loadReportFile(file.path, file.name);
  if (job.kind === "validate") {
    // Loaded on first use, so exporting never loads the rule engine.
    validateOutput ??= await import("./validate-output.js");
    const { formatFile, validateValue, syntaxResult, failedResult, READ_ERROR_RULE } = validateOutput;
    if (loaded.kind === "ok") return { status: "ok", ...formatFile(job, file.name, await validateValue(loaded.value, job)) };
    if (loaded.kind === "syntax") return { status: "syntax", ...formatFile(job, file.name, syntaxResult(loaded.problem), { problem: loaded.problem }) };
    const error = { code: loaded.error.code, text: loaded.error.text };
    return { status: "error", error, ...formatFile(job, file.name, failedResult(READ_ERROR_RULE, error.text), { readError: true }) };
  }
  if (loaded.kind === "error") return { status: "error", error: { code: loaded.error.code, text: loaded.error.text } };
  if (loaded.kind === "syntax") {
    syntaxFrame ??= await import("./syntax-frame.js");
    const { formatSyntaxProblem } = syntaxFrame;
    return { status: "syntax", frame: { zh: formatSyntaxProblem(file.name, loaded.problem, "zh"), en: formatSyntaxProblem(file.name, loaded.problem, "en") } };
  }
  if (isWellFormedReport(loaded.value)) {
    return { status: "ok", text: exportReport(loaded.value, file.name, job.format, job.wide) };
  }
  // Only a malformed report loads zod, to say what is wrong with it.
  const parsed = (await import("@xxgk/schema")).parseReport(loaded.value);
  if (!parsed.success) {
    return { status: "invalid", issues: parsed.issues.map(({ pointer, label, message, messageEn }) => ({ pointer, label, message, messageEn })) };
  }
  return { status: "ok", text: exportReport(parsed.report, file.name, job.format, job.wide) };
}
