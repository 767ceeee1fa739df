/**
 * The region rules' part of docs/rules.md, generated from the region catalog; each example's output is produced by
 * running the review on the example region.
 */
import { REGION_CATALOG } from "./catalog.js";
import type { RegionRule } from "./define.js";
import { reviewRegion } from "./review.js";
import type { RegionFinding, RegionRuleBasis } from "./types.js";

const BASIS: Readonly<Record<RegionRuleBasis, string>> = {
  deadline: "发布期限 deadline",
  repetition: "文字重复 repetition",
  "cross-year": "跨年度 across years",
  content: "文字内容 content",
  coverage: "报送范围 coverage",
};

/** The date region examples are reviewed on, so the generated page is reproducible. */
const TODAY = new Date("2025-06-01T00:00:00Z");

/** Runs a region rule's example and returns the rule's first failed finding (throws when there is none). */
export function runRegionExample(rule: RegionRule): RegionFinding {
  const review = reviewRegion({ ...rule.exampleInput(), today: TODAY });
  const finding = [...review.regionFindings, ...review.bodies.flatMap((body) => body.findings)].find(
    (candidate) => candidate.ruleId === rule.id && candidate.outcome === "fail",
  );
  if (!finding) throw new Error(`the example of ${rule.id} does not make the rule fail`);
  return finding;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** The Markdown lines of the region rules: an introduction, a table and a section per rule. */
export function regionRulesMarkdown(): string[] {
  const lines = [
    "# 地区审阅规则 · Region rules",
    "",
    "`xxgk review` 和 `reviewRegion()`（`@xxgk/validators/region`）在逐份检查上面各条规则之外，把一个地区的报告放在一起检查下列规则。阈值可用 `thresholds` 选项调整，见 [review.md](review.md)。",
    "",
    "`xxgk review` and `reviewRegion()` (`@xxgk/validators/region`) check the rules above on each report and the rules below across a region's reports. Thresholds can be changed with the `thresholds` option; see [review.md](review.md).",
    "",
    "| id | 规则 Rule | 依据 Basis | publish | audit |",
    "|---|---|---|---|---|",
    ...REGION_CATALOG.map(
      (rule) =>
        `| [${rule.id}](#${rule.id.toLowerCase()}) | ${escapeCell(rule.title.zh)}<br>${escapeCell(rule.title.en)} | ${BASIS[rule.basis]} | ${rule.severity.publish} | ${rule.severity.audit} |`,
    ),
    "",
  ];
  for (const rule of REGION_CATALOG) {
    const finding = runRegionExample(rule);
    lines.push(
      `## ${rule.id}`,
      "",
      `**${rule.title.zh}** · ${rule.title.en}`,
      "",
      `- 依据 Basis: ${BASIS[rule.basis]} — ${rule.reference.zh} / ${rule.reference.en}`,
      `- 严重程度 Severity: publish \`${rule.severity.publish}\`, audit \`${rule.severity.audit}\``,
      "",
      "消息模板 Message template:",
      "",
      `> ${rule.message.zh}`,
      ">",
      `> ${rule.message.en}`,
      "",
      rule.rationale.zh,
      "",
      rule.rationale.en,
      "",
      `**失败示例 Failing example**: ${rule.example.zh} — ${rule.example.en}.`,
      "",
      "输出 Output:",
      "",
      `> \`${finding.severity}\` ${finding.body}: ${finding.message}`,
      ">",
      `> ${finding.messageEn}`,
      "",
    );
  }
  return lines;
}
