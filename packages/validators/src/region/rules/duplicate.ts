/**
 * REGION-DUPLICATE: more than one report of the same body for the same year.
 */
import type { RegionHit, RegionRule, ReviewedReport } from "../define.js";
import { exampleInput, exampleReport } from "../examples.js";

export const rule: RegionRule = {
  id: "REGION-DUPLICATE",
  title: { zh: "每个机关只有一份报告", en: "One report per body" },
  message: {
    zh: "“{body}”有 {count} 份 {year} 年度报告：{files}。",
    en: "“{body}” has {count} reports for {year}: {files}.",
  },
  severity: { publish: "error", audit: "warning" },
  basis: "coverage",
  reference: {
    zh: "每个行政机关每年公布一份年度报告",
    en: "Each body publishes one report a year",
  },
  rationale: {
    zh: "同一年度同一机关（名称忽略全角半角和空白后相同）有两份以上报告，常见于重复上传、更正稿与原稿并存或报告写错了机关名称。每份报告都会提示，以便审阅人确认以哪一份为准。",
    en: "Two or more reports of the same body (names equal ignoring width and whitespace) for the same year: usually a repeated upload, a corrected version beside the original, or a report naming the wrong body. Each of them is reported, so the reviewer confirms which one counts.",
  },
  example: { zh: "同一机关的报告上传了两次", en: "the same body's report uploaded twice" },
  evaluate(context) {
    const groups = new Map<string, ReviewedReport[]>();
    for (const report of context.reports) {
      const group = groups.get(report.bodyKey);
      if (group) group.push(report);
      else groups.set(report.bodyKey, [report]);
    }
    const hits: RegionHit[] = [];
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const files = group.map((report) => report.file).join("、");
      const filesEn = group.map((report) => report.file).join(", ");
      for (const report of group) {
        hits.push({
          report,
          outcome: "fail",
          params: { body: report.body, count: group.length, year: context.year, files },
          paramsEn: { body: report.body, count: group.length, year: context.year, files: filesEn },
          pointers: ["/meta/body"],
          where: [report.file],
        });
      }
    }
    return hits;
  },
  exampleInput: () => {
    const report = exampleReport({ body: "示例市商务局" });
    return { reports: [exampleInput(report), { file: "2023/示例市商务局（更正）.json", report: structuredClone(report) }] };
  },
};
