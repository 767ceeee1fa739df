/**
 * The review as CSV: one row per finding with its body's figures, and one row for each body without findings, so
 * every body appears. UTF-8 with BOM and CRLF (the project's CSV, which Excel opens), formulas neutralised.
 */
import type { BodyReview, DecidedFinding, RegionReview } from "@xxgk/validators/region";
import { csvLine } from "../output/csv.js";
import type { Lang } from "../i18n.js";

/** The columns of the review CSV, in order. */
export const REVIEW_CSV_COLUMNS = [
  "body",
  "file",
  "year",
  "level",
  "publishedOn",
  "deadline",
  "onTime",
  "daysLate",
  "repeatPrevious",
  "repeatPeer",
  "disclosureRate",
  "reconsiderationCorrectionRate",
  "ruleId",
  "severity",
  "outcome",
  "message",
  "section",
  "similarity",
  "otherBody",
  "fingerprint",
  "decision",
  "note",
] as const;

function highest(values: Readonly<Record<string, number | null | undefined>>): number | null {
  const present = Object.values(values).filter((value): value is number => typeof value === "number");
  return present.length ? Math.max(...present) : null;
}

function bodyFields(body: BodyReview | undefined): (string | number | null)[] {
  if (!body) return Array.from({ length: 9 }, () => null);
  return [
    body.level,
    body.publishedOn,
    body.deadline,
    body.onTime === null ? null : body.onTime ? "true" : "false",
    body.daysLate,
    highest(body.repeatPrevious),
    highest(body.repeatPeer),
    body.rates.disclosureRate,
    body.rates.reconsiderationCorrectionRate,
  ];
}

function findingFields(finding: DecidedFinding, lang: Lang): (string | number | null)[] {
  return [
    finding.ruleId,
    finding.severity,
    finding.outcome,
    lang === "en" ? finding.messageEn : finding.message,
    finding.section ?? null,
    finding.similarity ?? null,
    finding.other?.body ?? null,
    finding.fingerprint,
    finding.decision?.state ?? null,
    finding.decision?.note ?? null,
  ];
}

/** The CSV text (without BOM) of a review. */
export function reviewCsv(review: RegionReview, lang: Lang): string {
  let text = csvLine([...REVIEW_CSV_COLUMNS]);
  for (const finding of review.regionFindings as DecidedFinding[]) {
    text += csvLine([finding.body, null, finding.year, ...bodyFields(undefined), ...findingFields(finding, lang)]);
  }
  for (const body of review.bodies) {
    const head = [body.body, body.file, body.year, ...bodyFields(body)];
    if (body.findings.length === 0) text += csvLine([...head, null, null, null, null, null, null, null, null, null, null]);
    for (const finding of body.findings as DecidedFinding[]) text += csvLine([...head, ...findingFields(finding, lang)]);
  }
  return text;
}
