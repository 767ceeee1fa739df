/**
 * The rule catalog: the index of the rules, one module each under `rules/` (metadata, message templates,
 * severities, editions, basis, rationale, a failing example, and the evaluator together). Docs, SARIF rule metadata,
 * `rules.json` and the conformance suite are generated from it. The order here is the order diagnostics are reported.
 */
import { SECTION_HEADING, type CatalogEntry } from "./rules/define.js";
import { rule as options } from "./rules/options.js";
import { rule as schema } from "./rules/schema.js";
import { rule as metaEditionYear } from "./rules/meta-edition-year.js";
import { rule as metaYearFuture } from "./rules/meta-year-future.js";
import { rule as metaPublishedOn } from "./rules/meta-published-on.js";
import { rule as metaCreditCode } from "./rules/meta-credit-code.js";
import { rule as metaRegionCode } from "./rules/meta-region-code.js";
import { rule as cellValue } from "./rules/cell-value.js";
import { rule as blankCell } from "./rules/blank-cell.js";
import { rule as t3SumRow } from "./rules/t3-sum-row.js";
import { rule as t3SumColumn } from "./rules/t3-sum-column.js";
import { rule as t3Balance } from "./rules/t3-balance.js";
import { rule as t4SumGroup } from "./rules/t4-sum-group.js";
import { rule as xPreviousReport } from "./rules/x-previous-report.js";
import { rule as xCarryOver } from "./rules/x-carry-over.js";
import { rule as xInForce } from "./rules/x-in-force.js";
import { rule as proseRequired } from "./rules/prose-required.js";
import { rule as proseFeeMention } from "./rules/prose-fee-mention.js";
import { rule as proseFigures } from "./rules/prose-figures.js";

export type { CatalogEntry, Evaluator } from "./rules/define.js";

/** Every rule, in the order diagnostics are reported. */
export const CATALOG: readonly CatalogEntry[] = [
  options,
  schema,
  metaEditionYear,
  metaYearFuture,
  metaPublishedOn,
  metaCreditCode,
  metaRegionCode,
  cellValue,
  blankCell,
  t3SumRow,
  t3SumColumn,
  t3Balance,
  t4SumGroup,
  xPreviousReport,
  xCarryOver,
  xInForce,
  proseRequired,
  proseFeeMention,
  proseFigures,
];

/** Rules that need the cell layout, i.e. a known edition. */
export function needsEdition(entry: CatalogEntry): boolean {
  return entry.evaluator.kind === "identity" || entry.id === "CELL-VALUE" || entry.id === "BLANK-CELL";
}

/** Section and group labels used by the generated docs. */
export const SECTION_HEADINGS: Readonly<Record<string, string>> = SECTION_HEADING;
