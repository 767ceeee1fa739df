/**
 * The public, read-only view of the rule catalog.
 */
import { CATALOG } from "./catalog.js";
import type { RuleDefinition } from "./types.js";

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
