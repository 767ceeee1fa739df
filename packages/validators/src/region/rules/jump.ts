/**
 * REGION-JUMP: a key figure that jumps year on year beyond a factor, or a total that vanishes or appears from nothing.
 */
import { cellAt, readCell } from "@xxgk/schema/layout";
import { cellTable } from "../../cell-values.js";
import { fillTable3 } from "../../sample.js";
import type { RegionHit, RegionRule } from "../define.js";
import { exampleInput, exampleReport } from "../examples.js";

/** The key figures compared: 表三's received, handled and carried-forward totals, 表四's totals, 表二's decisions. */
export const KEY_FIGURES: readonly string[] = [
  "/applications/newlyReceived/total",
  "/applications/total/total",
  "/applications/carriedForward/total",
  "/reviewAndLitigation/reconsideration/total",
  "/reviewAndLitigation/litigationDirect/total",
  "/reviewAndLitigation/litigationAfterReconsideration/total",
  "/proactiveDisclosure/licensing/decisions",
  "/proactiveDisclosure/penalties/decisions",
  "/proactiveDisclosure/coercion/decisions",
];

function formatFactor(factor: number): string {
  return factor >= 10 ? String(Math.round(factor)) : factor.toFixed(1).replace(/\.0$/, "");
}

export const rule: RegionRule = {
  id: "REGION-JUMP",
  title: { zh: "关键数字没有异常跳变", en: "No implausible jump in key figures" },
  message: {
    zh: "{cell}：上年 {previous}，本年 {current}，{change}。",
    en: "{cell}: {previous} last year, {current} this year, {change}.",
  },
  severity: { publish: "warning", audit: "warning" },
  basis: "cross-year",
  reference: {
    zh: "审阅经验：同一机关相邻两年的关键数字相差数倍，多为填报错误（单位、串行、漏填）",
    en: "Reviewers' experience: a key figure of the same body changing several-fold in a year is mostly a reporting error (units, wrong row, left out)",
  },
  rationale: {
    zh: "比较同一机关本年与上年的关键数字：表三“一、本年新收”“（七）总计”“四、结转下年度”的总计，表四三组的总计，表二行政许可、行政处罚、行政强制的处理决定数。一年是另一年的 5 倍以上（可用阈值 jumpFactor 调整）、或从不少于 20 件变为 0（消失）、或从 0 变为不少于 20 件（凭空出现）时提示；两年中较大的数字小于 20（jumpMinimum）时不提示，小数字的倍数没有意义。任一年空白时不比较（空白不是 0）。",
    en: "Compares the same body's key figures this year and last: the totals of 表三's 一 (received), （七） (handled) and 四 (carried forward), 表四's three group totals, and 表二's licensing, penalty and coercion decisions. It warns when one year is 5 or more times the other (threshold jumpFactor), when a figure of 20 or more drops to 0 (vanishes) or rises from 0 to 20 or more (appears from nothing); nothing is reported when the larger figure is below 20 (jumpMinimum), where ratios mean little. A blank in either year is not compared (blank is not zero).",
  },
  example: { zh: "本年新收申请从上年的 15 件跳到 150 件", en: "applications received jump from 15 to 150" },
  evaluate(context) {
    const hits: RegionHit[] = [];
    const { jumpFactor, jumpMinimum } = context.thresholds;
    for (const report of context.reports) {
      const previous = report.previous;
      if (!previous || !report.edition) continue;
      for (const pointer of KEY_FIGURES) {
        const cell = cellAt(report.edition, pointer);
        if (!cell) continue;
        const current = readCell(report.raw, cell);
        const before = readCell(previous.raw, cell);
        if (typeof current !== "number" || typeof before !== "number" || !Number.isFinite(current) || !Number.isFinite(before)) continue;
        if (Math.max(current, before) < jumpMinimum) continue;
        let change: [string, string] | undefined;
        if (before === 0) change = ["从 0 凭空出现", "appearing from nothing"];
        else if (current === 0) change = ["降为 0", "vanishing to 0"];
        else {
          const factor = Math.max(current, before) / Math.min(current, before);
          if (factor >= jumpFactor) {
            const text = formatFactor(factor);
            change = current > before ? [`增至 ${text} 倍`, `${text} times as many`] : [`降至 1/${text}`, `down to 1/${text}`];
          }
        }
        if (!change) continue;
        const table = cellTable(report.edition);
        const labelEn = table.labelsEn[table.index.get(pointer)!]!;
        hits.push({
          report,
          outcome: "fail",
          params: { cell: cell.label, previous: before, current, change: change[0] },
          paramsEn: { cell: labelEn, previous: before, current, change: change[1] },
          pointers: [pointer],
          where: [pointer],
        });
      }
    }
    return hits;
  },
  exampleInput: () => {
    const report = exampleReport({ body: "示例市商务局" });
    const previous = exampleReport({ body: "示例市商务局", previous: true });
    // Ten times as many applications, all disclosed: every identity of the report still holds.
    fillTable3(report, { naturalPerson: { outcomes: { disclosed: 140 }, carriedOver: 2, carriedForward: 12 } });
    return { reports: [exampleInput(report)], previous: [exampleInput(previous)] };
  },
};
