/**
 * REGION-DEADLINE: a report published after the legal deadline for the body's level (条例 第四十九条).
 */
import { BODY_LEVELS, type BodyLevel } from "@xxgk/schema/layout";
import type { RegionHit, RegionRule, ReviewedReport } from "../define.js";
import { exampleInput, exampleReport } from "../examples.js";

/** Deadline kind per level: departments publish by 31 January, people's governments by 31 March. */
const DEADLINE_OF_LEVEL: Readonly<Record<BodyLevel, "department" | "government" | null>> = {
  "national-department": "department",
  "provincial-department": "department",
  "municipal-department": "department",
  "county-department": "department",
  "provincial-government": "government",
  "municipal-government": "government",
  "county-government": "government",
  "township-government": "government",
  other: null,
};

const LEVEL_EN: Readonly<Record<BodyLevel, string>> = {
  "national-department": "State Council department",
  "provincial-government": "provincial government",
  "provincial-department": "provincial department",
  "municipal-government": "municipal government",
  "municipal-department": "municipal department",
  "county-government": "county government",
  "county-department": "county department",
  "township-government": "township government",
  other: "body of another kind",
};

/** The legal deadline (YYYY-MM-DD) of a report of `year` by a body of `level`, or null when the level sets none. */
export function deadlineFor(level: BodyLevel | null, year: number): string | null {
  const kind = level ? DEADLINE_OF_LEVEL[level] : null;
  if (!kind) return null;
  return kind === "department" ? `${year + 1}-01-31` : `${year + 1}-03-31`;
}

/** Days from `from` to `to` (both YYYY-MM-DD). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The timeliness of one report: on time, late by some days, or unknown (and why). */
export function timeliness(report: ReviewedReport): {
  deadline: string | null;
  onTime: boolean | null;
  daysLate: number | null;
  unknown?: { zh: string; en: string; pointer: string };
} {
  const deadline = report.year === null ? null : deadlineFor(report.level, report.year);
  if (report.year === null) return { deadline, onTime: null, daysLate: null, unknown: { zh: "报告未写明年度", en: "the report states no year", pointer: "/meta/year" } };
  if (!deadline) {
    return {
      deadline,
      onTime: null,
      daysLate: null,
      unknown: {
        zh: "不知道发布机关的层级（meta.level，或 --bodies 名单中的 level），无法确定法定期限",
        en: "the body's level is unknown (meta.level, or level in the --bodies list), so the deadline cannot be set",
        pointer: "/meta/level",
      },
    };
  }
  if (!report.publishedOn || !DATE.test(report.publishedOn) || Number.isNaN(Date.parse(report.publishedOn))) {
    return {
      deadline,
      onTime: null,
      daysLate: null,
      unknown: { zh: "报告未写明有效的发布日期（meta.publishedOn）", en: "the report states no valid publication date (meta.publishedOn)", pointer: "/meta/publishedOn" },
    };
  }
  const days = daysBetween(deadline, report.publishedOn);
  return { deadline, onTime: days <= 0, daysLate: Math.max(0, days) };
}

export const rule: RegionRule = {
  id: "REGION-DEADLINE",
  title: { zh: "在法定期限内发布", en: "Published by the legal deadline" },
  message: {
    zh: "{publishedOn} 发布，晚于{level}的法定期限 {deadline}，逾期 {days} 天。",
    en: "Published on {publishedOn}, after the legal deadline {deadline} for a {level}: {days} days late.",
  },
  severity: { publish: "error", audit: "error" },
  basis: "deadline",
  reference: {
    zh: "《中华人民共和国政府信息公开条例》第四十九条：县级以上人民政府部门每年 1 月 31 日前、县级以上地方人民政府每年 3 月 31 日前公布上一年度的年度报告",
    en: "Regulations on Government Information Disclosure, art. 49: departments publish last year's report by 31 January, people's governments by 31 March",
  },
  rationale: {
    zh: "期限取决于发布机关的层级（meta.level；报告未写时取 --bodies 名单中的 level）：各级政府部门为次年 1 月 31 日，各级人民政府（含乡镇人民政府、街道办事处，按本级政府对待）为次年 3 月 31 日；层级为“其他”或不明、或没有发布日期（meta.publishedOn）时无法评估，在审阅页中单独列出。",
    en: "The deadline depends on the body's level (meta.level, or the level in the --bodies list when the report has none): departments at every level by 31 January of the next year, people's governments (townships and sub-districts treated as governments) by 31 March; with level 'other' or unknown, or without a publication date (meta.publishedOn), it is not assessable and listed apart on the review page.",
  },
  example: { zh: "市级政府部门 2024 年 2 月 20 日才发布 2023 年度报告", en: "a municipal department publishes its 2023 report on 20 February 2024" },
  evaluate(context) {
    const hits: RegionHit[] = [];
    for (const report of context.reports) {
      const result = timeliness(report);
      if (result.unknown) {
        hits.push({
          report,
          outcome: "not-assessable",
          params: {},
          paramsEn: {},
          reason: result.unknown,
          pointers: [result.unknown.pointer],
          where: [],
        });
      } else if (result.onTime === false) {
        hits.push({
          report,
          outcome: "fail",
          params: { publishedOn: report.publishedOn!, level: BODY_LEVELS[report.level!], deadline: result.deadline!, days: result.daysLate! },
          paramsEn: { publishedOn: report.publishedOn!, level: LEVEL_EN[report.level!], deadline: result.deadline!, days: result.daysLate! },
          pointers: ["/meta/publishedOn", "/meta/level"],
          where: [],
        });
      }
    }
    return hits;
  },
  exampleInput: () => ({
    reports: [exampleInput(exampleReport({ body: "示例市商务局", level: "municipal-department", publishedOn: "2024-02-20" }))],
  }),
};
