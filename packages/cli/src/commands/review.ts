/**
 * `xxgk review`: a region's reports in one command and one page. Reads this year's and last year's report JSON,
 * the list of bodies expected and a baseline of the reviewer's decisions, runs the region review of
 * `@xxgk/validators/region`, and writes the self-contained HTML page (charts by ECharts, rendered to SVG here), or
 * the same data as JSON or CSV. The region review, ECharts and the CSV reader load only for this command.
 */
import { mkdirSync, existsSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { flag, listOption, stringOption, usageError, type ParsedArgs } from "../args.js";
import { printError, type Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { VERSION } from "../embedded.js";
import { msg, pick } from "../i18n.js";
import { expandInputs, type InputFile } from "../input/expand.js";
import { loadReportBytes, readInput } from "../input/read.js";
import { IMPORT_EXTENSIONS } from "../import-task.js";
import { formatSyntaxProblem, loadJsonOrThrow } from "../load-report.js";
import { AtomicFile, checkOutputPath } from "../output/atomic.js";
import { UTF8_BOM } from "../output/csv.js";
import { outputFormat, type ExtensionTable } from "../output/format-from-path.js";
import { openSink } from "../output/sink.js";
import { ProgressBar } from "../output/progress.js";
import { readBodies } from "../review/bodies.js";
import { reviewCsv } from "../review/csv.js";
import { renderReviewPage, type ImportedFrom } from "../review/page.js";
import { parseRuleOptions } from "./validate.js";
import { RULES } from "@xxgk/validators/core";
import type { Baseline, BaselineOutcome, RegionReportInput, RegionReview } from "@xxgk/validators/region";

type ReviewFormat = "html" | "json" | "csv";

/** `xxgk review`: the format from the `-o` extension. */
export const REVIEW_EXTENSIONS: ExtensionTable<ReviewFormat> = {
  formats: { ".html": "html", ".htm": "html", ".json": "json", ".csv": "csv" },
};

function isoDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** What `review` reads: report JSON, and published documents (imported on the fly). */
const REVIEW_EXTENSIONS_IN = [".json", ...IMPORT_EXTENSIONS] as const;

/**
 * Whether a file is report JSON rather than a published document: its name ends in `.json`, or its first character
 * (after a byte order mark and white space) opens a JSON object or array. Everything else goes to the importer,
 * which tells PDF, Word, HTML, Markdown and text apart from the content, as `xxgk import` does.
 */
export function isReportJson(name: string, bytes: Uint8Array): boolean {
  if (name.toLowerCase().endsWith(".json")) return true;
  let index = 0;
  let step = 1;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) index = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [index, step] = [2, 2];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [index, step] = [3, 2];
  while (index < bytes.length && (bytes[index] === 0x20 || bytes[index] === 0x09 || bytes[index] === 0x0a || bytes[index] === 0x0d)) index += step;
  return bytes[index] === 0x7b || bytes[index] === 0x5b;
}

/** A file that could not be reviewed, and why. */
interface Unreadable {
  file: string;
  problem: string;
}

/**
 * Reads report files and published documents; what cannot be read (or is refused by the importer) is returned as a
 * problem to show, never dropped silently. An imported report keeps its `import` block, so the validators say which
 * cells could not be read.
 */
async function loadReports(
  context: Context,
  files: readonly InputFile[],
  label: string,
): Promise<{ reports: RegionReportInput[]; unreadable: Unreadable[]; imported: Map<string, ImportedFrom> }> {
  const { lang } = context;
  const reports: RegionReportInput[] = [];
  const unreadable: Unreadable[] = [];
  const imported = new Map<string, ImportedFrom>();
  // Importing a PDF takes about a second: a region of them shows its progress on a terminal.
  const progress = new ProgressBar(context.io.stderr, files.length, label, Boolean(context.io.stderr.isTTY) && files.length > 1);
  try {
    for (const [index, file] of files.entries()) {
      progress.update(index);
      await loadOne(file);
    }
  } finally {
    progress.clear();
  }
  return { reports, unreadable, imported };

  async function loadOne(file: InputFile): Promise<void> {
    if (file.path === "-") {
      unreadable.push({ file: file.name, problem: pick(msg("review 不读标准输入，请给出文件或目录", "review does not read standard input; name files or directories"), lang) });
      return;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readInput(file.path, file.name);
    } catch (error) {
      if (!(error instanceof CliError)) throw error;
      unreadable.push({ file: file.name, problem: error.messageIn(lang) });
      return;
    }
    if (!isReportJson(file.name, bytes)) {
      const { importDocument } = await import("../import-task.js");
      const document = await importDocument(file, lang, bytes);
      if (document.status === "error") unreadable.push({ file: file.name, problem: pick(document.error.text, lang) });
      else if (document.status === "refused") {
        const reason = pick(document.text, lang) || document.code;
        unreadable.push({ file: file.name, problem: pick(msg(`未能导入：${reason}`, `could not be imported: ${reason}`), lang) });
      } else {
        const { read, inferred, unreadable: unreadableCells } = document.counts;
        imported.set(file.name, { format: document.report.import?.source?.format ?? "text", status: document.status, counts: { read, inferred, unreadable: unreadableCells } });
        reports.push({ file: file.name, report: document.report });
      }
      return;
    }
    const loaded = await loadReportBytes(bytes, file.name);
    if (loaded.kind === "ok" && !loaded.duplicateKeys) reports.push({ file: file.name, report: loaded.value });
    else if (loaded.kind === "error") unreadable.push({ file: file.name, problem: loaded.error.messageIn(lang) });
    else {
      const problem = loaded.kind === "syntax" ? loaded.problem : loaded.duplicateKeys![0]!;
      unreadable.push({ file: file.name, problem: formatSyntaxProblem(file.name, problem, lang).split("\n")[0]!.trim() });
    }
  }
}

async function readBaseline(context: Context, path: string): Promise<Baseline> {
  const value = await loadJsonOrThrow(context, path);
  const { parseBaseline } = await import("@xxgk/validators/region");
  const parsed = parseBaseline(value);
  if (parsed.baseline) return parsed.baseline;
  const lines = (lang: "zh" | "en") => parsed.problems.slice(0, 10).map((problem) => `  ${problem.pointer || "/"}: ${lang === "en" ? problem.messageEn : problem.message}`).join("\n");
  throw new CliError("usage", msg(`${path}：不是有效的基线文件：\n${lines("zh")}`, `${path}: not a valid baseline file:\n${lines("en")}`));
}

/** A file name for a body's rendering: its position and its name without characters file systems refuse. */
function renderingName(index: number, body: string): string {
  return `${String(index + 1).padStart(3, "0")}-${body.replace(/[\\/:*?"<>|\s]+/g, "_").slice(0, 60)}.html`;
}

function hrefFrom(pageDirectory: string, target: string): string {
  return relative(pageDirectory, target).split(sep).map(encodeURIComponent).join("/");
}

async function writeRenderings(
  context: Context,
  review: RegionReview,
  reports: readonly RegionReportInput[],
  previous: readonly RegionReportInput[],
  directory: string,
  pageDirectory: string,
  force: boolean,
): Promise<Map<number, string>> {
  const absolute = resolve(context.io.cwd, directory);
  if (existsSync(absolute) && !statSync(absolute).isDirectory()) {
    throw new CliError("write-failed", msg(`--renderings ${directory}：不是目录`, `--renderings ${directory}: not a directory`));
  }
  mkdirSync(absolute, { recursive: true });
  const renderer = await import("@xxgk/renderer");
  const { validate } = await import("@xxgk/validators");
  const { parseReport } = await import("@xxgk/schema");
  const byFile = new Map(reports.map((input) => [input.file, input.report]));
  const previousOf = new Map(previous.map((input) => [input.file, input.report]));
  const links = new Map<number, string>();
  const inputs = reports.map((input) => resolve(context.io.cwd, input.file));
  // Every target is checked before any is written: an existing file (without --force) stops the command with none written.
  const targets = review.bodies.map((body, index) => checkOutputPath(join(absolute, renderingName(index, body.body)), context.io.cwd, { force, inputs }));
  for (const [index, body] of review.bodies.entries()) {
    const value = byFile.get(body.file);
    const parsed = parseReport(value);
    if (!parsed.success) continue;
    const result = validate(value, { profile: review.profile, ...(body.previousFile !== null ? { previous: previousOf.get(body.previousFile) } : {}) });
    const html = renderer.renderHtml(parsed.report, { lang: context.lang, diagnostics: result.diagnostics });
    const target = targets[index]!;
    const file = new AtomicFile(target);
    file.write(html);
    file.commit();
    links.set(index, hrefFrom(pageDirectory, target));
  }
  return links;
}

/** Runs `xxgk review`. */
export async function execute(context: Context, { values, positionals }: ParsedArgs): Promise<number> {
  const { lang } = context;
  const output = stringOption(values, "output");
  const format = outputFormat<ReviewFormat>({
    command: "review",
    option: "--format",
    output,
    given: stringOption(values, "format") as ReviewFormat | undefined,
    fallback: "html",
    table: REVIEW_EXTENSIONS,
  });
  const toFile = output !== undefined && output !== "-";
  if (format === "html" && !toFile && context.io.stdout.isTTY) {
    throw usageError("审阅页是 HTML 文件，请用 -o 指定文件名（如 -o review.html）", "the review page is an HTML file; name it with -o (e.g. -o review.html)", "review");
  }
  const renderingsDirectory = stringOption(values, "renderings");
  if (renderingsDirectory !== undefined && (format !== "html" || !toFile)) {
    throw usageError("--renderings 只用于写入文件的 HTML 审阅页（-o review.html），页面用相对链接指向标注稿", "--renderings works with an HTML page written to a file (-o review.html), which links to the renderings relatively", "review");
  }
  const yearText = stringOption(values, "year");
  const year = yearText === undefined ? undefined : Number(yearText);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2019 && year <= 2100)) {
    throw usageError(`--year 应为 2019 到 2100 之间的年份，实为“${yearText}”`, `--year must be a year from 2019 to 2100, got "${yearText}"`, "review");
  }
  const todayText = stringOption(values, "today");
  if (todayText !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(todayText) || Number.isNaN(Date.parse(todayText)))) {
    throw usageError(`--today 应为 YYYY-MM-DD 格式的日期，实为“${todayText}”`, `--today must be a date as YYYY-MM-DD, got "${todayText}"`, "review");
  }
  const today = todayText ? new Date(`${todayText}T00:00:00`) : new Date();
  const profile = (stringOption(values, "profile") as "publish" | "audit" | undefined) ?? "audit";

  const region = await import("@xxgk/validators/region");
  const rules = parseRuleOptions(listOption(values, "rule"), region.REGION_RULES.map((rule) => rule.id), "review");
  const files = expandInputs(positionals, context.io.cwd, REVIEW_EXTENSIONS_IN);
  const previousFiles = listOption(values, "previous").length ? expandInputs(listOption(values, "previous"), context.io.cwd, REVIEW_EXTENSIONS_IN) : [];
  const bodiesFile = stringOption(values, "bodies");
  const baselineFile = stringOption(values, "baseline");
  const writeBaselineFile = stringOption(values, "write-baseline");
  const force = flag(values, "force");
  const inputPaths = [...files, ...previousFiles].map((file) => file.path);
  for (const path of [bodiesFile, baselineFile]) if (path) inputPaths.push(resolve(context.io.cwd, path));
  const bodies = bodiesFile ? await readBodies(bodiesFile, context.io.cwd) : undefined;
  const baseline = baselineFile ? await readBaseline(context, baselineFile) : undefined;
  const baselineTarget = writeBaselineFile ? checkOutputPath(writeBaselineFile, context.io.cwd, { force, inputs: inputPaths }) : undefined;
  // The output is checked (and its temporary file created) before the work: fail fast, never half-write.
  const sink = openSink(context, output, { force, inputs: inputPaths });
  try {
    const current = await loadReports(context, files, pick(msg("读取", "reading"), lang));
    const previous = await loadReports(context, previousFiles, pick(msg("读取上年", "reading last year's"), lang));
    const unreadable = [...current.unreadable, ...previous.unreadable];
    for (const item of unreadable) printError(context, pick(msg(`${item.file}：${item.problem}`, `${item.file}: ${item.problem}`), lang));
    if (current.reports.length === 0) {
      throw new CliError("no-match", msg("没有可审阅的报告（输入中没有能读取的报告 JSON，也没有能导入的报告文件）", "no report to review (no readable report JSON and no importable published report among the inputs)"));
    }
    const review = region.reviewRegion({
      reports: current.reports,
      previous: previous.reports,
      ...(bodies ? { bodies } : {}),
      ...(year !== undefined ? { year } : {}),
      profile,
      ...(rules ? { rules } : {}),
      today,
    });
    if (review.bodies.length === 0) {
      const years = [...new Set(review.otherYears.map((item) => item.year ?? "?"))].join("、");
      throw new CliError("no-match", msg(`没有 ${review.year} 年度的报告（输入的报告年度为 ${years}）；用 --year 指定要审阅的年度`, `no report for ${review.year} (the inputs are for ${years.replace(/、/g, ", ")}); choose the year with --year`));
    }
    const outcome: BaselineOutcome | undefined = baseline ? region.applyBaseline(review, baseline) : undefined;

    if (format === "html") {
      const echarts = await import("echarts");
      const { reviewCharts } = await import("../review/charts.js");
      const pageDirectory = toFile ? dirname(resolve(context.io.cwd, output!)) : context.io.cwd;
      const renderings = renderingsDirectory ? await writeRenderings(context, review, current.reports, previous.reports, renderingsDirectory, pageDirectory, force) : new Map<number, string>();
      const ruleTitles = Object.fromEntries(region.REGION_RULES.map((rule) => [rule.id, lang === "en" ? rule.title.en : rule.title.zh]));
      for (const rule of RULES) ruleTitles[rule.id] = lang === "en" ? rule.title.en : rule.title.zh;
      sink.write(
        renderReviewPage({
          review,
          charts: reviewCharts(echarts, review, lang),
          lang,
          generatedOn: isoDate(today),
          version: VERSION,
          ...(baseline && outcome ? { baseline: { file: basename(baselineFile!), outcome, decisions: baseline.decisions } } : {}),
          unreadable,
          imported: new Map([...current.imported, ...previous.imported]),
          renderings,
          ruleTitles,
        }),
      );
    } else if (format === "json") {
      const data = {
        tool: { name: "xxgk", version: VERSION },
        ...review,
        ...(outcome ? { baseline: { file: baselineFile, ...outcome } } : {}),
        unreadable,
        imported: [...current.imported, ...previous.imported].map(([file, from]) => ({ file, ...from })),
      };
      sink.write(`${JSON.stringify(data, null, 2)}\n`);
    } else {
      sink.write(UTF8_BOM + reviewCsv(review, lang));
    }
    if (baselineTarget) {
      const file = new AtomicFile(baselineTarget);
      file.write(`${JSON.stringify(region.baselineOf(review, { ...(baseline ? { previous: baseline } : {}), decidedOn: isoDate(today) }), null, 2)}\n`);
      file.commit();
    }
    sink.commit();

    const { summary } = review;
    const failed = [...review.regionFindings, ...review.bodies.flatMap((body) => body.findings)].filter((finding) => finding.outcome === "fail");
    const fresh = failed.filter((finding) => !("decision" in finding));
    const freshErrors = fresh.filter((finding) => finding.severity === "error").length;
    printError(
      context,
      pick(
        msg(
          `已审阅 ${summary.reports} 份 ${review.year} 年度报告${summary.expected !== null ? `（应报 ${summary.expected}，缺报 ${summary.missing}）` : ""}：按时 ${summary.onTime}，逾期 ${summary.late}，不明 ${summary.timelinessUnknown}；有错误的报告 ${summary.withErrors}；照搬上年 ${summary.repeatingPrevious}，与他机关雷同 ${summary.repeatingPeer}。问题 ${failed.length} 个${outcome ? `，其中新问题 ${outcome.newFindings} 个（基线中已处理 ${outcome.decided} 个${outcome.stale.length ? `，${outcome.stale.length} 项决定已不再出现` : ""}）` : ""}。`,
          `Reviewed ${summary.reports} reports for ${review.year}${summary.expected !== null ? ` (${summary.expected} expected, ${summary.missing} missing)` : ""}: ${summary.onTime} on time, ${summary.late} late, ${summary.timelinessUnknown} unknown; ${summary.withErrors} with errors; ${summary.repeatingPrevious} repeating last year, ${summary.repeatingPeer} like another body's. ${failed.length} findings${outcome ? `, ${outcome.newFindings} new (${outcome.decided} decided in the baseline${outcome.stale.length ? `; ${outcome.stale.length} decisions no longer occur` : ""})` : ""}.`,
        ),
        lang,
      ),
    );
    const importedCount = current.imported.size + previous.imported.size;
    if (importedCount) {
      printError(
        context,
        pick(
          msg(
            `${importedCount} 份报告${previous.imported.size ? `（其中上年 ${previous.imported.size} 份）` : ""}由已发布的文件（PDF、Word、网页、文本）导入。`,
            `${importedCount} report${importedCount === 1 ? " was" : "s were"} imported from published documents (PDF, Word, web page, text)${previous.imported.size ? `, ${previous.imported.size} of them last year's` : ""}.`,
          ),
          lang,
        ),
      );
    }
    if (review.otherYears.length) {
      printError(context, pick(msg(`${review.otherYears.length} 份报告不是 ${review.year} 年度的，未审阅（可用 --year 指定年度）`, `${review.otherYears.length} reports are not for ${review.year} and were not reviewed (choose the year with --year)`), lang));
    }
    if (toFile) printError(context, pick(msg(`已写入 ${output}`, `wrote ${output}`), lang));
    if (writeBaselineFile) printError(context, pick(msg(`已写入基线 ${writeBaselineFile}（接受当前全部问题）`, `wrote the baseline ${writeBaselineFile} (every current finding accepted)`), lang));
    return freshErrors > 0 || unreadable.length > 0 ? EXIT.findings : EXIT.ok;
  } catch (error) {
    sink.abort();
    throw error;
  }
}
