/**
 * The human text reporter: Chinese by default, English on request, ANSI colour only when asked for.
 */
import type { Diagnostic, Severity, ValidationCounts, ValidationResult } from "./types.js";

/** One validated report: an optional file name and its result. */
export interface ReportItem {
  /** File name or URI shown in the output (and used as the SARIF artifact location). */
  file?: string;
  /** The result of {@link validate}. */
  result: ValidationResult;
  /**
   * The file name of last year's report (`options.previous`), under which its own findings (`result.previous`) are
   * listed; default `上年报告` / `previous report`.
   */
  previousFile?: string;
}

/**
 * The items with last year's report after each report that has one, as an item of its own (its findings are its
 * own, listed under its own name). Marked so that totals count only the reports checked.
 */
export function withPreviousItems(items: readonly ReportItem[], lang: "zh" | "en"): (ReportItem & { isPrevious?: true })[] {
  const out: (ReportItem & { isPrevious?: true })[] = [];
  for (const item of items) {
    out.push(item);
    const previous = item.result.previous;
    if (previous) {
      const file = item.previousFile ?? (lang === "en" ? "previous report" : "上年报告");
      out.push({ file, result: previous as ValidationResult, isPrevious: true });
    }
  }
  return out;
}

/** Options shared by the reporters. */
export interface FormatOptions {
  /** Language of messages and headings: `zh` (default) or `en`. */
  lang?: "zh" | "en";
  /** ANSI colours (text reporter only); default false. Pass `process.stdout.isTTY` to colour on a terminal. */
  color?: boolean;
}

/**
 * Control characters that would act on a terminal instead of showing — C0 and C1 controls (ESC starts the sequences
 * that move the cursor and erase lines), DEL — and the bidirectional controls that reorder what is shown (the
 * "Trojan Source" characters), plus the line and paragraph separators.
 */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * Makes text from a report (a cell value, metadata, a file name) safe to print on a terminal: every control or
 * bidirectional-control character is shown as an escape (`ESC` as `\x1b`, U+202E as `\u202e`), so it cannot move the
 * cursor, erase a line, change colours or reorder the text. With `keepNewlines`, line feeds stay (for messages that
 * are several lines by design); otherwise they are escaped too, so data can never start a line of its own.
 */
export function escapeTerminalText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(TERMINAL_UNSAFE, (character) => {
    if (options.keepNewlines && character === "\n") return character;
    if (character === "\t") return " ";
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** `1 error`, `2 errors`: an English count with the noun in the singular or the plural. */
function countEn(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/** What a summary line counts: findings by severity and rules by outcome. */
interface SummaryCounts {
  readonly error: number;
  readonly warning: number;
  readonly info: number;
  readonly passed: number;
  readonly notApplicable: number;
  /** Rules whose outcome is not-assessable. */
  readonly notAssessable: number;
}

/** The counts a summary line shows, from a result (rules by their outcome). */
function summaryCounts(result: Pick<ValidationResult, "counts" | "outcomes">): SummaryCounts {
  const counts: ValidationCounts = result.counts;
  let passed = 0;
  let notApplicable = 0;
  let notAssessable = 0;
  for (const outcome of result.outcomes) {
    if (outcome.outcome === "pass") passed += 1;
    else if (outcome.outcome === "not-applicable") notApplicable += 1;
    else if (outcome.outcome === "not-assessable") notAssessable += 1;
  }
  return { error: counts.error, warning: counts.warning, info: counts.info, passed, notApplicable, notAssessable };
}

const WORDS = {
  zh: {
    error: "错误",
    warning: "警告",
    info: "提示",
    notAssessable: "无法评估",
    pinpoint: "可能有误",
    related: "同一原因",
    noFile: "（未命名报告）",
    clean: "未发现问题",
    // Only the kinds of finding there are ("0 个提示" is noise); every rule outcome, so the three add up.
    summary: (counts: SummaryCounts) => {
      const findings = [
        counts.error ? `${counts.error} 个错误` : "",
        counts.warning ? `${counts.warning} 个警告` : "",
        counts.info ? `${counts.info} 个提示` : "",
      ].filter(Boolean);
      const rules = `${counts.passed} 项规则通过，${counts.notApplicable} 项不适用，${counts.notAssessable} 项无法评估`;
      return findings.length > 0 ? `${findings.join("，")}；${rules}` : rules;
    },
    total: (files: number, failing: number) => `共 ${files} 份报告，${failing} 份有错误`,
    arrow: (stated: number | null, suggested: number) => `填报 ${stated}，应为 ${suggested}？`,
  },
  en: {
    error: "error",
    warning: "warning",
    info: "info",
    notAssessable: "not assessable",
    pinpoint: "likely faulty",
    related: "same cause",
    noFile: "(unnamed report)",
    clean: "no problems found",
    summary: (counts: SummaryCounts) => {
      const findings = [
        counts.error ? countEn(counts.error, "error") : "",
        counts.warning ? countEn(counts.warning, "warning") : "",
        counts.info ? countEn(counts.info, "info message") : "",
      ].filter(Boolean);
      const rules = `${countEn(counts.passed, "rule")} passed, ${counts.notApplicable} not applicable, ${counts.notAssessable} not assessable`;
      return findings.length > 0 ? `${findings.join(", ")}; ${rules}` : rules;
    },
    total: (files: number, failing: number) => `${countEn(files, "report")}, ${failing} with errors`,
    arrow: (stated: number | null, suggested: number) => `states ${stated}, should it be ${suggested}?`,
  },
} as const;

const COLOURS: Readonly<Record<Severity | "notAssessable" | "bold" | "dim", [string, string]>> = {
  error: ["\u001b[31m", "\u001b[39m"],
  warning: ["\u001b[33m", "\u001b[39m"],
  info: ["\u001b[36m", "\u001b[39m"],
  notAssessable: ["\u001b[90m", "\u001b[39m"],
  bold: ["\u001b[1m", "\u001b[22m"],
  dim: ["\u001b[2m", "\u001b[22m"],
};

/**
 * Formats results as human-readable text, one block per report, then a total line when there are several.
 * Chinese by default (`lang: "en"` for English); ANSI colours only with `color: true`.
 */
export function formatText(items: readonly ReportItem[], options: FormatOptions = {}): string {
  const lang = options.lang === "en" ? "en" : "zh";
  const words = WORDS[lang];
  const paint = (style: keyof typeof COLOURS, text: string) =>
    options.color ? `${COLOURS[style][0]}${text}${COLOURS[style][1]}` : text;
  // Everything that comes from the report (messages quote its values; labels and pointers name its keys) or from the
  // caller (file names) is escaped: the text reporter writes to terminals.
  const safe = (text: string) => escapeTerminalText(text);
  const message = (diagnostic: Diagnostic) => safe(lang === "en" ? diagnostic.messageEn : diagnostic.message);
  const tag = (diagnostic: Diagnostic) =>
    diagnostic.outcome === "not-assessable"
      ? paint("notAssessable", words.notAssessable)
      : paint(diagnostic.severity, words[diagnostic.severity]);

  const lines: string[] = [];
  for (const item of withPreviousItems(items, lang)) {
    lines.push(paint("bold", item.file === undefined ? words.noFile : safe(item.file)));
    const { diagnostics } = item.result;
    for (const diagnostic of diagnostics) {
      lines.push(`  ${tag(diagnostic)} ${paint("dim", safe(diagnostic.ruleId))} ${message(diagnostic)}`);
      if (diagnostic.pinpoint) {
        const { pointer, stated, suggested } = diagnostic.pinpoint;
        const label = safe(lang === "en" ? diagnostic.pinpoint.labelEn ?? diagnostic.pinpoint.label : diagnostic.pinpoint.label);
        lines.push(
          `    ${paint("bold", `${words.pinpoint}:`)} ${label} ${paint("dim", safe(pointer))} — ${words.arrow(stated, suggested)}`
        );
      }
      for (const related of diagnostic.related ?? []) {
        lines.push(`    ↳ ${words.related}: ${paint("dim", safe(related.ruleId))} ${message(related)}`);
      }
    }
    if (diagnostics.length === 0) lines.push(`  ${words.clean}`);
    lines.push(`  ${words.summary(summaryCounts(item.result))}`);
    lines.push("");
  }
  if (items.length > 1) {
    lines.push(words.total(items.length, items.filter((item) => !item.result.ok).length));
  }
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
