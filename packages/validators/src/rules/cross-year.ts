/**
 * What the two cross-year identity rules (X-CARRY-OVER, X-IN-FORCE) share: they are assessable only with a readable
 * previous report of the preceding year. Internal.
 */
import type { Edition } from "@xxgk/schema/layout";
import type { Finding, RuleContext } from "../context.js";
import type { Identity } from "../identities.js";
import { blocked, integerYear, metaField } from "./define.js";

/** Cross-year identities are assessable only with a readable previous report of the preceding year. */
export function crossYearIdentities(
  context: RuleContext,
  build: (edition: Edition, previousEdition: Edition) => readonly Identity[]
): readonly Identity[] | { notAssessable: Finding } {
  const previous = context.previous!;
  const edition = context.document.edition;
  if (!previous.edition) {
    return {
      notAssessable: {
        outcome: "not-assessable",
        pointers: [],
        reason: {
          zh: "上年报告无法读取（不是报告，或无法确定其格式版本）",
          en: "the previous report cannot be read (not a report, or its edition cannot be told)",
        },
      },
    };
  }
  if (!edition) return { notAssessable: blocked("/edition") };
  const year = integerYear(metaField(context, "year"));
  const previousYear = integerYear(previous.meta?.year);
  if (year !== undefined && previousYear !== undefined && previousYear !== year - 1) {
    return {
      notAssessable: {
        outcome: "not-assessable",
        pointers: ["/meta/year"],
        reason: {
          zh: `上年报告年度为 ${previousYear}，不是 ${year - 1}`,
          en: `the previous report is for ${previousYear}, not ${year - 1}`,
        },
      },
    };
  }
  return build(edition, previous.edition);
}
