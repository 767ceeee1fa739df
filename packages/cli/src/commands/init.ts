/**
 * `xxgk init`: a new report, every cell 0, with `$schema` for editor completion; or the bundled example.
 */
import { beijingYear, createEmptyReport, editionForYear, EDITIONS, JSON_SCHEMA_ID, type Edition } from "@xxgk/schema/layout";
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
    // The example is written byte for byte: options that would shape a new report would be silently ignored.
    const ignored = ["year", "body", "edition"].filter((name) => stringOption(values, name) !== undefined);
    if (ignored.length > 0) {
      const names = ignored.map((name) => `--${name}`).join(" ");
      throw usageError(
        `--example 输出内置示例报告原文，不能与 ${names} 同用；新建报告请去掉 --example`,
        `--example writes the bundled example as it is and cannot be combined with ${names}; drop --example to create a new report`,
        "init",
      );
    }
    const { exampleText } = await import("../embedded-example.js");
    text = await exampleText();
    description = pick(msg("内置示例报告", "the bundled example report"), context.lang);
  } else {
    const body = stringOption(values, "body")?.trim();
    if (!body) throw usageError("缺少 --body <发布机关全称>", "missing --body <name of the reporting body>", "init");
    const rawYear = stringOption(values, "year");
    const thisYear = beijingYear(); // the format's years are Beijing years
    // Four digits, no leading zero, no sign, no spaces: "02024" or "2024.0" is a typo, not 2024.
    const year = rawYear === undefined ? thisYear - 1 : /^[1-9]\d{3}$/.test(rawYear) ? Number(rawYear) : Number.NaN;
    if (!Number.isInteger(year) || year < 2019 || year > thisYear) {
      throw usageError(
        `--year 应为 2019 到 ${thisYear} 之间的四位年份，实为“${rawYear}”（2019 年以前的报告没有统一格式；年度报告在该年度结束后编写）`,
        `--year must be a four-digit year from 2019 to ${thisYear}, got "${rawYear}" (reports before 2019 have no fixed format; a report is written after its year ends)`,
        "init",
      );
    }
    if (year === thisYear) {
      printError(
        context,
        pick(
          msg(
            `注意：${year} 年度尚未结束，年度报告应在年度结束后编写（次年 1 月 31 日前公布）；这里按要求生成草稿`,
            `note: ${year} has not ended yet; an annual report is written after its year ends (published by 31 January of the next year); writing a draft as asked`,
          ),
          context.lang,
        ),
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
