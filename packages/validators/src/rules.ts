/**
 * The public, read-only view of the rule catalog.
 */
import { CATALOG } from "./catalog.js";
import { optionProblems } from "./options.js";
import type { RuleDefinition, RuleOptionProblem } from "./types.js";

function freeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) freeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every rule of the catalog, in the order diagnostics are reported: id, titles, message templates, default
 * severity per profile, editions, basis, reference, rationale and failing examples. Plain, frozen data.
 */
export const RULES: readonly RuleDefinition[] = freeze(
  CATALOG.map(({ evaluator: _evaluator, ...definition }) => structuredClone(definition) as RuleDefinition)
);

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

/** The rule with this id, or undefined. */
export function ruleById(id: string): RuleDefinition | undefined {
  return BY_ID.get(id);
}

/**
 * Checks the `rules` and `profile` options of `validate` without validating anything: unknown rule ids (with the
 * id they match ignoring case, if any), severities other than `error`, `warning`, `info` and `off`, a `rules` that
 * is not an object, and a profile other than `publish` and `audit`. Returns the problems as data, empty when the
 * options are fine (absent options are fine). `validate` reports the same problems as `OPTIONS` diagnostics.
 *
 * @example
 * const problems = checkRuleOptions({ "t3-sum-row": "off" }, "audit");
 * // [{ kind: "unknown-rule", rule: "t3-sum-row", value: "off", suggestion: "T3-SUM-ROW", message: "未知规则“t3-sum-row”（是否指 T3-SUM-ROW？）", … }]
 */
export function checkRuleOptions(rules: unknown, profile?: unknown): RuleOptionProblem[] {
  return optionProblems(rules, profile, RULES.map((rule) => rule.id));
}
