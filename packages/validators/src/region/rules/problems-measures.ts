/**
 * REGION-PROBLEMS-MEASURES: section 五 names both problems and measures.
 */
import { proseTexts } from "../../prose.js";
import type { RegionHit, RegionRule } from "../define.js";
import { exampleInput, exampleReport } from "../examples.js";

/** Words that show section 五 names a problem. */
export const PROBLEM_WORDS: readonly string[] = ["问题", "不足", "差距", "有待", "不够", "不到位", "薄弱", "欠缺", "短板", "滞后"];
/** Words that show section 五 names a measure. */
export const MEASURE_WORDS: readonly string[] = ["改进", "整改", "措施", "下一步", "今后", "将", "加强", "推进", "完善", "提升"];

export const rule: RegionRule = {
  id: "REGION-PROBLEMS-MEASURES",
  title: { zh: "“五”写明问题和改进措施", en: "Section 五 names problems and measures" },
  message: {
    zh: "“五、存在的主要问题及改进情况”没有写明{missing}。",
    en: "Section 五 (problems and improvements) names no {missing}.",
  },
  severity: { publish: "warning", audit: "warning" },
  basis: "content",
  reference: {
    zh: "年度报告格式：五、存在的主要问题及改进情况",
    en: "The format's section 五: main problems and improvements",
  },
  rationale: {
    zh: "“五”应当既写存在的问题，也写改进措施；只写“无”或只写成绩、只写问题不写措施的报告都不符合要求。问题以“问题、不足、差距、有待、不够、不到位、薄弱、欠缺、短板、滞后”等词识别，措施以“改进、整改、措施、下一步、今后、将、加强、推进、完善、提升”等词识别。“五”为空时由 PROSE-REQUIRED 报告。",
    en: "Section 五 must name both the problems and the measures taken; a report that says 'none', lists achievements, or names problems without measures falls short. Problems are recognised by words such as 问题, 不足, 差距, 有待, 不够; measures by 改进, 整改, 措施, 下一步, 将, 加强. An empty section 五 is PROSE-REQUIRED's finding.",
  },
  example: { zh: "“五”只写“无”", en: "section 五 only says 'none'" },
  evaluate(context) {
    const hits: RegionHit[] = [];
    for (const report of context.reports) {
      const texts = proseTexts(report.raw, "problemsAndImprovements");
      if (!texts) continue;
      const all = texts.map((text) => text.text).join("\n");
      if (all.trim() === "") continue;
      const problems = PROBLEM_WORDS.some((word) => all.includes(word));
      const measures = MEASURE_WORDS.some((word) => all.includes(word));
      if (problems && measures) continue;
      const [zh, en] = !problems && !measures ? ["存在的问题和改进措施", "problems and no measures"] : !problems ? ["存在的问题", "problems"] : ["改进措施", "measures"];
      hits.push({ report, outcome: "fail", params: { missing: zh }, paramsEn: { missing: en }, pointers: ["/problemsAndImprovements"], where: [] });
    }
    return hits;
  },
  exampleInput: () => {
    const report = exampleReport({ body: "示例市商务局" });
    report.problemsAndImprovements = { paragraphs: ["无。"] };
    return { reports: [exampleInput(report)] };
  },
};
