/**
 * `xxgk validate`: one report or ten thousand, in input order, streamed in machine formats, with a summary.
 */
import { formatCsv, formatJson, formatNdjsonLine, formatSarif, formatText, type JsonOutput, type Severity, type ValidationResult } from "@xxgk/validators";
import { availableParallelism } from "node:os";
import { flag, jobsOption, listOption, stringOption, usageError, type ParsedArgs } from "../args.js";
import { runBatch } from "../batch.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { msg, pick, type Lang } from "../i18n.js";
import { expandInputs } from "../input/expand.js";
import { readStream } from "../input/read.js";
import { formatSyntaxProblem, loadInput } from "../load-report.js";
import { ProgressBar } from "../output/progress.js";
import { openSink, type Sink } from "../output/sink.js";
import type { ValidateJob, ValidateOutcome, ValidationSummary } from "../tasks.js";

/** Output formats of `xxgk validate`. */
export type ValidateFormat = "pretty" | "json" | "ndjson" | "sarif" | "csv";

/** Rule id of the finding made for a file that is not valid JSON. */
export const JSON_SYNTAX_RULE = "JSON-SYNTAX";
/** Rule id of the finding made for a file that could not be read. */
export const READ_ERROR_RULE = "READ-ERROR";

const SEVERITIES: readonly (Severity | "off")[] = ["error", "warning", "info", "off"];

function parseRuleOptions(specs: readonly string[]): Record<string, Severity | "off"> | undefined {
  if (specs.length === 0) return undefined;
  const rules: Record<string, Severity | "off"> = {};
  for (const spec of specs) {
    const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(spec);
    if (!match || !SEVERITIES.includes(match[2] as Severity)) {
      throw usageError(
        `--rule 的格式应为 规则=级别（级别为 error、warning、info 或 off），实为“${spec}”`,
        `--rule must look like RULE=SEVERITY (error, warning, info or off), got "${spec}"`,
        "validate",
      );
    }
    rules[match[1]!] = match[2] as Severity | "off";
  }
  return rules;
}

/** A result made for a file that never reached the validators (syntax or read error). */
function failedResult(ruleId: string, message: string, messageEn: string): ValidationSummary {
  return {
    diagnostics: [{ ruleId, severity: "error", outcome: "fail", message, messageEn, pointers: [""], cells: [] }],
    outcomes: [],
    counts: { error: 1, warning: 0, info: 0, notAssessable: 0, passed: 0 },
    ok: false,
  };
}

/** The validation result to report for any outcome. */
export function resultOf(name: string, outcome: ValidateOutcome): ValidationSummary {
  if (outcome.status === "ok") return outcome.result;
  if (outcome.status === "syntax") {
    const { line, column, message } = outcome.problem;
    return failedResult(
      JSON_SYNTAX_RULE,
      `JSON 语法错误（第 ${line} 行第 ${column} 列）：${message.zh}`,
      `JSON syntax error (line ${line}, column ${column}): ${message.en}`,
    );
  }
  return failedResult(READ_ERROR_RULE, outcome.error.text.zh, outcome.error.text.en);
}

interface Totals {
  files: number;
  clean: number;
  withErrors: number;
  unreadable: number;
  error: number;
  warning: number;
  info: number;
}

/** Writes results in one format, streaming where the format allows it. */
interface Reporter {
  item(file: string, result: ValidationSummary, outcome: ValidateOutcome): void;
  end(): void;
}

function reporter(format: ValidateFormat, sink: Sink, context: Context, single: boolean): Reporter {
  const lang = context.lang;
  const options = { lang, color: sink.toStdout && context.color };
  const asItem = (file: string, result: ValidationSummary) => ({ file, result: result as ValidationResult });
  switch (format) {
    case "pretty":
      return {
        item(file, result, outcome) {
          if (outcome.status === "syntax") {
            sink.write(formatSyntaxProblem(file, outcome.problem, lang));
            return;
          }
          // Clean reports are listed only when checking one report (eslint style for batches).
          if (result.diagnostics.length > 0 || single) sink.write(ensureNewline(formatText([asItem(file, result)], options)));
        },
        end() {},
      };
    case "ndjson":
      return { item: (file, result) => sink.write(`${formatNdjsonLine(asItem(file, result))}\n`), end() {} };
    case "json": {
      // The document of formatJson, streamed: each report's entry on its own line as soon as it is known,
      // the summary (computed the same way) after the last one.
      const { tool } = JSON.parse(formatJson([])) as JsonOutput;
      const summary: JsonOutput["summary"] = { files: 0, ok: 0, failing: 0, error: 0, warning: 0, info: 0, notAssessable: 0 };
      sink.write(`{"tool":${JSON.stringify(tool)},"files":[`);
      return {
        item(file, result) {
          sink.write(`${summary.files === 0 ? "\n" : ",\n"}${formatNdjsonLine(asItem(file, result))}`);
          summary.files++;
          if (result.ok) summary.ok++;
          else summary.failing++;
          summary.error += result.counts.error;
          summary.warning += result.counts.warning;
          summary.info += result.counts.info;
          summary.notAssessable += result.counts.notAssessable;
        },
        end: () => sink.write(`${summary.files === 0 ? "" : "\n"}],"summary":${JSON.stringify(summary)}}\n`),
      };
    }
    case "csv": {
      let first = true;
      return {
        item(file, result) {
          const text = formatCsv([asItem(file, result)], options);
          sink.write(first ? text : dropFirstLine(text));
          first = false;
        },
        end() {
          if (first) sink.write(formatCsv([], options));
        },
      };
    }
    case "sarif": {
      // SARIF is one document: collected, then written once.
      const items: { file: string; result: ValidationResult }[] = [];
      return { item: (file, result) => void items.push(asItem(file, result)), end: () => sink.write(ensureNewline(formatSarif(items, options))) };
    }
  }
}

function ensureNewline(text: string): string {
  return text.endsWith("\n") || text === "" ? text : `${text}\n`;
}

function dropFirstLine(text: string): string {
  const newline = text.indexOf("\n");
  return newline === -1 ? "" : text.slice(newline + 1);
}

function summaryLine(totals: Totals, seconds: number, lang: Lang): string {
  const counts = pick(
    msg(`${totals.error} 个错误、${totals.warning} 个警告、${totals.info} 个提示`, `${totals.error} errors, ${totals.warning} warnings, ${totals.info} infos`),
    lang,
  );
  const unreadable = totals.unreadable
    ? pick(msg(`，${totals.unreadable} 份无法读取`, `, ${totals.unreadable} unreadable`), lang)
    : "";
  return pick(
    msg(
      `检查了 ${totals.files} 份报告：${totals.clean} 份没有错误，${totals.withErrors} 份有错误${unreadable}（共 ${counts}），用时 ${seconds.toFixed(1)} 秒`,
      `checked ${totals.files} report${totals.files === 1 ? "" : "s"}: ${totals.clean} without errors, ${totals.withErrors} with errors${unreadable} (${counts}) in ${seconds.toFixed(1)} s`,
    ),
    lang,
  );
}

/** Runs `xxgk validate`. */
export async function execute(context: Context, { values, positionals }: ParsedArgs): Promise<number> {
  const started = Date.now();
  const { lang, io } = context;
  const format = (stringOption(values, "format") ?? "pretty") as ValidateFormat;
  const jobs = jobsOption(values, "validate", availableParallelism());
  const today = stringOption(values, "today");
  if (today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))) {
    throw usageError(`--today 应为 YYYY-MM-DD 格式的日期，实为“${today}”`, `--today must be a date as YYYY-MM-DD, got "${today}"`, "validate");
  }
  const rules = parseRuleOptions(listOption(values, "rule"));
  const files = expandInputs(positionals, io.cwd);
  const previousPath = stringOption(values, "previous");
  let previous: unknown;
  if (previousPath !== undefined) {
    if (files.length > 1) {
      throw usageError("--previous 只能在检查一份报告时使用", "--previous works with a single report only", "validate");
    }
    const loaded = await loadInput(context, previousPath);
    if (loaded.kind === "error") throw loaded.error;
    if (loaded.kind === "syntax") {
      throw new CliError("usage", msg(`--previous：${formatSyntaxProblem(loaded.name, loaded.problem, "zh").trimEnd()}`, `--previous: ${formatSyntaxProblem(loaded.name, loaded.problem, "en").trimEnd()}`));
    }
    previous = loaded.value;
  }
  const sink = openSink(context, stringOption(values, "output"), { force: flag(values, "force"), inputs: [...files.map((file) => file.path), ...(previousPath ? [previousPath] : [])] });
  const job: ValidateJob = {
    kind: "validate",
    ...(stringOption(values, "profile") ? { profile: stringOption(values, "profile") as "publish" | "audit" } : {}),
    ...(previous !== undefined ? { previous } : {}),
    ...(rules ? { rules } : {}),
    ...(today ? { today } : {}),
  };
  let stdinBytes: Uint8Array | undefined;
  try {
    stdinBytes = files.some((file) => file.path === "-") ? await readStream(io.stdin, "<stdin>") : undefined;
  } catch (error) {
    sink.abort();
    throw error;
  }
  const out = reporter(format, sink, context, files.length === 1);
  const progress = new ProgressBar(io.stderr, files.length, pick(msg("检查", "checking"), lang), Boolean(io.stderr.isTTY) && files.length > 1);
  const totals: Totals = { files: files.length, clean: 0, withErrors: 0, unreadable: 0, error: 0, warning: 0, info: 0 };
  try {
    await runBatch<ValidateOutcome>({
      files,
      job,
      jobs,
      ...(stdinBytes ? { stdinBytes } : {}),
      onProgress: (done) => progress.update(done),
      onOutcome: (file, outcome) => {
        const result = resultOf(file.name, outcome);
        if (outcome.status === "error") {
          totals.unreadable++;
          progress.clear();
          io.stderr.write(`xxgk: ${pick(msg("错误", "error"), lang)}: ${pick(outcome.error.text, lang)}\n`);
        } else if (result.ok) totals.clean++;
        else totals.withErrors++;
        totals.error += result.counts.error;
        totals.warning += result.counts.warning;
        totals.info += result.counts.info;
        if (format === "pretty" && outcome.status === "error") return;
        if (result.diagnostics.length > 0 || format !== "pretty") progress.clear();
        out.item(file.name, result, outcome);
      },
    });
    out.end();
  } catch (error) {
    progress.clear();
    sink.abort();
    throw error;
  }
  progress.clear();
  sink.commit();
  const summary = summaryLine(totals, (Date.now() - started) / 1000, lang);
  if (format === "pretty" && files.length === 1 && totals.unreadable === 0) {
    // formatText already ended the single report with its counts.
  } else if (format === "pretty" && sink.toStdout) {
    const { colors } = context;
    const paint = totals.withErrors || totals.unreadable ? colors.red : totals.warning ? colors.yellow : colors.green;
    io.stdout.write(`${totals.error + totals.warning + totals.info > 0 ? "\n" : ""}${paint(summary)}\n`);
  } else {
    io.stderr.write(`${summary}\n`);
  }
  return totals.unreadable ? EXIT.usage : totals.withErrors ? EXIT.findings : EXIT.ok;
}
