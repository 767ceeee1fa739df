/**
 * What the engine says about a rule that had nothing to check, and about last year's report: the parts of the
 * outcome handling that are not evaluation (kept out of engine.ts so the engine's hot path stays as it is).
 */
import type { Edition } from "@xxgk/schema/layout";
import type { Bilingual, Diagnostic, PreviousValidation, RuleOutcome, ValidationCounts } from "./types.js";

/** Why a cross-year rule has nothing to check. */
export const NO_PREVIOUS_REPORT: Bilingual = Object.freeze({
  zh: "未提供上年报告",
  en: "no previous report was given",
});

/** Why a rule that does not apply to an edition has nothing to check. */
export function otherEdition(edition: Edition, editions: readonly Edition[]): Bilingual {
  const list = editions.join("、");
  return {
    zh: `本规则只适用于 ${list} 版格式，本报告为 ${edition} 版`,
    en: `the rule applies to edition ${editions.join(" and ")} only; this report is edition ${edition}`,
  };
}

/** Why a rule that evaluated nothing is not applicable, when it gave no reason of its own. */
export const NOTHING_TO_CHECK: Bilingual = Object.freeze({
  zh: "报告中没有本规则要检查的内容",
  en: "the report holds nothing this rule checks",
});

/** A not-applicable outcome with its reason. */
export function notApplicable(ruleId: string, reason: Bilingual): RuleOutcome {
  return { ruleId, outcome: "not-applicable", evaluated: 0, failed: 0, notAssessable: 0, reason };
}

/**
 * True when a result could hardly be checked: none of the report's own arithmetic identities could be evaluated, or
 * more than half of them could not (their operands blank, missing or invalid). Such a report has "no errors" only
 * because almost nothing was checked; batch summaries list it apart from the clean ones.
 */
export function isMostlyNotAssessable(counts: Pick<ValidationCounts, "identities" | "identitiesNotAssessable">): boolean {
  const identities = counts.identities ?? 0;
  const blocked = counts.identitiesNotAssessable ?? 0;
  return identities === 0 || blocked * 2 > identities;
}

/** Rule ids of the identities within one report, whose failures make last year's figures suspect. */
const WITHIN_REPORT_IDENTITIES: ReadonlySet<string> = new Set(["T3-SUM-ROW", "T3-SUM-COLUMN", "T3-BALANCE", "T4-SUM-GROUP"]);

/**
 * For each cell of last year's report: the within-report identities that fail there (in last year's own check). A
 * cross-year failure on such a cell may be last year's fault, not this year's, and says so.
 */
export function inconsistentPreviousCells(previous: PreviousValidation | undefined): ReadonlyMap<string, readonly string[]> {
  const cells = new Map<string, string[]>();
  if (!previous) return cells;
  const visit = (diagnostic: Diagnostic) => {
    if (diagnostic.outcome !== "fail" || !WITHIN_REPORT_IDENTITIES.has(diagnostic.ruleId)) return;
    for (const pointer of diagnostic.pointers) {
      const rules = cells.get(pointer);
      if (!rules) cells.set(pointer, [diagnostic.ruleId]);
      else if (!rules.includes(diagnostic.ruleId)) rules.push(diagnostic.ruleId);
    }
  };
  for (const diagnostic of previous.diagnostics) {
    visit(diagnostic);
    for (const related of diagnostic.related ?? []) visit(related);
  }
  return cells;
}

/** The sentence added to a cross-year failure whose cell of last year's report is itself inconsistent there. */
export function previousInconsistencyNote(label: string, labelEn: string, rules: readonly string[]): Bilingual {
  return {
    zh: `注意：上年报告本身在“${label}”处不平衡（${rules.join("、")}），可能是上年的数字有误，而不是本年的。`,
    en: ` Note: last year's report is itself inconsistent at “${labelEn}” (${rules.join(", ")}), so last year's figure may be the wrong one, not this year's.`,
  };
}
