/**
 * What a rule sees: the raw input, what could be read from it, and the options. Internal.
 */
import type { Edition, Report } from "@xxgk/schema/layout";
import type { CellValues } from "./cell-values.js";
import type { Bilingual, DiagnosticCell, PreviousValidation, Profile } from "./types.js";

/** One document (this year's or last year's report) as read from raw input. */
export interface DocumentView {
  readonly input: unknown;
  /** The input when it is a JSON object. */
  readonly record: Readonly<Record<string, unknown>> | undefined;
  /** `meta` when it is a JSON object. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  /** The edition read or inferred from the input. */
  readonly edition: Edition | undefined;
  /** Every cell of the edition's layout, when the edition is known. */
  readonly values: CellValues | undefined;
}

/** Everything a rule evaluation can use. */
export interface RuleContext {
  readonly document: DocumentView;
  /** The parsed report when the structure is valid. */
  readonly report: Report | undefined;
  /** Last year's report, when `options.previous` was given. */
  readonly previous: DocumentView | undefined;
  /** Last year's report checked on its own (structure and rules), when `options.previous` was given. */
  readonly previousResult?: PreviousValidation | undefined;
  /** True when `options.previous` was given and its structure is valid (the cross-year rules need it). */
  readonly previousStructureValid?: boolean;
  readonly profile: Profile;
  readonly today: Date;
  /** The options as given, for the rule OPTIONS (they may be invalid). */
  readonly options: { readonly rules: unknown; readonly profile: unknown; readonly today: unknown };
  /** Every rule id of the catalog, for the rule OPTIONS to tell a mistyped id (the rules do not import the catalog). */
  readonly ruleIds: readonly string[];
}

/** One evaluation of a rule. */
export interface Finding {
  /** `not-applicable`: nothing to check (with a `reason`); not counted as an evaluation. */
  readonly outcome: "pass" | "fail" | "not-assessable" | "not-applicable";
  /** Message parameters (Chinese). */
  readonly params?: Readonly<Record<string, string | number>>;
  /** Message parameters in English (falls back to `params`). */
  readonly paramsEn?: Readonly<Record<string, string | number>>;
  /** Pointers involved (for not-assessable findings: the pointers that blocked the evaluation). */
  readonly pointers?: readonly string[];
  readonly cells?: readonly DiagnosticCell[];
  /** For not-assessable findings: why, when it is not a blank, missing or invalid operand; for not-applicable ones: why. */
  readonly reason?: Bilingual;
  readonly stated?: number | null;
  /** Pointers of what states `stated` (see Diagnostic.statedBy). */
  readonly statedBy?: readonly string[];
  readonly expected?: number | null;
  readonly difference?: number | null;
}
