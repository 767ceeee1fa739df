/**
 * The public data types of @xxgk/validators: options, diagnostics, results and rule metadata.
 * Everything here is plain data (JSON-serialisable), so reporters, the CLI and the web editor can pass it around.
 */
import type { Edition, Report } from "@xxgk/schema/layout";

/** How serious a finding is. `error` makes {@link ValidationResult.ok} false. */
export type Severity = "error" | "warning" | "info";

/**
 * Who is checking:
 * - `publish`: an agency checking a report before it publishes it (blank cells are errors: the form wants 0);
 * - `audit`: a reviewer or researcher checking reports already published (blank cells are warnings).
 */
export type Profile = "publish" | "audit";

/** Options of {@link validate}. */
export interface ValidateOptions {
  /** Checking profile; default `"publish"`. */
  profile?: Profile;
  /** Last year's report of the same body (any JSON value), for the cross-year rules `X-*`. */
  previous?: unknown;
  /**
   * Per-rule severity overrides, or `"off"` to disable a rule, keyed by rule id (exactly as in {@link RULES}).
   * Unknown ids and invalid severities are ignored and reported by the rule `OPTIONS`; see {@link checkRuleOptions}.
   */
  rules?: Record<string, Severity | "off">;
  /** The current instant, for "the report year has ended" and "published before today", read as a Beijing date
   * (Asia/Shanghai) whatever the machine's time zone; default `new Date()`. */
  today?: Date;
}

/** A problem with the `rules` or `profile` option, as found by {@link checkRuleOptions}. */
export interface RuleOptionProblem {
  /**
   * `rules-not-object`: `rules` is not an object; `unknown-rule`: a key is not a rule id; `invalid-severity`: a value
   * is not `error`, `warning`, `info` or `off`; `invalid-profile`: `profile` is not `publish` or `audit`.
   */
  kind: "rules-not-object" | "unknown-rule" | "invalid-severity" | "invalid-profile";
  /** The rule id as given (`unknown-rule`, `invalid-severity`). */
  rule?: string;
  /** The value as given (the severity, the profile, or `rules` itself). */
  value?: unknown;
  /** For `unknown-rule`: the rule id it matches ignoring case and `_`/`-`, if any (`t3_sum_row` → `T3-SUM-ROW`). */
  suggestion?: string;
  /** What is wrong, in Chinese, e.g. `未知规则“t3-sum-row”（是否指 T3-SUM-ROW？）`. */
  message: string;
  /** What is wrong, in English. */
  messageEn: string;
}

/** One cell involved in a diagnostic, with its human label and the value the report states. */
export interface DiagnosticCell {
  /** RFC 6901 JSON Pointer, e.g. `/applications/total/naturalPerson` (into last year's report when `document` is `previous`). */
  pointer: string;
  /** Human label, e.g. `表三 / 自然人 / （七）总计` (last year's cells are prefixed `上年报告 / `). */
  label: string;
  /** The label in English, e.g. `Table 3 / Natural persons / Total handled` (last year's: `Previous report / …`). */
  labelEn?: string;
  /** The stated value: a number, `null` when blank, `undefined` when missing or not a number. */
  value: number | null | undefined;
  /** `previous` for a cell of last year's report (cross-year rules); absent for the report being validated. */
  document?: "previous";
  /**
   * True when the cell is `null` because it could not be read when the report was imported from a published
   * document (the report's `import` block lists it), not because it was published blank.
   */
  unreadable?: boolean;
}

/**
 * The cell most likely at fault, with the value that repairs it: changing the cell to `suggested` makes every
 * arithmetic identity the cell takes part in hold (R1–R4, and X1 with last year's report), and `suggested` is a valid
 * value for the cell. A pinpoint is given only then.
 */
export interface Pinpoint {
  /** JSON Pointer of the cell. */
  pointer: string;
  /** Human label of the cell. */
  label: string;
  /** The label in English. */
  labelEn?: string;
  /** The value the report states. */
  stated: number | null;
  /**
   * The value that makes every identity this cell takes part in hold — the failed ones and those that hold already —
   * and is valid for the cell (a non-negative safe integer for a count).
   */
  suggested: number;
}

/** One finding: a failed (or not assessable) rule evaluation. Plain data. */
export interface Diagnostic {
  /** Stable rule id from {@link RULES}, e.g. `T3-SUM-ROW`; `SCHEMA` for structural problems. */
  ruleId: string;
  /**
   * Effective severity of this diagnostic's own rule (after profile and overrides). A pinpointed group is led by its
   * most severe member, so the leading diagnostic's severity is also the group's.
   */
  severity: Severity;
  /** `fail`: the rule does not hold. `not-assessable`: an operand is blank or invalid, so the rule could not be evaluated. */
  outcome: "fail" | "not-assessable";
  /** Message in Chinese. */
  message: string;
  /** Message in English. */
  messageEn: string;
  /**
   * JSON Pointers of every cell involved in the report being validated; a section or paragraph pointer such as
   * `/overview`, or `""` for rules about the whole report. Cells of last year's report are only in `cells`.
   */
  pointers: string[];
  /** The involved cells with labels and stated values. */
  cells: DiagnosticCell[];
  /**
   * Cross-year findings: JSON Pointers of the cells involved in last year's report (`options.previous`), so that a
   * finding names both cells, last year's and this year's, each with the document it belongs to.
   */
  previousPointers?: string[];
  /** The stated figure (e.g. the 总计 cell, or the sum on the stated side of an identity). */
  stated?: number | null;
  /**
   * JSON Pointers of what states {@link Diagnostic.stated}: the cell(s) on the stated side of an identity (two for
   * `T3-BALANCE`: （七）总计 and 四), or the paragraph for a figure in the prose. Present whenever `stated` is.
   */
  statedBy?: string[];
  /** The figure the rule expects (e.g. the sum of the details). */
  expected?: number | null;
  /** `stated - expected`. */
  difference?: number | null;
  /** The cell most likely at fault, when exactly one cell explains the failures and a value repairs it. */
  pinpoint?: Pinpoint;
  /**
   * Arithmetic failures without a pinpoint: the cells one of which is likely at fault (each could alone explain the
   * failure without breaking an identity that holds, and the message names them), given without a value because
   * none can be singled out — or, for one cell, because an identity it takes part in cannot be checked. At most
   * five; absent when more cells, or none, could explain the failure alone.
   */
  candidates?: DiagnosticCell[];
  /** Follow-on failures explained by {@link Diagnostic.pinpoint}. */
  related?: Diagnostic[];
}

/**
 * What a rule's evaluation came to:
 * - `pass`: it checked something and that held;
 * - `fail`: something it checked does not hold;
 * - `not-assessable`: there was something to check, but an operand is blank, missing or invalid (or, for the
 *   cross-year rules, the previous report is not the same body's valid report of the preceding year);
 * - `not-applicable`: there was nothing to check — the rule does not apply to this report's edition or year, the
 *   optional field it checks is absent, the text states no figure, or no previous report was given.
 */
export type RuleOutcomeKind = "pass" | "fail" | "not-assessable" | "not-applicable";

/** The aggregated outcome of one rule over all its evaluations. */
export interface RuleOutcome {
  /** Rule id. */
  ruleId: string;
  /**
   * `fail` if any evaluation failed; otherwise `not-assessable` if any could not be evaluated; otherwise `pass` if
   * anything was evaluated; otherwise `not-applicable` (nothing to check: never counted as passed).
   */
  outcome: RuleOutcomeKind;
  /** Why the rule is `not-applicable`, or `not-assessable` as a whole (e.g. the previous report is another body's). */
  reason?: Bilingual;
  /** How many evaluations the rule made (e.g. one per row for `T3-SUM-ROW`). */
  evaluated: number;
  /** How many of them failed. */
  failed: number;
  /** How many of them could not be evaluated. */
  notAssessable: number;
}

/** Totals of a validation. */
export interface ValidationCounts {
  /** Top-level failed diagnostics of severity error (a pinpointed group counts once). */
  error: number;
  /** Top-level failed diagnostics of severity warning. */
  warning: number;
  /** Top-level failed diagnostics of severity info. */
  info: number;
  /** Not-assessable diagnostics: rules with at least one evaluation that could not be made (one per such rule). */
  notAssessable: number;
  /** Rules whose outcome is pass. */
  passed: number;
  /** Rules whose outcome is not-applicable (nothing to check). */
  notApplicable: number;
  /**
   * Arithmetic identities of the report itself (表三 and 表四 sums, not the cross-year ones) the rules set out to
   * evaluate, and how many of them could not be evaluated (an operand blank, missing or invalid). See
   * {@link isMostlyNotAssessable}.
   */
  identities: number;
  /** How many of {@link ValidationCounts.identities} were not assessable. */
  identitiesNotAssessable: number;
}

/**
 * The result of checking last year's report (`options.previous`) on its own, with the same profile, rules and date:
 * its own findings, reported under its own name, never mixed into this year's.
 */
export type PreviousValidation = Omit<ValidationResult, "report" | "previous">;

/** The result of {@link validate}. */
export interface ValidationResult {
  /** The parsed report, present when the structure is valid. */
  report?: Report;
  /** Every finding in a stable order: schema issues first, then rules in catalog order, cells in reading order. */
  diagnostics: Diagnostic[];
  /**
   * One outcome per active rule, in catalog order (disabled rules are absent). Rules with nothing to check — of
   * another edition, cross-year rules without `previous`, … — are listed as `not-applicable`.
   */
  outcomes: RuleOutcome[];
  /** Totals. */
  counts: ValidationCounts;
  /** True when no diagnostic has severity error (last year's report's own findings do not count). */
  ok: boolean;
  /** With `options.previous`: last year's report checked on its own (its findings belong to that file). */
  previous?: PreviousValidation;
}

/** Where a rule comes from. */
export type RuleBasis =
  /** Structure of the format (the JSON Schema), and of the options passed to `validate`. */
  | "structure"
  /** Printed on the official form (表三's note). */
  | "official-note"
  /** Implied by the layout of the official tables (totals). */
  | "layout"
  /** Between two consecutive years of the same body. */
  | "cross-year"
  /** Between the prose and the tables. */
  | "prose"
  /** Report metadata (year, codes). */
  | "metadata"
  /** Completeness of the report as the format requires it. */
  | "completeness";

/** Text in both languages. */
export interface Bilingual {
  /** Chinese. */
  zh: string;
  /** English. */
  en: string;
}

/** An edit applied to a consistent sample report to make a rule fail: set the value at a JSON Pointer. */
export interface ExampleEdit {
  /** JSON Pointer into the report. */
  pointer: string;
  /** `previous` to edit last year's sample report instead. */
  document?: "previous";
  /** The value to write (JSON). */
  value?: unknown;
  /** True to remove the property instead of writing a value. */
  remove?: boolean;
}

/** A failing example of a rule, as data: edits applied to the built-in consistent sample report. */
export interface RuleExample {
  /** The editions of the sample report the edits apply to. */
  editions: readonly Edition[];
  /** What the example shows. */
  description: Bilingual;
  /** Edits that make the rule fail. */
  edits: ExampleEdit[];
  /** Options passed to `validate` with the example (for `OPTIONS`). */
  options?: { rules?: Record<string, string>; profile?: string };
}

/** Metadata of one rule of the catalog. */
export interface RuleDefinition {
  /** Stable id, e.g. `T3-SUM-COLUMN`. Never renamed. */
  id: string;
  /**
   * A Pascal-case name for tools that show one beside the id (SARIF `reportingDescriptor.name`), e.g.
   * `Table3GrandTotal`. Never equal to the id in another case.
   */
  name: string;
  /** Short title. */
  title: Bilingual;
  /** Message template; `{name}` placeholders are filled per finding. */
  message: Bilingual;
  /** Default severity per profile. */
  severity: Record<Profile, Severity>;
  /** Editions the rule applies to. */
  editions: readonly Edition[];
  /** Where the rule comes from. */
  basis: RuleBasis;
  /** The precise reference, e.g. the note printed on 表三. */
  reference: Bilingual;
  /** Why the rule exists, one paragraph. */
  rationale: Bilingual;
  /** True for the arithmetic identities that take part in pinpointing the faulty cell. */
  pinpoints: boolean;
  /** True for rules that need last year's report (`options.previous`). */
  crossYear: boolean;
  /** Failing examples, together covering every edition the rule applies to. */
  examples: readonly RuleExample[];
}
