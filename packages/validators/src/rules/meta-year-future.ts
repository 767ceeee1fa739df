/** Rule META-YEAR-FUTURE: its metadata, messages, docs example and evaluator. */
import { beijingYear } from "@xxgk/schema/layout";
import type { Finding, RuleContext } from "../context.js";
import { blocked, BOTH, type CatalogEntry, integerYear, isoDate, metaField, pass } from "./define.js";

function checkYearNotFuture(context: RuleContext): Finding[] {
  const year = integerYear(metaField(context, "year"));
  if (year === undefined) return [blocked("/meta/year")];
  const currentYear = beijingYear(context.today);
  if (year < currentYear) return [pass()];
  // A report is written after its year ends: the current year has not ended yet (today is within it).
  const [problem, problemEn] =
    year === currentYear
      ? [`尚未结束（今天是 ${isoDate(context.today)}）`, `has not ended yet (today is ${isoDate(context.today)})`]
      : [`晚于当前年份 ${currentYear}`, `is after the current year ${currentYear}`];
  return [{ outcome: "fail", params: { year, problem }, paramsEn: { year, problem: problemEn }, pointers: ["/meta/year"], cells: [] }];
}

export const rule: CatalogEntry = {
  id: "META-YEAR-FUTURE",
  name: "ReportYearEnded",
  title: { zh: "报告年度已经结束", en: "The report year has ended" },
  message: {
    zh: "报告年度 {year} {problem}：年度报告在报告年度结束后编制。",
    en: "The report year {year} {problem}: an annual report is written after its year ends.",
  },
  severity: { publish: "error", audit: "warning" },
  editions: BOTH,
  basis: "metadata",
  reference: { zh: "《中华人民共和国政府信息公开条例》第四十九条", en: "Regulations on Open Government Information, art. 49" },
  rationale: {
    zh: "年度报告总结已经结束的年度（条例第五十条：次年 1 月 31 日、3 月 31 日前公布），因此报告年度应早于今天所在的年份。报告年度为今年或以后几乎总是录入错误，常见的是把发布年份写成了报告年度。发布前检查（publish）视为错误；审阅已发布报告（audit）视为警告，因为这是报告原貌，需要核对而不能改写。",
    en: "An annual report covers a year that has ended (art. 50: published by 31 January / 31 March of the next year), so the report year must be before the current year. A report year of this year or later is almost always a typing error, typically the publication year written as the report year. Before publication (publish) it is an error; when auditing a published report (audit) it is a warning, since the report was published that way and can only be checked, not corrected.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "报告年度写成 2099", en: "the report year typed as 2099" },
      edits: [
        { pointer: "/meta/year", value: 2099 },
        { pointer: "/meta/publishedOn", remove: true },
      ],
    },
  ],
  evaluator: { kind: "check", check: checkYearNotFuture },
};
