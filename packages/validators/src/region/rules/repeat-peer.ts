/**
 * REGION-REPEAT-PEER: a section that repeats another body's report of the same year.
 */
import { percent, type RegionHit, type RegionRule } from "../define.js";
import { distinctProse, exampleInput, exampleReport } from "../examples.js";
import { sectionName } from "./sections.js";

export const rule: RegionRule = {
  id: "REGION-REPEAT-PEER",
  title: { zh: "不照搬其他机关的报告", en: "Not copied from another body's report" },
  message: {
    zh: "“{section}”有 {share} 的文字与{other}同年报告相同（阈值 {threshold}）。",
    en: "{section}: {share} of the text is the same as in {other}'s report of the same year (threshold {threshold}).",
  },
  severity: { publish: "warning", audit: "warning" },
  basis: "repetition",
  reference: {
    zh: "每个行政机关应报告本机关的工作情况（条例 第五十条）",
    en: "Each body reports its own work (Regulations, art. 50)",
  },
  rationale: {
    zh: "同一年度不同机关的报告逐节（一、五、六）比较，文字处理与 REGION-REPEAT-PREVIOUS 相同；本地区多数报告共用的模板套话不算照搬。为使上千份报告两两比较不按平方增长，先用 MinHash（72 个哈希，24 段 × 3 行的局部敏感哈希）找出可能相似的报告对，再对这些报告对逐字计算重复率：Jaccard 相似度为 0.5 的报告对被选出的概率约 96%，0.4 约 80%。结果是确定的（哈希的种子固定）。两个方向各算一次，各自记在本机关名下。",
    en: "Reports of different bodies of the same year are compared section by section (一, 五, 六), with the text prepared as for REGION-REPEAT-PREVIOUS; template phrases most reports of the region share do not count. So that comparing thousands of reports does not grow quadratically, MinHash (72 hashes, locality-sensitive hashing with 24 bands of 3 rows) picks the pairs likely to be similar, and only those are compared character by character: a pair with a Jaccard similarity of 0.5 is picked with a probability of about 96%, of 0.4 about 80%. The result is deterministic (fixed seeds). Each direction is computed and reported under its own body.",
  },
  example: { zh: "两个部门的“五”完全相同", en: "two departments' section 五 is the same" },
  evaluate(context) {
    const threshold = context.thresholds.peerRepeat;
    return context.peerRepetitions().map(({ report, other, section, repetition }): RegionHit => {
      const name = sectionName(section);
      return {
        report,
        outcome: "fail",
        params: { section: name.zh, share: percent(repetition.share), other: `“${other.body}”`, threshold: percent(threshold) },
        paramsEn: { section: name.en, share: percent(repetition.share), other: `“${other.body}”`, threshold: percent(threshold) },
        pointers: [`/${section}`],
        section,
        similarity: repetition.share,
        other: { body: other.body, file: other.file, year: other.year },
        passages: repetition.passages,
        where: [section, other.bodyKey],
      };
    });
  },
  exampleInput: () => {
    const text = distinctProse("我们");
    const first = exampleReport({ body: "示例市商务局" });
    const second = exampleReport({ body: "示例市交通运输局" });
    first.problemsAndImprovements = { paragraphs: text };
    second.problemsAndImprovements = { paragraphs: text };
    return { reports: [exampleInput(first), exampleInput(second)] };
  },
};
