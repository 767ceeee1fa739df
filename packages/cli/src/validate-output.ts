/**
 * Validating one loaded file and formatting its part of the output. Runs where the file was validated (a worker
 * thread in batch mode), so only text and counts travel back to the main thread.
 */
import {
  formatCsv,
  formatNdjsonLine,
  formatText,
  validateWellFormed,
  type Profile,
  type Severity,
  type ValidationCounts,
  type ValidationResult,
} from "@xxgk/validators/core";
import type { Message } from "./i18n.js";
import type { JsonDuplicateKey, JsonSyntaxProblem } from "./input/json-syntax.js";
import { formatSyntaxProblem } from "./syntax-frame.js";

/** Output formats of `xxgk validate`. */
export type ValidateFormat = "pretty" | "json" | "ndjson" | "sarif" | "csv";

/** Rule id of the finding made for a file that is not valid JSON. */
export const JSON_SYNTAX_RULE = "JSON-SYNTAX";
/** Rule id of the finding made for each key repeated within an object (JSON.parse keeps the last value). */
export const JSON_DUPLICATE_KEY_RULE = "JSON-DUPLICATE-KEY";
/** Rule id of the finding made for a file that could not be read. */
export const READ_ERROR_RULE = "READ-ERROR";

/** Validation settings and output settings shared by every file of a run. */
export interface ValidateSettings {
  profile?: Profile;
  /** Last year's report (already parsed JSON). */
  previous?: unknown;
  /** The name of last year's report, under which its own findings are listed. */
  previousFile?: string;
  rules?: Record<string, Severity | "off">;
  /** ISO date for deadline rules. */
  today?: string;
  format: ValidateFormat;
  lang: "zh" | "en";
  color: boolean;
  /** True when the run checks one report: pretty output then lists it even when clean. */
  single: boolean;
}

/** A validation result without the parsed report. */
export type ValidationSummary = Omit<ValidationResult, "report">;

/** What the main thread needs about one validated file. */
export interface ValidatedFile {
  ok: boolean;
  counts: ValidationCounts;
  /** This file's part of the output (may be empty). */
  text: string;
  /** The whole result, only for SARIF (one document built at the end). */
  result?: ValidationSummary;
}

/** Validates a parsed JSON value. */
export async function validateValue(value: unknown, settings: ValidateSettings): Promise<ValidationSummary> {
  const options = {
    ...(settings.profile ? { profile: settings.profile } : {}),
    ...(settings.previous !== undefined ? { previous: settings.previous } : {}),
    ...(settings.rules ? { rules: settings.rules } : {}),
    // --today names a Beijing date: noon there is that date whatever the machine's time zone.
    ...(settings.today ? { today: new Date(`${settings.today}T12:00:00+08:00`) } : {}),
  };
  // A well-formed report is validated without loading zod (most of the start-up time of a one-file check);
  // only a malformed one loads the full entry, whose zod schema explains what is wrong.
  const result = validateWellFormed(value, options) ?? (await import("@xxgk/validators")).validate(value, options);
  const { report: _report, ...summary } = result;
  return summary;
}

/** A result for a file that never reached the validators (JSON syntax or read error). */
export function failedResult(ruleId: string, text: Message): ValidationSummary {
  return {
    diagnostics: [{ ruleId, severity: "error", outcome: "fail", message: text.zh, messageEn: text.en, pointers: [""], cells: [] }],
    outcomes: [],
    counts: { error: 1, warning: 0, info: 0, notAssessable: 0, passed: 0, notApplicable: 0, identities: 0, identitiesNotAssessable: 0 },
    ok: false,
  };
}

/** The result for a JSON syntax error. */
export function syntaxResult(problem: JsonSyntaxProblem): ValidationSummary {
  const { line, column, message } = problem;
  return failedResult(JSON_SYNTAX_RULE, {
    zh: `JSON 语法错误（第 ${line} 行第 ${column} 列）：${message.zh}`,
    en: `JSON syntax error (line ${line}, column ${column}): ${message.en}`,
  });
}

/** The result with an error finding per repeated key (first), each with its pointer, line and column. */
export function withDuplicateKeys(result: ValidationSummary, duplicates: readonly JsonDuplicateKey[]): ValidationSummary {
  const diagnostics: ValidationSummary["diagnostics"] = duplicates.map(({ line, column, message, pointer }) => ({
    ruleId: JSON_DUPLICATE_KEY_RULE,
    severity: "error",
    outcome: "fail",
    message: `JSON 键重复（第 ${line} 行第 ${column} 列）：${message.zh}`,
    messageEn: `duplicate JSON key (line ${line}, column ${column}): ${message.en}`,
    pointers: [pointer],
    cells: [],
  }));
  return {
    ...result,
    diagnostics: [...diagnostics, ...result.diagnostics],
    outcomes: [{ ruleId: JSON_DUPLICATE_KEY_RULE, outcome: "fail", evaluated: 1, failed: duplicates.length, notAssessable: 0 }, ...result.outcomes],
    counts: { ...result.counts, error: result.counts.error + duplicates.length },
    ok: false,
  };
}

function ensureNewline(text: string): string {
  return text === "" || text.endsWith("\n") ? text : `${text}\n`;
}

/** The CSV rows of one report, without the BOM and header that {@link csvHeader} writes once. */
function csvRows(text: string): string {
  const newline = text.indexOf("\n");
  return newline === -1 ? "" : text.slice(newline + 1);
}

/** BOM and header of the CSV output. */
export function csvHeader(): string {
  return formatCsv([]);
}

/**
 * Formats one file's part of the output. `problem` is given for JSON syntax errors (pretty output shows the line),
 * `readError` for files that could not be read (pretty output leaves them to standard error).
 */
export function formatFile(
  settings: ValidateSettings,
  file: string,
  result: ValidationSummary,
  extra: { problem?: JsonSyntaxProblem; readError?: boolean; duplicates?: readonly JsonDuplicateKey[] } = {},
): ValidatedFile {
  const item = { file, result: result as ValidationResult, ...(settings.previousFile !== undefined ? { previousFile: settings.previousFile } : {}) };
  let text = "";
  switch (settings.format) {
    case "pretty":
      if (extra.problem) text = formatSyntaxProblem(file, extra.problem, settings.lang);
      // Clean reports are listed only when checking one report (eslint style for batches).
      else if (!extra.readError && (result.diagnostics.length > 0 || settings.single)) {
        // Repeated keys first, with the line as for a syntax error; then the findings.
        const frames = (extra.duplicates ?? []).map((duplicate) => formatSyntaxProblem(file, duplicate, settings.lang)).join("");
        text = frames + ensureNewline(formatText([item], { lang: settings.lang, color: settings.color }));
      }
      break;
    case "ndjson":
    case "json":
      text = formatNdjsonLine(item);
      break;
    case "csv":
      text = csvRows(formatCsv([item], { lang: settings.lang }));
      break;
    case "sarif":
      break;
  }
  return { ok: result.ok, counts: result.counts, text, ...(settings.format === "sarif" ? { result } : {}) };
}
