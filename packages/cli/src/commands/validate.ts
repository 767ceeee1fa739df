/**
 * `xxgk validate`: one report or ten thousand, in input order, streamed in machine formats, with a summary.
 */
import { availableParallelism } from "node:os";
import { flag, jobsOption, listOption, maxWarningsOption, stringOption, usageError, type ParsedArgs } from "../args.js";
import { runBatch } from "../batch.js";
import type { Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { noteExitCode } from "../exit-state.js";
import { findingCounts, msg, pick, type Lang } from "../i18n.js";
import { expandInputs } from "../input/expand.js";
import { readStream } from "../input/read.js";
import { duplicateKeysMessage, formatSyntaxProblem, loadInput } from "../load-report.js";
import { ProgressBar } from "../output/progress.js";
import { outputFormat, VALIDATE_EXTENSIONS } from "../output/format-from-path.js";
import { openSink, writeBatch, type Sink } from "../output/sink.js";
import type { ValidateJob, ValidateOutcome } from "../tasks.js";
import type { ValidateFormat, ValidationSummary } from "../validate-output.js";
import { isMostlyNotAssessable, RULES } from "@xxgk/validators/core";
import type { JsonOutput, Severity, ValidationResult } from "@xxgk/validators";
import { closestMatch } from "../suggest.js";
import { escapeTerminalText } from "../terminal-text.js";

const SEVERITIES: readonly (Severity | "off")[] = ["error", "warning", "info", "off"];

/** The closest rule id to a mistyped one (edit distance at most 3), for "did you mean". */
/**
 * `--rule ID=severity`, checked here against the catalog (RULES, zod-free): an unknown id or severity is a usage
 * error naming it. Ids and severities are accepted in any case (`blank-cell=Warning`) and given to the validators
 * as the catalog spells them.
 */
export function parseRuleOptions(specs: readonly string[], extraIds: readonly string[] = [], command = "validate"): Record<string, Severity | "off"> | undefined {
  if (specs.length === 0) return undefined;
  const ids = [...RULES.map((rule) => rule.id), ...extraIds];
  const byUpper = new Map(ids.map((id) => [id.toUpperCase(), id]));
  const rules: Record<string, Severity | "off"> = {};
  for (const spec of specs) {
    const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(spec);
    if (!match) {
      throw usageError(
        `--rule 的格式应为 规则=级别（级别为 error、warning、info 或 off），实为“${spec}”`,
        `--rule must look like RULE=SEVERITY (error, warning, info or off), got "${spec}"`,
        command,
      );
    }
    const [, given, level] = match as unknown as [string, string, string];
    const id = byUpper.get(given.toUpperCase().replace(/_/g, "-"));
    if (!id) {
      const suggestion = closestMatch(given.toUpperCase(), ids, 3);
      throw usageError(
        `--rule：未知规则“${given}”${suggestion ? `，是否想用 ${suggestion}？` : ""}\n可用的规则：${ids.join("、")}（说明见 xxgk rules）`,
        `--rule: unknown rule "${given}"${suggestion ? `; did you mean ${suggestion}?` : ""}\nValid rules: ${ids.join(", ")} (see xxgk rules)`,
        command,
      );
    }
    const severity = level.toLowerCase() as Severity | "off";
    if (!SEVERITIES.includes(severity)) {
      throw usageError(
        `--rule ${id}：级别“${level}”无效，可选 error、warning、info 或 off`,
        `--rule ${id}: invalid severity "${level}"; use error, warning, info or off`,
        command,
      );
    }
    rules[id] = severity;
  }
  return rules;
}

interface Totals {
  files: number;
  clean: number;
  withErrors: number;
  unreadable: number;
  error: number;
  warning: number;
  info: number;
  notAssessable: number;
  notApplicable: number;
  /** Reports without errors whose sums could mostly not be assessed: not counted as "without errors". */
  notChecked: string[];
}

/** Writes the formatted parts in one format: a prologue, each file's part as it completes, an epilogue. */
interface Reporter {
  item(outcome: ValidateOutcome, file: string): void;
  end(totals: Totals): void;
}

async function reporter(format: ValidateFormat, sink: Sink, lang: Lang, cwd: string, previousFile?: string): Promise<Reporter> {
  const plain: Reporter = { item: (outcome) => outcome.text && sink.write(outcome.text.endsWith("\n") ? outcome.text : `${outcome.text}\n`), end() {} };
  switch (format) {
    case "pretty":
    case "ndjson":
      return plain;
    case "csv": {
      const { csvHeader } = await import("../validate-output.js");
      sink.write(csvHeader());
      return { item: (outcome) => outcome.text && sink.write(outcome.text), end() {} };
    }
    case "json": {
      // formatJson's document, streamed: each report's entry on its own line as soon as it is known, the summary
      // (the same fields, computed the same way) after the last one.
      const { formatJson } = await import("@xxgk/validators/core");
      const { tool } = JSON.parse(formatJson([])) as JsonOutput;
      sink.write(`{"tool":${JSON.stringify(tool)},"files":[`);
      let first = true;
      return {
        item(outcome) {
          sink.write(`${first ? "\n" : ",\n"}${outcome.text}`);
          first = false;
        },
        end(totals) {
          const summary: JsonOutput["summary"] = {
            files: totals.files,
            ok: totals.clean,
            failing: totals.files - totals.clean,
            error: totals.error,
            warning: totals.warning,
            info: totals.info,
            notAssessable: totals.notAssessable,
            notApplicable: totals.notApplicable,
          };
          sink.write(`${first ? "" : "\n"}],"summary":${JSON.stringify(summary)}}\n`);
        },
      };
    }
    case "sarif": {
      // One document, written piece by piece: each report's results as soon as it is checked, so memory stays
      // bounded however many reports there are (building the whole log as one string failed at ~3,200 reports).
      const { createSarifWriter } = await import("@xxgk/validators/core");
      const { CLI_RULES } = await import("../validate-output.js");
      // The run's id: the category (what ran) and the instance (when), so a CI's successive uploads are told apart.
      const writer = createSarifWriter({
        lang,
        automationId: `xxgk/validate/${new Date().toISOString()}`,
        srcRoot: cwd,
        extraRules: CLI_RULES,
      });
      sink.write(writer.start());
      return {
        item: (outcome, file) => {
          const result = outcome.result as ValidationSummary as ValidationResult;
          const text = writer.add({ file, result, ...(outcome.regions ? { regions: outcome.regions } : {}) });
          if (text) sink.write(text);
          // Last year's report (--previous): its own results, under its own name.
          if (result?.previous && previousFile !== undefined) {
            const previousText = writer.add({ file: previousFile, result: result.previous as ValidationResult });
            if (previousText) sink.write(previousText);
          }
        },
        end: () => sink.write(writer.end()),
      };
    }
  }
}

/** At most this many names of reports that could hardly be checked are listed in the summary. */
const NOT_CHECKED_NAMES = 10;

function summaryLine(totals: Totals, seconds: number, lang: Lang): string {
  const counts = pick(findingCounts(totals), lang);
  const unreadable = totals.unreadable ? pick(msg(`，${totals.unreadable} 份无法读取`, `, ${totals.unreadable} unreadable`), lang) : "";
  const withErrors = totals.withErrors - totals.unreadable;
  const notChecked = totals.notChecked.length;
  const clean = totals.clean - notChecked;
  const hardly = notChecked
    ? pick(
        msg(`，${notChecked} 份大部分勾稽关系无法评估（未计入“没有错误”）`, `, ${notChecked} mostly not assessable (not counted as without errors)`),
        lang,
      )
    : "";
  const line = pick(
    msg(
      `检查了 ${totals.files} 份报告：${clean} 份没有错误，${withErrors} 份有错误${hardly}${unreadable}（共 ${counts}），用时 ${seconds.toFixed(1)} 秒`,
      `checked ${totals.files} report${totals.files === 1 ? "" : "s"}: ${clean} without errors, ${withErrors} with errors${hardly}${unreadable} (${counts}) in ${seconds.toFixed(1)} s`,
    ),
    lang,
  );
  if (notChecked === 0) return line;
  // Name them: a reviewer must know which reports were hardly checked (blank or unreadable tables).
  const names = totals.notChecked.slice(0, NOT_CHECKED_NAMES).map((name) => escapeTerminalText(name));
  const more = notChecked - names.length;
  const list = pick(
    msg(
      `无法评估的报告：${names.join("、")}${more ? ` 等（另有 ${more} 份）` : ""}`,
      `mostly not assessable: ${names.join(", ")}${more ? ` and ${more} more` : ""}`,
    ),
    lang,
  );
  return `${line}\n${list}`;
}

/** Runs `xxgk validate`. */
export async function execute(context: Context, { values, positionals }: ParsedArgs): Promise<number> {
  const started = Date.now();
  const { lang, io } = context;
  const format = outputFormat<ValidateFormat>({
    command: "validate",
    option: "--format",
    output: stringOption(values, "output"),
    given: stringOption(values, "format") as ValidateFormat | undefined,
    fallback: "pretty",
    table: VALIDATE_EXTENSIONS,
  });
  const jobs = jobsOption(values, "validate", availableParallelism());
  const today = stringOption(values, "today");
  if (today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(today)))) {
    throw usageError(`--today 应为 YYYY-MM-DD 格式的日期，实为“${today}”`, `--today must be a date as YYYY-MM-DD, got "${today}"`, "validate");
  }
  const rules = parseRuleOptions(listOption(values, "rule"));
  const quiet = flag(values, "quiet");
  // Under --quiet warnings are not counted, so they cannot exceed the limit either (as in eslint).
  const maxWarnings = maxWarningsOption(values, "validate");
  const files = expandInputs(positionals, io.cwd);
  const previousPath = stringOption(values, "previous");
  let previous: unknown;
  let previousFile: string | undefined;
  if (previousPath !== undefined) {
    if (files.length > 1) throw usageError("--previous 只能在检查一份报告时使用", "--previous works with a single report only", "validate");
    const loaded = await loadInput(context, previousPath);
    if (loaded.kind === "error") throw loaded.error;
    if (loaded.kind === "ok" && loaded.duplicateKeys) {
      const frames = duplicateKeysMessage(loaded.name, loaded.duplicateKeys);
      throw new CliError("usage", msg(`--previous：${frames.zh}`, `--previous: ${frames.en}`));
    }
    if (loaded.kind === "syntax") {
      throw new CliError(
        "usage",
        msg(`--previous：${formatSyntaxProblem(loaded.name, loaded.problem, "zh").trimEnd()}`, `--previous: ${formatSyntaxProblem(loaded.name, loaded.problem, "en").trimEnd()}`),
      );
    }
    previous = loaded.value;
    previousFile = loaded.name;
  }
  // The output is checked (and its temporary file created) before any input is read: fail fast.
  const sink = openSink(context, stringOption(values, "output"), {
    force: flag(values, "force"),
    inputs: [...files.map((file) => file.path), ...(previousPath ? [previousPath] : [])],
  });
  const job: ValidateJob = {
    kind: "validate",
    format,
    lang,
    color: sink.toStdout && context.color,
    single: files.length === 1,
    ...(quiet ? { quiet } : {}),
    ...(stringOption(values, "profile") ? { profile: stringOption(values, "profile") as "publish" | "audit" } : {}),
    ...(previous !== undefined ? { previous, ...(previousFile !== undefined ? { previousFile } : {}) } : {}),
    ...(rules ? { rules } : {}),
    ...(today ? { today } : {}),
  };
  const progress = new ProgressBar(io.stderr, files.length, pick(msg("检查", "checking"), lang), Boolean(io.stderr.isTTY) && files.length > 1);
  const totals: Totals = {
    files: files.length,
    clean: 0,
    withErrors: 0,
    unreadable: 0,
    error: 0,
    warning: 0,
    info: 0,
    notAssessable: 0,
    notApplicable: 0,
    notChecked: [],
  };
  await writeBatch(sink, progress, async () => {
    const stdinBytes = files.some((file) => file.path === "-") ? await readStream(io.stdin, "<stdin>") : undefined;
    const out = await reporter(format, sink, lang, io.cwd, previousFile);
    await runBatch<ValidateOutcome>({
      files,
      job,
      jobs,
      ...(stdinBytes ? { stdinBytes } : {}),
      onProgress: (done) => progress.update(done),
      onOutcome: (file, outcome) => {
        if (outcome.status === "error") {
          totals.unreadable++;
          progress.clear();
          io.stderr.write(`xxgk: ${pick(msg("错误", "error"), lang)}: ${escapeTerminalText(pick(outcome.error.text, lang), { keepNewlines: true })}\n`);
        }
        if (outcome.ok) {
          totals.clean++;
          if (outcome.status === "ok" && isMostlyNotAssessable(outcome.counts)) totals.notChecked.push(file.name);
        } else totals.withErrors++;
        noteExitCode(outcome.status === "error" ? EXIT.usage : outcome.ok ? EXIT.ok : EXIT.findings);
        totals.error += outcome.counts.error;
        totals.warning += outcome.counts.warning;
        totals.info += outcome.counts.info;
        totals.notAssessable += outcome.counts.notAssessable;
        totals.notApplicable += outcome.counts.notApplicable ?? 0;
        if (outcome.text && sink.toStdout) progress.clear();
        out.item(outcome, file.name);
      },
    });
    out.end(totals);
  });
  const summary = summaryLine(totals, (Date.now() - started) / 1000, lang);
  if (format === "pretty" && files.length === 1 && totals.unreadable === 0) {
    // formatText already ended the single report with its counts.
  } else if (format === "pretty" && sink.toStdout) {
    const { colors } = context;
    const paint = totals.withErrors ? colors.red : totals.warning || totals.notChecked.length ? colors.yellow : colors.green;
    io.stdout.write(`${totals.error + totals.warning + totals.info > 0 ? "\n" : ""}${paint(summary)}\n`);
  } else {
    io.stderr.write(`${summary}\n`);
  }
  if (totals.unreadable) return EXIT.usage;
  if (totals.withErrors) return EXIT.findings;
  if (maxWarnings !== undefined && totals.warning > maxWarnings) {
    io.stderr.write(
      `xxgk: ${pick(msg(`警告 ${totals.warning} 个，超过 --max-warnings ${maxWarnings}`, `${totals.warning} warning${totals.warning === 1 ? "" : "s"}, more than --max-warnings ${maxWarnings}`), lang)}\n`,
    );
    noteExitCode(EXIT.findings);
    return EXIT.findings;
  }
  return EXIT.ok;
}
