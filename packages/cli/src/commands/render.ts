/**
 * `xxgk render`: a report as HTML, DOCX, Markdown or plain text. The renderer (and DOCX) load only here.
 */
import { flag, stringOption, usageError, type ParsedArgs } from "../args.js";
import { printError, type Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { msg, pick } from "../i18n.js";
import { loadJsonOrThrow } from "../load-report.js";
import { openSink, type Sink } from "../output/sink.js";
import { resolve } from "node:path";

type Target = "html" | "docx" | "md" | "txt";

/** Runs `xxgk render`. */
export async function execute(context: Context, { values, positionals }: ParsedArgs): Promise<number> {
  const { lang } = context;
  const input = positionals[0]!;
  const to = (stringOption(values, "to") ?? "html") as Target;
  const annotate = flag(values, "annotate");
  const output = stringOption(values, "output");
  if (annotate && to !== "html") {
    throw usageError("--annotate 只用于 --to html（在网页中标注问题）", "--annotate works with --to html only (findings are marked in the page)", "render");
  }
  if (flag(values, "fragment") && to !== "html") throw usageError("--fragment 只用于 --to html", "--fragment works with --to html only", "render");
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

async function renderTo(context: Context, sink: Sink, input: string, to: Target, values: ParsedArgs["values"]): Promise<number> {
  const { lang } = context;
  const annotate = flag(values, "annotate");
  const value = await loadJsonOrThrow(context, input);
  const { parseReport } = await import("@xxgk/schema");
  const parsed = parseReport(value);
  if (!parsed.success) {
    printError(context, pick(msg(`${input}：报告结构无效，无法渲染：`, `${input}: invalid report structure, cannot render:`), lang));
    for (const issue of parsed.issues.slice(0, 20)) printError(context, `  ${issue.label}: ${lang === "en" ? issue.messageEn : issue.message}`);
    if (parsed.issues.length > 20) printError(context, `  … ${parsed.issues.length - 20}`);
    printError(context, pick(msg(`运行 xxgk validate ${input} 查看全部问题。`, `Run xxgk validate ${input} for every problem.`), lang));
    throw new CliError("usage", msg(`${input}：未渲染`, `${input}: not rendered`), EXIT.findings);
  }
  const report = parsed.report;
  const renderer = await import("@xxgk/renderer");
  let content: string | Uint8Array;
  let exitCode: number = EXIT.ok;
  try {
    if (to === "html") {
      let diagnostics;
      if (annotate) {
        const { validate } = await import("@xxgk/validators");
        const result = validate(value, { profile: (stringOption(values, "profile") as "publish" | "audit" | undefined) ?? "publish" });
        diagnostics = result.diagnostics;
        const { error, warning, info } = result.counts;
        printError(
          context,
          pick(msg(`已标注 ${error} 个错误、${warning} 个警告、${info} 个提示`, `marked ${error} errors, ${warning} warnings, ${info} infos`), lang),
        );
        if (!result.ok) exitCode = EXIT.findings;
      }
      content = renderer.renderHtml(report, { fragment: flag(values, "fragment"), lang, ...(diagnostics ? { diagnostics } : {}) });
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
