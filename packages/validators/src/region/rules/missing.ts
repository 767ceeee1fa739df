/**
 * REGION-MISSING: a body on the region's list that published no report for the year.
 */
import { bodyKey, type RegionHit, type RegionRule } from "../define.js";
import { exampleInput, exampleReport } from "../examples.js";

export const rule: RegionRule = {
  id: "REGION-MISSING",
  title: { zh: "名单上的机关都有报告", en: "Every listed body has a report" },
  message: {
    zh: "名单上的“{body}”没有 {year} 年度报告。",
    en: "“{body}” is on the list but has no report for {year}.",
  },
  severity: { publish: "error", audit: "error" },
  basis: "coverage",
  reference: {
    zh: "《中华人民共和国政府信息公开条例》第四十九条：各级人民政府及其部门每年公布年度报告",
    en: "Regulations, art. 49: every government and department publishes an annual report",
  },
  rationale: {
    zh: "与 --bodies 名单（name、level、可选 regionCode）比较：名单上的机关在本年度报告中找不到（按名称匹配，忽略全角半角和空白）即为缺报。没有名单时不评估。",
    en: "Compared with the --bodies list (name, level, optional regionCode): a listed body with no report of the year (names matched ignoring full/half width and whitespace) is missing. Not evaluated without a list.",
  },
  example: { zh: "名单有两个机关，只收到一份报告", en: "two bodies listed, one report received" },
  evaluate(context) {
    if (!context.bodies) return [];
    const present = new Set(context.reports.map((report) => report.bodyKey));
    const hits: RegionHit[] = [];
    for (const body of context.bodies) {
      if (present.has(bodyKey(body.name))) continue;
      hits.push({ body: body.name, outcome: "fail", params: { body: body.name, year: context.year }, paramsEn: { body: body.name, year: context.year }, where: [] });
    }
    return hits;
  },
  exampleInput: () => ({
    reports: [exampleInput(exampleReport({ body: "示例市商务局" }))],
    bodies: [
      { name: "示例市商务局", level: "municipal-department" },
      { name: "示例市交通运输局", level: "municipal-department" },
    ],
  }),
};
