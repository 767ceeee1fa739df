/**
 * The region review: every report of a region validated with its previous year, then the region rules run over
 * them all, findings fingerprinted, per-body figures and the region's roll-up computed. Pure: no file system, no
 * clock other than `today`, the same input gives the same output.
 */
import { BODY_LEVELS, type BodyLevel } from "@xxgk/schema/layout";
import { inferEdition } from "../cell-values.js";
import { proseTexts } from "../prose.js";
import type { Diagnostic, Profile, Severity } from "../types.js";
import { validate } from "../validate.js";
import { REGION_CATALOG } from "./catalog.js";
import { bodyKey, type PeerRepetition, type RegionContext, type RegionHit, type RegionRule, type ReviewedReport } from "./define.js";
import { findingFingerprint } from "./fingerprint.js";
import { bodyRates, rollUp } from "./rollup.js";
import { timeliness } from "./rules/deadline.js";
import { COMPARED_SECTIONS } from "./rules/sections.js";
import { boilerplateShingles, candidatePairs, minHash, prepareText, repetition, type PreparedText, type Repetition } from "./text.js";
import type {
  BodyReview,
  ComparedSection,
  RegionFinding,
  RegionReportInput,
  RegionReview,
  RegionSummary,
  ReviewOptions,
  ReviewThresholds,
} from "./types.js";

/** The thresholds used unless overridden. */
export const DEFAULT_THRESHOLDS: Readonly<ReviewThresholds> = Object.freeze({
  previousRepeat: 0.8,
  peerRepeat: 0.6,
  jumpFactor: 5,
  jumpMinimum: 20,
  minimumText: 60,
});

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function readMeta(raw: unknown): { body: string | undefined; year: number | null; level: BodyLevel | null; publishedOn: string | null } {
  const meta = record(record(raw)?.meta);
  const body = typeof meta?.body === "string" && meta.body.trim() !== "" ? meta.body.trim() : undefined;
  const year = typeof meta?.year === "number" && Number.isInteger(meta.year) ? meta.year : null;
  const level = typeof meta?.level === "string" && Object.hasOwn(BODY_LEVELS, meta.level) ? (meta.level as BodyLevel) : null;
  const publishedOn = typeof meta?.publishedOn === "string" ? meta.publishedOn : null;
  return { body, year, level, publishedOn };
}

function prepareSections(raw: unknown, body: string): Partial<Record<ComparedSection, PreparedText>> {
  const texts: Partial<Record<ComparedSection, PreparedText>> = {};
  for (const section of COMPARED_SECTIONS) {
    const paragraphs = (proseTexts(raw, section) ?? []).filter((text) => !text.pointer.endsWith("/title")).map((text) => text.text);
    if (paragraphs.some((paragraph) => paragraph.trim() !== "")) texts[section] = prepareText(paragraphs, body);
  }
  return texts;
}

/** The year most reports state (the latest on a tie). */
function commonYear(years: readonly (number | null)[]): number | undefined {
  const counts = new Map<number, number>();
  for (const year of years) if (year !== null) counts.set(year, (counts.get(year) ?? 0) + 1);
  let best: number | undefined;
  for (const [year, count] of counts) {
    if (best === undefined || count > counts.get(best)! || (count === counts.get(best)! && year > best)) best = year;
  }
  return best;
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The effective severity of a rule: the override if any (`off` → undefined), else the profile's. */
function severityOf(rule: RegionRule, profile: Profile, overrides: Record<string, Severity | "off"> | undefined): Severity | undefined {
  const override = overrides?.[rule.id];
  if (override === "off") return undefined;
  return override ?? rule.severity[profile];
}

function regionFinding(rule: RegionRule, severity: Severity, hit: RegionHit, year: number): RegionFinding {
  const body = hit.report?.body ?? hit.body ?? "";
  const reportYear = hit.report ? hit.report.year : year;
  const [message, messageEn] =
    hit.outcome === "fail"
      ? [fill(rule.message.zh, hit.params), fill(rule.message.en, hit.paramsEn)]
      : [`${rule.title.zh}：无法评估，${hit.reason?.zh ?? ""}。`, `${rule.title.en}: not assessable, ${hit.reason?.en ?? ""}.`];
  return {
    ruleId: rule.id,
    severity: hit.outcome === "fail" ? severity : "info",
    outcome: hit.outcome,
    message,
    messageEn,
    body,
    ...(hit.report ? { file: hit.report.file } : {}),
    year: reportYear,
    ...(hit.section ? { section: hit.section } : {}),
    pointers: [...(hit.pointers ?? [])],
    ...(hit.similarity !== undefined ? { similarity: hit.similarity } : {}),
    ...(hit.other ? { other: hit.other } : {}),
    ...(hit.passages ? { passages: hit.passages.map((passage) => ({ ...passage })) } : {}),
    fingerprint: findingFingerprint(rule.id, body, reportYear, hit.where),
  };
}

function reportFinding(diagnostic: Diagnostic, report: ReviewedReport): RegionFinding {
  return {
    ruleId: diagnostic.ruleId,
    severity: diagnostic.severity,
    outcome: diagnostic.outcome,
    message: diagnostic.message,
    messageEn: diagnostic.messageEn,
    body: report.body,
    file: report.file,
    year: report.year,
    pointers: [...diagnostic.pointers],
    fingerprint: findingFingerprint(diagnostic.ruleId, report.body, report.year, [...diagnostic.pointers].sort()),
  };
}

function compareFindings(left: RegionFinding, right: RegionFinding): number {
  const outcome = (finding: RegionFinding) => (finding.outcome === "fail" ? 0 : 1);
  return outcome(left) - outcome(right) || SEVERITY_ORDER[left.severity] - SEVERITY_ORDER[right.severity];
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Administrative place names end so: a prefix ending in one of these is a higher place, not part of the body's name. */
const PLACE_END = /(?:省|市|区|县|州|盟|旗|自治区|特别行政区)$/u;

/** Whether two body keys name the same body, one with a higher place before it ("淮安市" + "洪泽区人民政府"). */
function samePlaceVariant(left: string, right: string): boolean {
  const [shorter, longer] = left.length <= right.length ? [left, right] : [right, left];
  if (shorter.length < 3 || shorter.length === longer.length || !longer.endsWith(shorter)) return false;
  const place = longer.slice(0, longer.length - shorter.length);
  return place.length >= 2 && PLACE_END.test(place);
}

/**
 * Reviews a region's reports: each report validated (with its previous year when given), the region rules
 * (deadlines, repetition against last year and between bodies, year-on-year jumps, section contents, missing and
 * duplicate reports) evaluated, every finding given a stable fingerprint, and the region's roll-up of 表三 and 表四.
 * Never throws on bad reports: a malformed report is reviewed as far as it can be read.
 *
 * @example
 * const review = reviewRegion({ reports, previous, bodies });
 * console.log(review.summary.late, review.bodies.filter((body) => body.onTime === false).map((body) => body.body));
 */
export function reviewRegion(options: ReviewOptions): RegionReview {
  const profile: Profile = options.profile ?? "audit";
  const thresholds: ReviewThresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const overrides = options.rules;
  const reportRuleOverrides = overrides
    ? Object.fromEntries(Object.entries(overrides).filter(([id]) => !REGION_CATALOG.some((rule) => rule.id === id)))
    : undefined;
  const levels = new Map((options.bodies ?? []).filter((body) => body.level).map((body) => [bodyKey(body.name), body.level!]));

  const metas = options.reports.map((input) => readMeta(input.report));
  const year = options.year ?? commonYear(metas.map((meta) => meta.year)) ?? new Date().getFullYear() - 1;
  const previousByBody = new Map<string, RegionReportInput>();
  for (const input of options.previous ?? []) {
    const meta = readMeta(input.report);
    if (!meta.body) continue;
    const key = bodyKey(meta.body);
    const existing = previousByBody.get(key);
    // Prefer the report of the year before; otherwise the first one given (the cross-year rules say what is wrong).
    if (!existing || (meta.year === year - 1 && readMeta(existing.report).year !== year - 1)) previousByBody.set(key, input);
  }

  // A body names itself with or without its higher place ("洪泽区人民政府" one year, "淮安市洪泽区人民政府" the next).
  // Without an exact match, a report pairs with the one previous report whose name is its own with such a place
  // added or removed, when that previous report fits no other report of the year.
  const currentKeys = new Set(
    options.reports.flatMap((input, index) => (metas[index]!.year === year && metas[index]!.body ? [bodyKey(metas[index]!.body!)] : [])),
  );
  const placeCandidates = new Map<string, string[]>();
  for (const key of currentKeys) {
    if (previousByBody.has(key)) continue;
    placeCandidates.set(key, [...previousByBody.keys()].filter((other) => !currentKeys.has(other) && samePlaceVariant(key, other)));
  }
  const previousByPlace = new Map<string, RegionReportInput>();
  for (const [key, candidates] of placeCandidates) {
    if (candidates.length !== 1) continue;
    const other = candidates[0]!;
    const rivals = [...placeCandidates.values()].filter((list) => list.includes(other)).length;
    if (rivals === 1) previousByPlace.set(key, previousByBody.get(other)!);
  }

  const otherYears: { file: string; year: number | null }[] = [];
  const reports: ReviewedReport[] = [];
  const validations: ReturnType<typeof validate>[] = [];
  const inputIndexes: number[] = [];
  options.reports.forEach((input, inputIndex) => {
    const meta = metas[inputIndex]!;
    if (meta.year !== year) {
      otherYears.push({ file: input.file, year: meta.year });
      return;
    }
    const body = meta.body ?? input.file;
    const key = bodyKey(body);
    const previousInput = meta.body ? (previousByBody.get(key) ?? previousByPlace.get(key)) : undefined;
    const validation = validate(input.report, {
      profile,
      ...(previousInput ? { previous: previousInput.report } : {}),
      ...(reportRuleOverrides ? { rules: reportRuleOverrides } : {}),
      ...(options.today ? { today: options.today } : {}),
    });
    validations.push(validation);
    inputIndexes.push(inputIndex);
    reports.push({
      index: reports.length,
      file: input.file,
      raw: input.report,
      report: validation.report,
      edition: validation.report?.edition ?? inferEdition(input.report),
      body,
      bodyKey: key,
      year: meta.year,
      level: meta.level ?? levels.get(key) ?? null,
      publishedOn: meta.publishedOn,
      previous: previousInput
        ? {
            file: previousInput.file,
            raw: previousInput.report,
            report: undefined,
            year: readMeta(previousInput.report).year,
          }
        : undefined,
      texts: prepareSections(input.report, body),
      previousTexts: previousInput ? prepareSections(previousInput.report, body) : {},
    });
  });

  const boilerplate = Object.fromEntries(
    COMPARED_SECTIONS.map((section) => [section, boilerplateShingles(reports.map((report) => report.texts[section]))]),
  ) as Record<ComparedSection, Set<number>>;

  const previousMemo = new Map<string, Repetition | undefined>();
  const previousRepetition = (report: ReviewedReport, section: ComparedSection): Repetition | undefined => {
    const key = `${report.index}|${section}`;
    if (!previousMemo.has(key)) {
      const text = report.texts[section];
      const other = report.previousTexts[section];
      previousMemo.set(key, text && other ? repetition(text, other, boilerplate[section], thresholds.minimumText) : undefined);
    }
    return previousMemo.get(key);
  };

  let peers: PeerRepetition[] | undefined;
  const computePeers = (): PeerRepetition[] => {
    const found: PeerRepetition[] = [];
    for (const section of COMPARED_SECTIONS) {
      const signatures = reports.map((report) => {
        const text = report.texts[section];
        return text ? minHash(text.unique, boilerplate[section]) : undefined;
      });
      for (const [left, right] of candidatePairs(signatures)) {
        const a = reports[left]!;
        const b = reports[right]!;
        if (a.bodyKey === b.bodyKey) continue;
        for (const [report, other] of [
          [a, b],
          [b, a],
        ] as const) {
          const result = repetition(report.texts[section]!, other.texts[section]!, boilerplate[section], thresholds.minimumText);
          if (result) found.push({ report, other, section, repetition: result });
        }
      }
    }
    return found;
  };
  const allPeers = () => (peers ??= computePeers());

  const context: RegionContext = {
    year,
    reports,
    bodies: options.bodies,
    thresholds,
    previousRepetition,
    peerRepetitions: () => allPeers().filter((peer) => peer.repetition.share >= thresholds.peerRepeat),
  };

  const findingsOf: RegionFinding[][] = reports.map(() => []);
  const regionFindings: RegionFinding[] = [];
  for (const rule of REGION_CATALOG) {
    const severity = severityOf(rule, profile, overrides);
    if (!severity) continue;
    for (const hit of rule.evaluate(context)) {
      const finding = regionFinding(rule, severity, hit, year);
      if (hit.report) findingsOf[hit.report.index]!.push(finding);
      else regionFindings.push(finding);
    }
  }

  const peerBest = new Map<string, number>();
  for (const peer of allPeers()) {
    const key = `${peer.report.index}|${peer.section}`;
    peerBest.set(key, Math.max(peerBest.get(key) ?? 0, peer.repetition.share));
  }

  const bodies: BodyReview[] = reports.map((report, index) => {
    const validation = validations[index]!;
    const own = validation.diagnostics.map((diagnostic) => reportFinding(diagnostic, report));
    const findings = [...findingsOf[index]!, ...own].sort(compareFindings);
    const timing = timeliness(report);
    const repeatPrevious: BodyReview["repeatPrevious"] = {};
    const repeatPeer: BodyReview["repeatPeer"] = {};
    for (const section of COMPARED_SECTIONS) {
      repeatPrevious[section] = previousRepetition(report, section)?.share ?? null;
      repeatPeer[section] = peerBest.get(`${index}|${section}`) ?? null;
    }
    return {
      index: inputIndexes[index]!,
      body: report.body,
      file: report.file,
      year: report.year,
      level: report.level,
      publishedOn: report.publishedOn,
      deadline: timing.deadline,
      onTime: timing.onTime,
      daysLate: timing.daysLate,
      wellFormed: validation.report !== undefined,
      previousFile: report.previous?.file ?? null,
      validation: validation.counts,
      repeatPrevious,
      repeatPeer,
      rates: bodyRates(report.raw, report.edition),
      findings,
    };
  });

  const seen = new Set<string>();
  const firstOfEachBody = reports.filter((report) => !seen.has(report.bodyKey) && seen.add(report.bodyKey));
  const summary = summarise(bodies, regionFindings, options, thresholds);
  return { year, profile, thresholds, summary, bodies, regionFindings, otherYears, rollup: rollUp(firstOfEachBody) };
}

function summarise(bodies: readonly BodyReview[], regionFindings: readonly RegionFinding[], options: ReviewOptions, thresholds: ReviewThresholds): RegionSummary {
  const byRule: Record<string, number> = {};
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const all = [...regionFindings, ...bodies.flatMap((body) => body.findings)];
  for (const finding of all) {
    if (finding.outcome !== "fail") continue;
    byRule[finding.ruleId] = (byRule[finding.ruleId] ?? 0) + 1;
    bySeverity[finding.severity]++;
  }
  const highest = (values: BodyReview["repeatPrevious"]) => {
    const present = Object.values(values).filter((value): value is number => typeof value === "number");
    return present.length ? Math.max(...present) : null;
  };
  const previousShares = bodies.map((body) => highest(body.repeatPrevious)).filter((value): value is number => value !== null);
  const duplicateBodies = new Set(
    bodies.filter((body) => body.findings.some((finding) => finding.ruleId === "REGION-DUPLICATE")).map((body) => bodyKey(body.body)),
  );
  return {
    reports: bodies.length,
    expected: options.bodies ? options.bodies.length : null,
    missing: regionFindings.filter((finding) => finding.ruleId === "REGION-MISSING").length,
    duplicates: duplicateBodies.size,
    onTime: bodies.filter((body) => body.onTime === true).length,
    late: bodies.filter((body) => body.onTime === false).length,
    timelinessUnknown: bodies.filter((body) => body.onTime === null).length,
    withErrors: bodies.filter((body) => body.findings.some((finding) => finding.outcome === "fail" && finding.severity === "error")).length,
    repeatingPrevious: bodies.filter((body) => (highest(body.repeatPrevious) ?? 0) >= thresholds.previousRepeat).length,
    repeatingPeer: bodies.filter((body) => (highest(body.repeatPeer) ?? 0) >= thresholds.peerRepeat).length,
    medianRepeatPrevious: median(previousShares),
    byRule,
    bySeverity,
  };
}
