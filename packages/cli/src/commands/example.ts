/**
 * `xxgk` without arguments: validates and renders the bundled example report and shows a short summary, so a
 * new user sees the whole tool work in one command.
 */
import { layoutOf } from "@xxgk/schema/layout";
import type { ValidationResult } from "@xxgk/validators";
import type { Context } from "../context.js";
import { EXAMPLE_NAME, exampleText } from "../embedded-example.js";
import { EXIT } from "../errors.js";
import { countEn, findingCounts, msg, pick } from "../i18n.js";
import { parseJsonText } from "../input/json-syntax.js";

function size(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** Runs the example. */
export async function runExample(context: Context): Promise<number> {
  const { lang, io, colors } = context;
  const zh = lang === "zh";
  const [{ parseReport }, { formatText, validate }, text] = await Promise.all([import("@xxgk/schema"), import("@xxgk/validators"), exampleText()]);
  const parsedJson = parseJsonText(text);
  if (!parsedJson.ok) throw new Error("the embedded example is not valid JSON");
  const value = parsedJson.value;
  // The example is a published report: check it as a reviewer would (audit profile).
  const result: ValidationResult = validate(value, { profile: "audit" });
  const parsed = parseReport(value);
  const lines: string[] = [];
  if (parsed.success) {
    const { meta, edition } = parsed.report;
    lines.push(
      colors.bold(
        pick(
          msg(
            `内置示例：${meta.body} ${meta.year} 年政府信息公开工作年度报告（${edition} 版格式，${layoutOf(edition).basis}）`,
            `Bundled example: ${meta.body}, annual report for ${meta.year} (edition ${edition})`,
          ),
          lang,
        ),
      ),
    );
  }
  const { error, warning, info, passed } = result.counts;
  const verdict = result.ok ? colors.green(zh ? "通过" : "passed") : colors.red(zh ? "未通过" : "failed");
  lines.push(
    "",
    pick(
      msg(
        `校验（审核配置 audit）：${verdict} — ${passed} 条规则通过，${error} 个错误、${warning} 个警告、${info} 个提示`,
        `Validation (audit profile): ${verdict} — ${countEn(passed, "rule")} passed, ${findingCounts(result.counts).en}`,
      ),
      lang,
    ),
  );
  if (result.diagnostics.length > 0) {
    lines.push(formatText([{ file: EXAMPLE_NAME, result }], { lang, color: context.color }).trimEnd());
  }
  if (parsed.success) {
    const renderer = await import("@xxgk/renderer");
    const html = renderer.renderHtml(parsed.report, { lang });
    const markdown = renderer.renderMarkdown(parsed.report);
    const text = renderer.renderText(parsed.report);
    const docx = await renderer.renderDocx(parsed.report);
    const bytes = (content: string) => Buffer.byteLength(content, "utf8");
    lines.push(
      pick(
        msg(
          `渲染：HTML ${size(bytes(html))}、Word（DOCX）${size(docx.length)}、Markdown ${size(bytes(markdown))}、纯文本 ${size(bytes(text))}`,
          `Rendering: HTML ${size(bytes(html))}, Word (DOCX) ${size(docx.length)}, Markdown ${size(bytes(markdown))}, plain text ${size(bytes(text))}`,
        ),
        lang,
      ),
    );
    // The section headings as the plain-text rendering lays them out (table rows such as 一、本年新收… are not headings).
    const renderedLines = new Set(text.split("\n").map((line) => line.trim()));
    const headings = layoutOf(parsed.report.edition)
      .sections.map((section) => section.heading)
      .filter((heading) => renderedLines.has(heading));
    if (headings.length > 0) {
      lines.push(colors.dim(pick(msg("按官方版式排出的六个部分：", "The six sections, in the official layout:"), lang)));
      lines.push(...headings.map((line) => `  ${line.trim()}`));
    }
  }
  lines.push(
    "",
    zh ? "下一步：" : "Next:",
    `  xxgk init --example -o example.json               ${zh ? "# 取出这份示例" : "# write out this example"}`,
    `  xxgk validate example.json                        ${zh ? "# 检查报告" : "# check a report"}`,
    `  xxgk render example.json --format html -o example.html ${zh ? "# 渲染为网页" : "# render as a web page"}`,
    `  xxgk init --year 2024 --body 某某局 -o 2024.json   ${zh ? "# 新建自己的报告" : "# start your own report"}`,
    `  xxgk --help`,
  );
  io.stdout.write(`${lines.join("\n")}\n`);
  return result.ok ? EXIT.ok : EXIT.findings;
}
