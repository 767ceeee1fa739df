/**
 * Machine reporters: JSON (one document), NDJSON (one line per report, for streaming) and CSV (for spreadsheets).
 */
import { withPreviousItems, type FormatOptions, type ReportItem } from "./format-text.js";
import { pointerLabel } from "./labels.js";
import type { Diagnostic, DiagnosticCell, ValidationCounts } from "./types.js";
import { VERSION } from "./version.js";

/** The name tools see in JSON and SARIF output. */
export const TOOL_NAME = "@xxgk/validators";

/** One report in the JSON output. */
export interface JsonReportEntry {
  file: string | null;
  ok: boolean;
  counts: ValidationCounts;
  outcomes: ReportItem["result"]["outcomes"];
  diagnostics: Diagnostic[];
  /** With `options.previous`: last year's report checked on its own, under its own file name. */
  previous?: Omit<JsonReportEntry, "previous">;
}

/** The JSON document written by {@link formatJson}. */
export interface JsonOutput {
  tool: { name: string; version: string };
  /** Totals over the reports checked (last year's reports given with `previous` are not counted). */
  summary: {
    files: number;
    ok: number;
    failing: number;
    error: number;
    warning: number;
    info: number;
    notAssessable: number;
    /** Not-applicable rules, summed over the reports. */
    notApplicable: number;
  };
  files: JsonReportEntry[];
}

function entry(item: ReportItem): JsonReportEntry {
  const { ok, counts, outcomes, diagnostics, previous } = item.result;
  const out: JsonReportEntry = { file: item.file ?? null, ok, counts, outcomes, diagnostics };
  if (previous) {
    out.previous = {
      file: item.previousFile ?? null,
      ok: previous.ok,
      counts: previous.counts,
      outcomes: previous.outcomes,
      diagnostics: previous.diagnostics,
    };
  }
  return out;
}

/**
 * One JSON document for all reports: tool, summary, and per file the counts, rule outcomes and diagnostics
 * (messages in both languages, so `lang` is not needed). The parsed report is not repeated.
 */
export function formatJson(items: readonly ReportItem[], _options: FormatOptions = {}): string {
  const files = items.map(entry);
  const summary = {
    files: files.length,
    ok: files.filter((file) => file.ok).length,
    failing: files.filter((file) => !file.ok).length,
    error: 0,
    warning: 0,
    info: 0,
    notAssessable: 0,
    notApplicable: 0,
  };
  for (const file of files) {
    summary.error += file.counts.error;
    summary.warning += file.counts.warning;
    summary.info += file.counts.info;
    summary.notAssessable += file.counts.notAssessable;
    summary.notApplicable += file.counts.notApplicable ?? 0;
  }
  const output: JsonOutput = { tool: { name: TOOL_NAME, version: VERSION }, summary, files };
  return `${JSON.stringify(output, null, 2)}\n`;
}

/**
 * One report as a single line of JSON (no trailing newline), for streaming results of many reports as NDJSON:
 * `{"file":…,"ok":…,"counts":…,"outcomes":…,"diagnostics":[…]}`.
 */
export function formatNdjsonLine(item: ReportItem): string {
  return JSON.stringify(entry(item));
}

/**
 * Column names of the CSV output, in order. Every row is self-consistent:
 * - `cell`, `pointer`: what states the `stated` figure — the cell(s) on the stated side of an identity (several
 *   joined with ` + `, e.g. `T3-BALANCE`'s （七）总计 + 四), or the paragraph for a prose figure; for findings without
 *   a figure, the cell or field concerned (findings about several cells without a figure, such as `BLANK-CELL` and
 *   not-assessable rules, get one row per cell);
 * - `stated`, `expected`, `difference` (`stated − expected`): the figures of that finding;
 * - `suggested_cell`, `suggested_pointer`, `suggested`: the likely faulty cell and the value that would satisfy every
 *   failed identity it takes part in (the row of the finding that leads a pinpointed group);
 * - `explained_by`: on the rows of follow-on failures, the pointer of the likely faulty cell that explains them;
 * - `message`: the message in the output language.
 */
export const CSV_COLUMNS = [
  "file",
  "rule",
  "severity",
  "outcome",
  "cell",
  "pointer",
  "stated",
  "expected",
  "difference",
  "suggested_cell",
  "suggested_pointer",
  "suggested",
  "explained_by",
  "message",
] as const;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text field, quoted, with a leading apostrophe where Excel would otherwise read a formula. */
function text(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

function number(value: number | null | undefined): string {
  return value === null || value === undefined ? "" : String(value);
}

/** The label of a cell of a diagnostic in the output language. */
function cellLabel(cell: DiagnosticCell, lang: "zh" | "en"): string {
  return lang === "en" ? cell.labelEn ?? cell.label : cell.label;
}

/** The label of a pointer of the report being validated: from the diagnostic's cells, else metadata or prose. */
function labelOf(diagnostic: Diagnostic, pointer: string, lang: "zh" | "en"): string {
  const cell = diagnostic.cells.find((candidate) => candidate.pointer === pointer && !candidate.document);
  return cell ? cellLabel(cell, lang) : pointerLabel(pointer, lang);
}

/** The (label, pointer) subjects of a diagnostic's rows: one row each. */
function subjects(diagnostic: Diagnostic, lang: "zh" | "en"): [string, string][] {
  if (diagnostic.statedBy && diagnostic.statedBy.length > 0) {
    return [
      [
        diagnostic.statedBy.map((pointer) => labelOf(diagnostic, pointer, lang)).join(" + "),
        diagnostic.statedBy.join(" + "),
      ],
    ];
  }
  if (diagnostic.stated === undefined && diagnostic.cells.length > 1)
    return diagnostic.cells.map((cell) => [cellLabel(cell, lang), cell.pointer]);
  const [cell] = diagnostic.cells;
  if (cell) return [[cellLabel(cell, lang), cell.pointer]];
  const pointer = diagnostic.pointers[0];
  return pointer === undefined ? [["", ""]] : [[pointerLabel(pointer, lang), pointer]];
}

/**
 * CSV for spreadsheets, columns {@link CSV_COLUMNS}: one row per finding (per cell for findings about several cells
 * without a figure), follow-on failures of a pinpointed cell on rows of their own with the pinpointed pointer in
 * `explained_by`. UTF-8 with BOM and CRLF so Excel opens Chinese text correctly; every text field quoted, and text
 * starting with `= + - @` prefixed with `'` so it is never run as a formula. Labels and messages follow `lang`.
 */
export function formatCsv(items: readonly ReportItem[], options: FormatOptions = {}): string {
  const lang = options.lang === "en" ? "en" : "zh";
  const rows: string[] = [CSV_COLUMNS.join(",")];
  const push = (file: string, diagnostic: Diagnostic, parent?: Diagnostic) => {
    const pinpoint = diagnostic.pinpoint;
    for (const [label, pointer] of subjects(diagnostic, lang)) {
      rows.push(
        [
          text(file),
          text(diagnostic.ruleId),
          text(diagnostic.severity),
          text(diagnostic.outcome),
          text(label),
          text(pointer),
          number(diagnostic.stated),
          number(diagnostic.expected),
          number(diagnostic.difference),
          text(pinpoint ? (lang === "en" ? pinpoint.labelEn ?? pinpoint.label : pinpoint.label) : ""),
          text(pinpoint?.pointer ?? ""),
          number(pinpoint?.suggested),
          text(parent?.pinpoint?.pointer ?? ""),
          text(lang === "en" ? diagnostic.messageEn : diagnostic.message),
        ].join(",")
      );
    }
  };
  for (const item of withPreviousItems(items, lang)) {
    for (const diagnostic of item.result.diagnostics) {
      push(item.file ?? "", diagnostic);
      for (const related of diagnostic.related ?? []) push(item.file ?? "", related, diagnostic);
    }
  }
  return `\uFEFF${rows.join("\r\n")}\r\n`;
}
