/**
 * What the cross-year rules share: the identity rules (X-CARRY-OVER, X-IN-FORCE) are assessable only with a
 * structurally valid previous report of the same body and the preceding year; X-PREVIOUS-REPORT says which of these
 * does not hold. Internal.
 */
import type { Edition } from "@xxgk/schema/layout";
import type { Finding, RuleContext } from "../context.js";
import type { Identity } from "../identities.js";
import type { Bilingual } from "../types.js";
import { blocked, integerYear, metaField } from "./define.js";

/** A body name for comparison: full-width letters, digits and spaces as half-width (NFKC), without whitespace. */
function normaliseBody(body: string): string {
  return body.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * Two body names are the same body only when equal after normalising width and whitespace. A shorter name is not
 * taken as the same body (区人民政府 is not 淮安市洪泽区人民政府): the message shows both names to check.
 */
export function sameBody(left: string, right: string): boolean {
  return normaliseBody(left) === normaliseBody(right);
}

/** Administrative units that end a place name: 省, 市, 区, 县, 州, 盟, 旗, 镇, 乡. */
const PLACE_UNIT = /^[^省市区县州盟旗镇乡]+[省市区县州盟旗镇乡]/u;

/**
 * True when one name is the other without the higher levels of its place name (洪泽区人民政府 for 淮安市洪泽区人民政府):
 * the shorter must still begin with a place (区人民政府 names no place and could be any district's government).
 * Probably the same body, named differently: the cross-year rules still compare, and X-PREVIOUS-REPORT warns.
 */
export function shortenedBody(left: string, right: string): boolean {
  const [a, b] = [normaliseBody(left), normaliseBody(right)];
  if (a === b) return false;
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  return longer.endsWith(shorter) && PLACE_UNIT.test(shorter);
}

/** Why last year's report cannot be compared with this one, or `undefined` when it can (as far as it can be told). */
export type PreviousMismatch =
  | { kind: "unreadable" }
  | { kind: "structure"; problems: number }
  | { kind: "no-year" }
  | { kind: "year"; previousYear: number; expectedYear: number }
  | { kind: "no-body" }
  | { kind: "body"; body: string; previousBody: string };

/** The first reason last year's report is not this body's valid report of the preceding year. */
export function previousMismatch(context: RuleContext): PreviousMismatch | undefined {
  const previous = context.previous;
  if (!previous) return undefined;
  if (!previous.meta || !previous.edition) return { kind: "unreadable" };
  if (!context.previousStructureValid) {
    const schema = context.previousResult?.outcomes.find((outcome) => outcome.ruleId === "SCHEMA");
    return { kind: "structure", problems: schema?.failed ?? 0 };
  }
  const year = integerYear(metaField(context, "year"));
  const previousYear = integerYear(previous.meta.year);
  if (previousYear === undefined) return { kind: "no-year" };
  if (year !== undefined && previousYear !== year - 1) return { kind: "year", previousYear, expectedYear: year - 1 };
  const body = metaField(context, "body");
  const previousBody = previous.meta.body;
  if (typeof previousBody !== "string" || previousBody.trim() === "") return { kind: "no-body" };
  if (typeof body === "string" && !sameBody(body, previousBody) && !shortenedBody(body, previousBody)) {
    return { kind: "body", body, previousBody };
  }
  return undefined;
}

/** What is wrong with last year's report, as the end of the sentence “上年报告…” / “The previous report …”. */
export function mismatchText(mismatch: PreviousMismatch): Bilingual {
  switch (mismatch.kind) {
    case "unreadable":
      return { zh: "无法读取（不是报告，或无法确定其格式版本）", en: "cannot be read (not a report, or its edition cannot be told)" };
    case "structure":
      return {
        zh: `结构无效（${mismatch.problems} 个结构问题，见上年报告自身的检查结果）`,
        en: `is structurally invalid (${mismatch.problems} structural problem${mismatch.problems === 1 ? "" : "s"}; see the previous report's own findings)`,
      };
    case "no-year":
      return { zh: "没有有效的报告年度（meta.year 缺失或不是整数）", en: "has no valid report year (meta.year missing or not an integer)" };
    case "year":
      return {
        zh: `年度为 ${mismatch.previousYear}，应为 ${mismatch.expectedYear}`,
        en: `is for ${mismatch.previousYear}, not ${mismatch.expectedYear}`,
      };
    case "no-body":
      return { zh: "没有发布机关名称（meta.body）", en: "names no publishing body (meta.body)" };
    case "body":
      return {
        zh: `的发布机关为“${mismatch.previousBody}”，与本报告“${mismatch.body}”不同`,
        en: `is by “${mismatch.previousBody}”, not “${mismatch.body}”`,
      };
  }
}

/**
 * Cross-year identities are assessable only with a structurally valid previous report of the same body and the
 * preceding year; otherwise the whole rule is not assessable, with the reason.
 */
export function crossYearIdentities(
  context: RuleContext,
  build: (edition: Edition, previousEdition: Edition) => readonly Identity[]
): readonly Identity[] | { notAssessable: Finding } {
  const mismatch = previousMismatch(context);
  if (mismatch) {
    const text = mismatchText(mismatch);
    return {
      notAssessable: {
        outcome: "not-assessable",
        pointers: mismatch.kind === "year" ? ["/meta/year"] : mismatch.kind === "body" ? ["/meta/body"] : [],
        reason: { zh: `上年报告${text.zh}`, en: `the previous report ${text.en}` },
      },
    };
  }
  const edition = context.document.edition;
  if (!edition) return { notAssessable: blocked("/edition") };
  if (integerYear(metaField(context, "year")) === undefined) return { notAssessable: blocked("/meta/year") };
  return build(edition, context.previous!.edition!);
}
