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
import type { SarifExtraRule, SarifRegion } from "@xxgk/validators/core";
import type { Message } from "./i18n.js";
import { locatePointers, type JsonDuplicateKey, type JsonSyntaxProblem } from "./input/json-syntax.js";
import { formatSyntaxProblem } from "./syntax-frame.js";

/** Output formats of `xxgk validate`. */
export type ValidateFormat = "pretty" | "json" | "ndjson" | "sarif" | "csv";

/** Rule id of the finding made for a file that is not valid JSON. */
export const JSON_SYNTAX_RULE = "JSON-SYNTAX";
/** Rule id of the finding made for each key repeated within an object (JSON.parse keeps the last value). */
export const JSON_DUPLICATE_KEY_RULE = "JSON-DUPLICATE-KEY";
/** Rule id of the finding made for a file that could not be read. */
export const READ_ERROR_RULE = "READ-ERROR";

/** The CLI's own rules, described in SARIF's `tool.driver.rules` after the catalog's. */
export const CLI_RULES: readonly SarifExtraRule[] = [
  {
    id: JSON_SYNTAX_RULE,
    name: "JsonSyntax",
    title: { zh: "文件是合法的 JSON", en: "The file is valid JSON" },
    help: {
      zh: "按行号和列号修正语法错误（常见：全角标点、尾随逗号、注释、单引号），文件才能被检查。",
      en: "Fix the syntax error at the line and column given (often full-width punctuation, a trailing comma, a comment or single quotes) so the file can be checked.",
    },
    level: "error",
  },
  {
    id: JSON_DUPLICATE_KEY_RULE,
    name: "NoDuplicateJsonKey",
    title: { zh: "同一对象中没有重复的键", en: "No key is repeated within an object" },
    help: {
      zh: "JSON 只保留重复键的最后一个值，前面的值被悄悄丢弃：删去多余的一个，确认保留的是要填报的数。",
      en: "JSON keeps only the last value of a repeated key and silently drops the earlier one: delete the extra member and make sure the one kept holds the figure meant.",
    },
    level: "error",
  },
  {
    id: READ_ERROR_RULE,
    name: "ReadableFile",
    title: { zh: "文件可以读取", en: "The file can be read" },
    help: {
      zh: "文件不存在、没有读取权限、过大或不是文本（如 PDF）：检查路径；已发布的报告请先用 xxgk import 导入。",
      en: "The file is missing, not readable, too large or not text (a PDF, say): check the path; import a published report with xxgk import first.",
    },
    level: "error",
  },
];

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
  /** `--quiet`: errors only; warnings, infos and not-assessable findings are dropped and not counted. */
  quiet?: boolean;
}

/** The result with only its error findings (`--quiet`), counted again. */
export function errorsOnly(result: ValidationSummary): ValidationSummary {
  const diagnostics = result.diagnostics.filter((diagnostic) => diagnostic.outcome === "fail" && diagnostic.severity === "error");
  if (diagnostics.length === result.diagnostics.length) return result;
  return { ...result, diagnostics, counts: { ...result.counts, warning: 0, info: 0, notAssessable: 0 } };
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
  /** Only for SARIF: where the value of each JSON Pointer of the findings is in the file (`""`: a syntax error's place). */
  regions?: Record<string, SarifRegion>;
}

/** Every JSON Pointer a finding of the result names (its cells, its pinpoint, its follow-on findings'). */
function findingPointers(result: ValidationSummary): Set<string> {
  const pointers = new Set<string>();
  const add = (diagnostic: ValidationSummary["diagnostics"][number]) => {
    for (const pointer of diagnostic.pointers) pointers.add(pointer);
    if (diagnostic.pinpoint) pointers.add(diagnostic.pinpoint.pointer);
    if (diagnostic.pointers.length === 0) pointers.add("");
  };
  for (const diagnostic of result.diagnostics) {
    add(diagnostic);
    for (const related of diagnostic.related ?? []) add(related);
  }
  return pointers;
}

/**
 * The SARIF regions of one file: the place of its syntax error, or of each value its findings name. Parsing for
 * positions costs several times `JSON.parse`, so it runs only for a file with findings, only in SARIF output.
 */
function sarifRegions(
  result: ValidationSummary,
  text: string | undefined,
  problem: JsonSyntaxProblem | undefined,
  readError: boolean,
): Record<string, SarifRegion> | undefined {
  // A file that could not be read: the finding is about the file as a whole, placed at its start.
  if (readError) return { "": { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
  if (text === undefined) return undefined;
  if (problem) {
    // The character at fault, or an empty region at the end of a line or of the file.
    const atCharacter = problem.offset < text.length && text[problem.offset] !== "\n" && text[problem.offset] !== "\r";
    return { "": { startLine: problem.line, startColumn: problem.column, endLine: problem.line, endColumn: problem.column + (atCharacter ? 1 : 0) } };
  }
  if (result.diagnostics.length === 0) return undefined;
  return Object.fromEntries(locatePointers(text, findingPointers(result)));
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
  return settings.quiet ? errorsOnly(summary) : summary;
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
  extra: { problem?: JsonSyntaxProblem; readError?: boolean; duplicates?: readonly JsonDuplicateKey[]; text?: string } = {},
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
  if (settings.format !== "sarif") return { ok: result.ok, counts: result.counts, text };
  const regions = sarifRegions(result, extra.text, extra.problem, extra.readError === true);
  return { ok: result.ok, counts: result.counts, text, result, ...(regions ? { regions } : {}) };
}
