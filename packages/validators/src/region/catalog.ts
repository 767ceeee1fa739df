/**
 * The region rules' index: one module per rule under `rules/`, in the order findings are reported. Docs and the
 * public {@link REGION_RULES} metadata are generated from it.
 */
import type { RegionRule } from "./define.js";
import type { RegionRuleDefinition } from "./types.js";
import { rule as missing } from "./rules/missing.js";
import { rule as duplicate } from "./rules/duplicate.js";
import { rule as unlisted } from "./rules/unlisted.js";
import { rule as deadline } from "./rules/deadline.js";
import { rule as repeatPrevious } from "./rules/repeat-previous.js";
import { rule as repeatPeer } from "./rules/repeat-peer.js";
import { rule as jump } from "./rules/jump.js";
import { rule as overviewTopics } from "./rules/overview-topics.js";
import { rule as problemsMeasures } from "./rules/problems-measures.js";

/** Every region rule with its evaluator. Internal. */
export const REGION_CATALOG: readonly RegionRule[] = [
  missing,
  duplicate,
  unlisted,
  deadline,
  repeatPrevious,
  repeatPeer,
  jump,
  overviewTopics,
  problemsMeasures,
];

function freeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    for (const key of Object.keys(value)) freeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

/**
 * Every region rule's metadata (id, titles, message templates, severity per profile, basis, reference, rationale,
 * what its docs example shows), in report order. Plain, frozen data; the evaluators stay internal.
 */
export const REGION_RULES: readonly RegionRuleDefinition[] = freeze(
  REGION_CATALOG.map(({ id, title, message, severity, basis, reference, rationale, example }) =>
    structuredClone({ id, title, message, severity, basis, reference, rationale, example }),
  ),
);
