/** Rule X-PREVIOUS-REPORT: its metadata, messages, docs example and evaluator. */
import type { Finding, RuleContext } from "../context.js";
import { blocked, BOTH, type CatalogEntry, integerYear, metaField, pass } from "./define.js";

/** A body name for comparison: full-width letters, digits and spaces as half-width (NFKC), without whitespace. */
function normaliseBody(body: string): string {
  return body.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * Two body names are the same body only when equal after normalising width and whitespace. A shorter name is not
 * taken as the same body (区人民政府 is not 淮安市洪泽区人民政府): the warning shows both names to check.
 */
function sameBody(left: string, right: string): boolean {
  return normaliseBody(left) === normaliseBody(right);
}

function checkPreviousReport(context: RuleContext): Finding[] {
  const previous = context.previous;
  if (!previous) return [];
  if (!previous.meta) {
    return [
      {
        outcome: "not-assessable",
        pointers: [],
        reason: { zh: "上年报告没有报告信息（meta）", en: "the previous report has no metadata (meta)" },
      },
    ];
  }
  const findings: Finding[] = [];
  const year = integerYear(metaField(context, "year"));
  const previousYear = integerYear(previous.meta?.year);
  if (year === undefined || previousYear === undefined) findings.push(blocked("/meta/year"));
  else if (previousYear !== year - 1) {
    findings.push({
      outcome: "fail",
      params: { problem: `年度为 ${previousYear}，应为 ${year - 1}（跨年度勾稽关系不予评估）` },
      paramsEn: { problem: `is for ${previousYear}, not ${year - 1} (the cross-year identities are not assessed)` },
      pointers: ["/meta/year"],
      cells: [],
    });
  } else findings.push(pass());
  const body = metaField(context, "body");
  const previousBody = previous.meta?.body;
  if (typeof body !== "string" || typeof previousBody !== "string") findings.push(blocked("/meta/body"));
  else if (!sameBody(body, previousBody)) {
    findings.push({
      outcome: "fail",
      params: { problem: `的发布机关为“${previousBody}”，与本报告“${body}”不同` },
      paramsEn: { problem: `is by “${previousBody}”, not “${body}”` },
      pointers: ["/meta/body"],
      cells: [],
    });
  } else findings.push(pass());
  return findings;
}

export const rule: CatalogEntry = {
  id: "X-PREVIOUS-REPORT",
  name: "PreviousReportMatches",
  title: { zh: "上年报告是同一机关的上一年度", en: "The previous report is the same body's preceding year" },
  message: { zh: "上年报告{problem}。", en: "The previous report {problem}." },
  severity: { publish: "warning", audit: "warning" },
  editions: BOTH,
  basis: "cross-year",
  reference: { zh: "跨年度比对的前提", en: "Precondition of the cross-year rules" },
  rationale: {
    zh: "跨年度勾稽关系只对同一机关相邻两个年度的报告有意义。年度不相邻时跨年度规则不予评估（并说明上年报告的年度）；机关名称不同时给出警告。名称统一全角、半角并去掉空白后须完全相同：简称或省略上级地名（“洪泽区人民政府”与“淮安市洪泽区人民政府”）也给出警告，由读者根据消息中的两个名称核对，因为仅凭后缀无法区分“区人民政府”这样的不同机关。",
    en: "Cross-year identities only make sense between consecutive years of the same body. When the years are not consecutive the cross-year rules are not assessed (and say which year the previous report is for); when the body names differ a warning is given. The names must be equal after normalising full- and half-width characters and removing whitespace: a shortened name (洪泽区人民政府 for 淮安市洪泽区人民政府) is warned about too, for the reader to check against the two names in the message, since a suffix cannot tell different bodies apart (区人民政府).",
  },
  pinpoints: false,
  crossYear: true,
  examples: [
    {
      editions: BOTH,
      description: { zh: "上年报告是另一机关的", en: "the previous report is another body's" },
      edits: [{ document: "previous", pointer: "/meta/body", value: "另一市另一局" }],
    },
  ],
  evaluator: { kind: "check", check: checkPreviousReport },
};
