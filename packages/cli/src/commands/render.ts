/**
 * `xxgk render`: a report as HTML, DOCX, Markdown or plain text. The renderer (and DOCX) load only here.
 */
import { flag, stringOption, usageError, type ParsedArgs } from "../args.js";
import { printError, type Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { invalidCellCount, invalidCellsOnly, withCellsBlank, type InvalidCell } from "../cell-repair.js";
import { findingCounts, msg, pick } from "../i18n.js";
import { loadJsonOrThrow } from "../load-report.js";
import { outputFormat, RENDER_EXTENSIONS } from "../output/format-from-path.js";
import { openSink, type Sink } from "../output/sink.js";
import { resolve } from "node:path";

type Target = "html" | "docx" | "md" | "txt";

/** Runs `xxgk render`. */
export async function execute(context: Context, { values, positionals }: ParsedArgs): Promise<number> {
  const { lang } = context;
  const input = positionals[0]!;
  const output = stringOption(values, "output");
  const to = outputFormat<Target>({ command: "render", option: "--format", output, given: stringOption(values, "format") as Target | undefined, fallback: "html", table: RENDER_EXTENSIONS });
  const annotate = flag(values, "annotate");
  if (annotate && to !== "html") {
    throw usageError("--annotate 只用于 --format html（在网页中标注问题）", "--annotate works with --format html only (findings are marked in the page)", "render");
  }
  if (flag(values, "fragment") && to !== "html") throw usageError("--fragment 只用于 --format html", "--fragment works with --format html only", "render");
  if (flag(values, "no-css") && !flag(values, "fragment")) {
    throw usageError("--no-css 只用于 --fragment（完整网页总是带样式）", "--no-css works with --fragment only (a whole page always has its styles)", "render");
  }
  if (to === "docx" && (output === undefined || output === "-") && context.io.stdout.isTTY) {
    throw usageError("DOCX 是二进制文件，不能输出到终端；请用 -o 指定文件名", "DOCX is binary and cannot go to a terminal; name a file with -o", "render");
  }
  // Refuse an existing output (or an input as output) before any work is done.
  const sink = openSink(context, output, { force: flag(values, "force"), inputs: input === "-" ? [] : [resolve(context.io.cwd, input)] });
  try {
    const exitCode = await renderTo(context, sink, input, to, values);
    sink.commit();
    if (!sink.toStdout) printError(context, pick(msg(`已写入 ${output}`, `wrote ${output}`), lang));
    return exitCode;
  } catch (error) {
    sink.abort();
    throw error;
  }
}

function printIssues(context: Context, input: string, issues: readonly { label: string; message: string; messageEn: string }[]): void {
  const { lang } = context;
  printError(context, pick(msg(`${input}：报告结构无效，无法渲染：`, `${input}: invalid report structure, cannot render:`), lang));
  for (const issue of issues.slice(0, 20)) printError(context, `  ${issue.label}: ${lang === "en" ? issue.messageEn : issue.message}`);
  if (issues.length > 20) printError(context, `  … ${issues.length - 20}`);
}

async function renderTo(context: Context, sink: Sink, input: string, to: Target, values: ParsedArgs["values"]): Promise<number> {
  const { lang } = context;
  const annotate = flag(values, "annotate");
  const value = await loadJsonOrThrow(context, input);
  const { parseReport } = await import("@xxgk/schema");
  let parsed = parseReport(value);
  let invalidCells: InvalidCell[] | undefined;
  if (!parsed.success) {
    invalidCells = invalidCellsOnly(value, parsed.issues);
    const repaired = invalidCells && annotate ? parseReport(withCellsBlank(value, invalidCells)) : undefined;
    if (!repaired?.success) {
      printIssues(context, input, parsed.issues);
      if (invalidCells) {
        // Only cell values are wrong: the annotated review copy can show them.
        const command = (file: string) => `xxgk render ${input} --annotate${to === "html" ? "" : ` -o ${file}`}`;
        printError(
          context,
          pick(
            msg(
              `这些问题都是单元格取值无效：${command("审核.html")} 可输出标注稿（HTML），无效的单元格显示为空白并标出填报的值。`,
              `Only cell values are invalid: ${command("review.html")} writes a review copy (HTML) with those cells shown empty and marked with the stated value.`,
            ),
            lang,
          ),
        );
      } else {
        printError(context, pick(msg(`运行 xxgk validate ${input} 查看全部问题。`, `Run xxgk validate ${input} for every problem.`), lang));
      }
      throw new CliError("usage", msg(`${input}：未渲染`, `${input}: not rendered`), EXIT.findings);
    }
    parsed = repaired;
  }
  const report = parsed.report!;
  const renderer = await import("@xxgk/renderer");
  let content: string | Uint8Array;
  let exitCode: number = EXIT.ok;
  try {
    if (to === "html") {
      let diagnostics;
      if (annotate) {
        const { validate } = await import("@xxgk/validators");
        // The stated values, as the file has them: the CELL-VALUE findings say what each blank cell stated.
        const result = validate(value, { profile: (stringOption(values, "profile") as "publish" | "audit" | undefined) ?? "publish" });
        diagnostics = result.diagnostics;
        if (invalidCells) {
          const count = invalidCellCount(invalidCells.length);
          printError(
            context,
            pick(
              msg(`${input}：${count.zh}，在标注稿中显示为空白并已标注`, `${input}: ${count.en} ${invalidCells.length === 1 ? "is" : "are"} shown empty and marked`),
              lang,
            ),
          );
        }
        printError(context, pick(msg(`已标注 ${findingCounts(result.counts).zh}`, `marked ${findingCounts(result.counts).en}`), lang));
        if (!result.ok || invalidCells) exitCode = EXIT.findings;
      }
      const html = renderer.renderHtml(report, { fragment: flag(values, "fragment"), lang, ...(diagnostics ? { diagnostics } : {}) });
      // A fragment carries the stylesheet (scoped to .xxgk-report) unless --no-css: without it borders and markers vanish.
      content = flag(values, "fragment") && !flag(values, "no-css") ? `<style>\n${renderer.REPORT_CSS}\n</style>\n${html}` : html;
    } else if (to === "md") content = renderer.renderMarkdown(report);
    else if (to === "txt") content = renderer.renderText(report);
    else content = await renderer.renderDocx(report);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError("usage", msg(`${input}：渲染失败：${detail}`, `${input}: rendering failed: ${detail}`));
  }
  sink.write(content);
  return exitCode;
}
