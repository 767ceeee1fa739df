/**
 * What a rule is: its public metadata (see {@link RuleDefinition}) and how the one engine evaluates it, kept together
 * in one module per rule under `rules/` (the way ESLint keeps `lib/rules/<id>.js`); `catalog.ts` is their index.
 * This module holds the types and the small helpers the rule modules share. Internal.
 */
import { beijingDate, EDITIONS, SECTION_LAYOUTS, type Edition } from "@xxgk/schema/layout";
import { diagnosticCell } from "../cell-values.js";
import type { Finding, RuleContext } from "../context.js";
import type { Identity } from "../identities.js";
import type { RuleDefinition } from "../types.js";

/** How the engine evaluates a rule. */
export type Evaluator =
  /** Structural issues from `parseReport`. */
  | { readonly kind: "schema" }
  /** Arithmetic identities; `undefined` identities with a finding: the rule is not assessable as a whole. */
  | {
      readonly kind: "identity";
      readonly identities: (context: RuleContext) => readonly Identity[] | { readonly notAssessable: Finding };
    }
  /** Any other check. */
  | { readonly kind: "check"; readonly check: (context: RuleContext) => Finding[] };

/** A catalog entry: public metadata and its evaluator. */
export interface CatalogEntry extends RuleDefinition {
  readonly evaluator: Evaluator;
}

/** Both editions. */
export const BOTH: readonly Edition[] = EDITIONS;

/** The official document that fixed each layout, as cited in references. */
export const FORM_2021 = "国办公开办函〔2021〕30号";
export const FORM_2019 = "国办公开办函〔2019〕60号";

const PASS: Finding = Object.freeze({ outcome: "pass" });
/** One passed evaluation (shared, frozen: nothing to say). */
export const pass = (): Finding => PASS;
/** One evaluation that could not be made because of these pointers (blank, missing or invalid operands). */
export const blocked = (...pointers: string[]): Finding => ({ outcome: "not-assessable", pointers });

/** Nothing to check, and why: the rule's outcome is `not-applicable` unless something else was evaluated. */
export const notApplicable = (zh: string, en: string): Finding => ({ outcome: "not-applicable", reason: { zh, en } });

/** The optional metadata field is absent: nothing to check. */
export const optionalFieldAbsent = (field: string): Finding =>
  notApplicable(`未填写可选的 meta.${field}`, `the optional field meta.${field} is absent`);

/** A field of `meta`, whatever its type. */
export function metaField(context: RuleContext, key: string): unknown {
  return context.document.meta?.[key];
}

/** The value when it is an integer year. */
export function integerYear(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** Section headings by section key, in Chinese and in English. */
export const SECTION_HEADING: Readonly<Record<string, string>> = Object.fromEntries(
  SECTION_LAYOUTS.map((section) => [section.key, section.heading])
);
export const SECTION_ENGLISH: Readonly<Record<string, string>> = Object.fromEntries(
  SECTION_LAYOUTS.map((section) => [section.key, section.english])
);

/** The cell of a diagnostic, with its label and value. */
export const cellOf = diagnosticCell;

/** The date of an instant in Beijing: the format's dates are Beijing dates, whatever the machine's time zone. */
export function isoDate(date: Date): string {
  return beijingDate(date);
}
