/**
 * The work done for one input file, the same in the main thread and in worker threads. Outcomes are plain data
 * (structured-clone safe) and small: the file's part of the output is formatted where it was computed.
 */
import { isWellFormedReport } from "@xxgk/schema/layout";
import type { CliErrorCode } from "./errors.js";
import { exportReport, type ExportFormat } from "./export-rows.js";
import type { Lang, Message } from "./i18n.js";
import type { InputFile } from "./input/expand.js";
import { loadReportBytes, loadReportFile } from "./input/read.js";
import type { ValidatedFile, ValidateSettings } from "./validate-output.js";
import type { ImportJob, ImportOutcome } from "./import-task.js";

/** Validation settings of a batch. */
export interface ValidateJob extends ValidateSettings {
  kind: "validate";
}

/** Export settings of a batch. */
export interface ExportJob {
  kind: "export";
  format: ExportFormat;
  wide: boolean;
  /** Language of the `problem` texts of invalid cells. */
  lang: Lang;
}

/** The settings of a batch. */
export type Job = ValidateJob | ExportJob | ImportJob;

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
  /** Exported with the cells whose stated value is invalid left empty (and explained in the problem column). */
  | { status: "partial"; text: string; cells: { label: string; problem: Message }[] }
  | { status: "invalid"; issues: { pointer: string; label: string; message: string; messageEn: string }[] }
  | { status: "syntax"; frame: Message }
  | ReadFailure;

let validateOutput: typeof import("./validate-output.js") | undefined;
let syntaxFrame: typeof import("./syntax-frame.js") | undefined;
let cellRepair: typeof import("./cell-repair.js") | undefined;

/** Runs a job on one file (`bytes` given for standard input). */
export async function runTask(job: ValidateJob, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome>;
export async function runTask(job: ExportJob, file: InputFile, bytes?: Uint8Array): Promise<ExportOutcome>;
export async function runTask(job: ImportJob, file: InputFile, bytes?: Uint8Array): Promise<ImportOutcome>;
export async function runTask(job: Job, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome | ExportOutcome | ImportOutcome>;
export async function runTask(job: Job, file: InputFile, bytes?: Uint8Array): Promise<ValidateOutcome | ExportOutcome | ImportOutcome> {
  if (job.kind === "import") {
    const { runImportTask } = await import("./import-task.js");
    return runImportTask(job, file, bytes);
  }
  const loaded = bytes ? await loadReportBytes(bytes, file.name) : await loadReportFile(file.path, file.name);
  if (job.kind === "validate") {
    // Loaded on first use, so exporting never loads the rule engine.
    validateOutput ??= await import("./validate-output.js");
    const { formatFile, validateValue, syntaxResult, failedResult, withDuplicateKeys, READ_ERROR_RULE } = validateOutput;
    if (loaded.kind === "ok") {
      const result = await validateValue(loaded.value, job);
      if (!loaded.duplicateKeys) return { status: "ok", ...formatFile(job, file.name, result, { text: loaded.text }) };
      const duplicates = loaded.duplicateKeys;
      return { status: "ok", ...formatFile(job, file.name, withDuplicateKeys(result, duplicates), { duplicates, text: loaded.text }) };
    }
    if (loaded.kind === "syntax") {
      return { status: "syntax", ...formatFile(job, file.name, syntaxResult(loaded.problem), { problem: loaded.problem, text: loaded.text }) };
    }
    const error = { code: loaded.error.code, text: loaded.error.text };
    return { status: "error", error, ...formatFile(job, file.name, failedResult(READ_ERROR_RULE, error.text), { readError: true }) };
  }
  if (loaded.kind === "error") return { status: "error", error: { code: loaded.error.code, text: loaded.error.text } };
  if (loaded.kind === "syntax" || loaded.duplicateKeys) {
    // A repeated key is refused like a syntax error: the value JSON.parse kept may not be the one meant.
    syntaxFrame ??= await import("./syntax-frame.js");
    const { formatSyntaxProblem } = syntaxFrame;
    const problems = loaded.kind === "syntax" ? [loaded.problem] : loaded.duplicateKeys!;
    const frame = (lang: Lang) => problems.map((problem) => formatSyntaxProblem(file.name, problem, lang)).join("");
    return { status: "syntax", frame: { zh: frame("zh"), en: frame("en") } };
  }
  if (isWellFormedReport(loaded.value)) {
    return { status: "ok", text: exportReport(loaded.value, file.name, job.format, job.wide) };
  }
  // Only a malformed report loads zod, to say what is wrong with it.
  const { parseReport } = await import("@xxgk/schema");
  const parsed = parseReport(loaded.value);
  if (parsed.success) return { status: "ok", text: exportReport(parsed.report, file.name, job.format, job.wide) };
  // Only cell values are wrong: export the rest, those cells empty, and say what they stated.
  cellRepair ??= await import("./cell-repair.js");
  const invalidCells = cellRepair.invalidCellsOnly(loaded.value, parsed.issues);
  const repaired = invalidCells ? parseReport(cellRepair.withCellsBlank(loaded.value, invalidCells)) : undefined;
  if (invalidCells && repaired?.success) {
    const problems = new Map(invalidCells.map(({ cell, problem }) => [cell.pointer, problem]));
    return {
      status: "partial",
      text: exportReport(repaired.report, file.name, job.format, job.wide, { problems, lang: job.lang }),
      cells: invalidCells.map(({ cell, problem }) => ({ label: cell.label, problem })),
    };
  }
  return { status: "invalid", issues: parsed.issues.map(({ pointer, label, message, messageEn }) => ({ pointer, label, message, messageEn })) };
}
