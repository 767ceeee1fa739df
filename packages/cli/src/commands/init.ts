/**
 * `xxgk init`: a new report, every cell 0, with `$schema` for editor completion; or the bundled example.
 */
import { createEmptyReport, editionForYear, EDITIONS, JSON_SCHEMA_ID, type Edition } from "@xxgk/schema/layout";
import { flag, stringOption, usageError, type ParsedArgs } from "../args.js";
import { printError, type Context } from "../context.js";
import { EXIT } from "../errors.js";
import { msg, pick } from "../i18n.js";
import { openSink } from "../output/sink.js";

/** Runs `xxgk init`. */
export async function execute(context: Context, { values }: ParsedArgs): Promise<number> {
  const output = stringOption(values, "output");
  let text: string;
  let description: string;
  if (flag(values, "example")) {
    const { exampleText } = await import("../embedded-example.js");
    text = await exampleText();
    description = pick(msg("内置示例报告", "the bundled example report"), context.lang);
  } else {
    const body = stringOption(values, "body")?.trim();
    if (!body) throw usageError("缺少 --body <发布机关全称>", "missing --body <name of the reporting body>", "init");
    const rawYear = stringOption(values, "year");
    const year = rawYear === undefined ? new Date().getFullYear() - 1 : Number(rawYear);
    if (!Number.isInteger(year) || year < 2019 || year > 2100) {
      throw usageError(
        `--year 应为 2019 到 2100 之间的年份，实为“${rawYear}”（2019 年以前的报告没有统一格式）`,
        `--year must be a year from 2019 to 2100, got "${rawYear}" (reports before 2019 have no fixed format)`,
        "init",
      );
    }
    const expected = editionForYear(year)!;
    const edition = (stringOption(values, "edition") ?? expected) as Edition;
    if (!EDITIONS.includes(edition)) throw usageError(`未知的格式版本 ${edition}`, `unknown edition ${edition}`, "init");
    if (edition !== expected) {
      printError(
        context,
        pick(
          msg(`注意：${year} 年度的报告通常使用 ${expected} 版格式，这里按要求使用 ${edition} 版`, `note: reports for ${year} normally use edition ${expected}; using edition ${edition} as asked`),
          context.lang,
        ),
      );
    }
    const report = createEmptyReport({ edition, year, body });
    text = `${JSON.stringify({ $schema: JSON_SCHEMA_ID, ...report }, null, 2)}\n`;
    description = pick(msg(`${body} ${year} 年度报告（${edition} 版格式）`, `${body}, report for ${year} (edition ${edition})`), context.lang);
  }
  const sink = openSink(context, output, { force: flag(values, "force"), inputs: [] });
  sink.write(text);
  sink.commit();
  if (!sink.toStdout) printError(context, pick(msg(`已创建 ${output}：${description}`, `created ${output}: ${description}`), context.lang));
  return EXIT.ok;
}
