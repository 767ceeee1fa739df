/** Rule X-PREVIOUS-REPORT: its metadata, messages, docs example and evaluator. */
import type { Finding, RuleContext } from "../context.js";
import { mismatchText, previousMismatch, shortenedBody } from "./cross-year.js";
import { blocked, BOTH, type CatalogEntry, integerYear, metaField, pass } from "./define.js";

function checkPreviousReport(context: RuleContext): Finding[] {
  if (!context.previous) return [];
  const mismatch = previousMismatch(context);
  if (mismatch) {
    const text = mismatchText(mismatch);
    return [
      {
        outcome: "fail",
        params: { problem: `${text.zh}（跨年度勾稽关系不予评估）` },
        paramsEn: { problem: `${text.en} (the cross-year identities are not assessed)` },
        pointers: mismatch.kind === "year" ? ["/meta/year"] : mismatch.kind === "body" ? ["/meta/body"] : [""],
        cells: [],
      },
    ];
  }
  // This report's own year and body are SCHEMA's to report; without them the match cannot be told.
  const findings: Finding[] = [];
  findings.push(integerYear(metaField(context, "year")) === undefined ? blocked("/meta/year") : pass());
  const body = metaField(context, "body");
  const previousBody = context.previous.meta?.body;
  if (typeof body !== "string") findings.push(blocked("/meta/body"));
  else if (typeof previousBody === "string" && shortenedBody(body, previousBody)) {
    // Probably the same body under a shorter name: compared, but the reader checks the two names.
    findings.push({
      outcome: "fail",
      params: {
        problem: `的发布机关为“${previousBody}”，与本报告“${body}”不同（似为同一机关名称的简写，跨年度勾稽关系照常比对，请核对）`,
      },
      paramsEn: {
        problem: `is by “${previousBody}”, not “${body}” (apparently the same body's name shortened: the cross-year identities are compared; please check)`,
      },
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
    zh: "跨年度勾稽关系只对同一机关相邻两个年度、结构有效的报告有意义。上年报告无法读取、结构无效、没有年度或机关名称、年度不是上一年度、或属于另一机关时，本规则给出警告并说明原因，跨年度勾稽关系（X-CARRY-OVER、X-IN-FORCE）一律“无法评估”，不会据此报错；上年报告自身的问题在上年报告名下单独列出。机关名称统一全角、半角并去掉空白后比较：一个名称只是另一个省略了上级地名（“洪泽区人民政府”与“淮安市洪泽区人民政府”）时，视为同一机关照常比对，但仍给出警告，由读者核对两个名称；其余名称不同（包括“区人民政府”这样不含地名的后缀）视为另一机关。",
    en: "Cross-year identities only make sense between structurally valid reports of the same body for consecutive years. When the previous report cannot be read, is structurally invalid, has no year or body, is not for the preceding year, or is another body's, this rule warns and says why, and the cross-year identities (X-CARRY-OVER, X-IN-FORCE) are not assessable rather than failed; the previous report's own problems are listed under its own name. Body names are compared after normalising full- and half-width characters and removing whitespace: when one is the other without the higher levels of its place name (洪泽区人民政府 for 淮安市洪泽区人民政府) the reports are compared as the same body's, with a warning to check the two names; any other difference (including a suffix naming no place, such as 区人民政府) means another body.",
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
