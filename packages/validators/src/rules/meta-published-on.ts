/** Rule META-PUBLISHED-ON: its metadata, messages, docs example and evaluator. */
import type { Finding, RuleContext } from "../context.js";
import { blocked, BOTH, type CatalogEntry, integerYear, isoDate, metaField, optionalFieldAbsent, pass } from "./define.js";

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2024-02-30 and 2100-02-29 no). */
function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function checkPublishedOn(context: RuleContext): Finding[] {
  const publishedOn = metaField(context, "publishedOn");
  if (publishedOn === undefined) return [optionalFieldAbsent("publishedOn")];
  const year = integerYear(metaField(context, "year"));
  // Not a string: a structural problem SCHEMA reports.
  if (typeof publishedOn !== "string") return [blocked("/meta/publishedOn")];
  if (!isRealDate(publishedOn)) {
    return [
      {
        outcome: "fail",
        params: { publishedOn: `“${publishedOn}”`, problem: "不是有效的日期（应为 YYYY-MM-DD 格式的真实日期，如 2024-01-20）" },
        paramsEn: {
          publishedOn: JSON.stringify(publishedOn),
          problem: "is not a valid date (write a real date as YYYY-MM-DD, e.g. 2024-01-20)",
        },
        pointers: ["/meta/publishedOn"],
        cells: [],
      },
    ];
  }
  if (year === undefined) return [blocked("/meta/year")];
  const today = isoDate(context.today);
  if (publishedOn <= `${year}-12-31`) {
    return [
      {
        outcome: "fail",
        params: { publishedOn, problem: `早于报告年度结束（${year} 年 12 月 31 日）` },
        paramsEn: { publishedOn, problem: `is before the end of the report year (${year}-12-31)` },
        pointers: ["/meta/publishedOn", "/meta/year"],
        cells: [],
      },
    ];
  }
  if (publishedOn > today) {
    return [
      {
        outcome: "fail",
        params: { publishedOn, problem: `晚于今天（${today}）` },
        paramsEn: { publishedOn, problem: `is after today (${today})` },
        pointers: ["/meta/publishedOn"],
        cells: [],
      },
    ];
  }
  return [pass()];
}

export const rule: CatalogEntry = {
  id: "META-PUBLISHED-ON",
  name: "PlausiblePublicationDate",
  title: { zh: "发布日期合理", en: "Publication date is plausible" },
  message: { zh: "发布日期 {publishedOn} {problem}。", en: "The publication date {publishedOn} {problem}." },
  severity: { publish: "warning", audit: "warning" },
  editions: BOTH,
  basis: "metadata",
  reference: {
    zh: "《中华人民共和国政府信息公开条例》第五十条（次年 1 月 31 日、3 月 31 日前公布）",
    en: "Regulations art. 50 (published by 31 January / 31 March of the next year)",
  },
  rationale: {
    zh: "年度报告在报告年度结束后公布（部门在次年 1 月 31 日前，政府在 3 月 31 日前）；早于年度结束或晚于今天的发布日期说明年度或日期录错。",
    en: "A report is published after its year ends (departments by 31 January, governments by 31 March); a date before the year ends or after today means the year or the date was mistyped.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "发布日期早于报告年度结束", en: "published before the report year ended" },
      edits: [{ pointer: "/meta/publishedOn", value: "2019-06-30" }],
    },
  ],
  evaluator: { kind: "check", check: checkPublishedOn },
};
