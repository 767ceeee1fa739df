/**
 * REGION-REPEAT-PREVIOUS: a section that repeats the same body's report of last year almost word for word.
 */
import { percent, type RegionHit, type RegionRule } from "../define.js";
import { distinctProse, exampleInput, exampleReport } from "../examples.js";
import { COMPARED_SECTIONS, sectionName } from "./sections.js";

export const rule: RegionRule = {
  id: "REGION-REPEAT-PREVIOUS",
  title: { zh: "不照搬上年报告", en: "Not copied from last year's report" },
  message: {
    zh: "“{section}”有 {share} 的文字与本机关上年报告相同（阈值 {threshold}）。",
    en: "{section}: {share} of the text is the same as in the body's report of last year (threshold {threshold}).",
  },
  severity: { publish: "warning", audit: "warning" },
  basis: "repetition",
  reference: {
    zh: "年度报告应反映本年度的工作；第三方评估发现有的报告与上年重复率高达 90%",
    en: "A report describes the year's work; evaluations found reports repeating up to 90% of last year's text",
  },
  rationale: {
    zh: "逐节（一、五、六）比较本年与上年报告的正文：去掉机关名称、官方标题和空白，数字一律视为相同（只改了年份和数字的段落仍算重复），并去掉本地区多数报告共用的套话（至少 20% 且不少于 5 份报告含有的 8 字片段，报告不足 10 份时不去）。重复率是本年文字中落在与上年相同的连续片段（至少 20 字）里的比例；去掉套话后不足 60 字的部分不比较。重复的片段在审阅页中与上年原文并排列出。",
    en: "Sections 一, 五 and 六 are compared with last year's: the body's name, official headings and whitespace are removed, every digit counts as the same (a paragraph with only the year and figures changed is still a repeat), and the region's boilerplate is removed (8-character shingles found in at least 20% and at least 5 of the reports; none with fewer than 10 reports). The repeat rate is the share of this year's text inside passages of at least 20 characters that last year's text also has; sections with fewer than 60 characters left are not compared. The review page shows the repeated passages beside last year's wording.",
  },
  example: { zh: "“五”与上年报告完全相同", en: "section 五 is the same as last year's" },
  evaluate(context) {
    const hits: RegionHit[] = [];
    const threshold = context.thresholds.previousRepeat;
    for (const report of context.reports) {
      if (!report.previous) continue;
      for (const section of COMPARED_SECTIONS) {
        const repetition = context.previousRepetition(report, section);
        if (!repetition || repetition.share < threshold) continue;
        const name = sectionName(section);
        hits.push({
          report,
          outcome: "fail",
          params: { section: name.zh, share: percent(repetition.share), threshold: percent(threshold) },
          paramsEn: { section: name.en, share: percent(repetition.share), threshold: percent(threshold) },
          pointers: [`/${section}`],
          section,
          similarity: repetition.share,
          other: { body: report.body, file: report.previous.file, year: report.previous.year },
          passages: repetition.passages,
          where: [section],
        });
      }
    }
    return hits;
  },
  exampleInput: () => {
    const text = distinctProse("本局");
    const report = exampleReport({ body: "示例市商务局" });
    const previous = exampleReport({ body: "示例市商务局", previous: true });
    report.problemsAndImprovements = { paragraphs: text };
    previous.problemsAndImprovements = { paragraphs: text };
    return { reports: [exampleInput(report)], previous: [exampleInput(previous)] };
  },
};
