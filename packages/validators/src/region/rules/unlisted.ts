/**
 * REGION-UNLISTED: a report from a body that is not on the region's list.
 */
import { bodyKey, type RegionHit, type RegionRule } from "../define.js";
import { exampleInput, exampleReport } from "../examples.js";

export const rule: RegionRule = {
  id: "REGION-UNLISTED",
  title: { zh: "报告的机关在名单上", en: "The reporting body is on the list" },
  message: {
    zh: "“{body}”不在 --bodies 名单上（机关名称写错，或名单需要补充）。",
    en: "“{body}” is not on the --bodies list (a misspelt name, or a list to complete).",
  },
  severity: { publish: "info", audit: "info" },
  basis: "coverage",
  reference: { zh: "本地区应报告的机关名单（--bodies）", en: "The region's list of reporting bodies (--bodies)" },
  rationale: {
    zh: "报告的发布机关名称在名单上找不到时提示：多数是名称写法不一致（简称、旧称、错字），这时名单上的机关也会被报告为缺报（REGION-MISSING），两者对照即可发现。没有名单时不评估。",
    en: "A report whose body is not on the list: mostly a name written differently (short or old name, typo), in which case the listed body is also reported missing (REGION-MISSING), and the two side by side show it. Not evaluated without a list.",
  },
  example: { zh: "报告写的是简称", en: "the report uses a short name" },
  evaluate(context) {
    if (!context.bodies) return [];
    const listed = new Set(context.bodies.map((body) => bodyKey(body.name)));
    const hits: RegionHit[] = [];
    for (const report of context.reports) {
      if (listed.has(report.bodyKey)) continue;
      hits.push({ report, outcome: "fail", params: { body: report.body }, paramsEn: { body: report.body }, pointers: ["/meta/body"], where: [] });
    }
    return hits;
  },
  exampleInput: () => ({
    reports: [exampleInput(exampleReport({ body: "示例市商务局" }))],
    bodies: [{ name: "示例市交通运输局", level: "municipal-department" }],
  }),
};
