import { describe, expect, it } from "vitest";
import type { Report2021 } from "@xxgk/schema/layout";
import { applyBaseline, baselineOf, generateTestRegion, parseBaseline, REGION_RULES, reviewRegion, type RegionFinding, type RegionReview } from "./index.js";
import { runRegionExample } from "./docs.js";
import { REGION_CATALOG } from "./catalog.js";

const TODAY = new Date("2025-06-01T00:00:00Z");
const region = generateTestRegion();
const review = reviewRegion({ ...region, today: TODAY });

function allFindings(result: RegionReview): RegionFinding[] {
  return [...result.regionFindings, ...result.bodies.flatMap((body) => body.findings)];
}

/** The bodies with a failed finding of the rule. */
function flagged(result: RegionReview, ruleId: string): string[] {
  return [...new Set(allFindings(result).filter((finding) => finding.ruleId === ruleId && finding.outcome === "fail").map((finding) => finding.body))].sort();
}

const sorted = (names: readonly string[]) => [...new Set(names)].sort();

describe("generateTestRegion", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect(JSON.stringify(generateTestRegion({ seed: 7 }))).toBe(JSON.stringify(generateTestRegion({ seed: 7 })));
    expect(JSON.stringify(generateTestRegion({ seed: 7 }).reports)).not.toBe(JSON.stringify(generateTestRegion({ seed: 8 }).reports));
  });

  it("has 30 bodies with two years, some missing and one duplicated", () => {
    expect(region.bodies).toHaveLength(30);
    expect(region.previous).toHaveLength(30);
    expect(region.reports).toHaveLength(30 - region.truth.missing.length + region.truth.duplicated.length);
  });
});

describe("reviewRegion on the test region: every planted problem is found, and nothing else", () => {
  it("REGION-DEADLINE flags exactly the late reports and cannot assess the undated one", () => {
    expect(flagged(review, "REGION-DEADLINE")).toEqual(sorted(region.truth.late));
    const undated = review.bodies.filter((body) => body.onTime === null).map((body) => body.body);
    expect(sorted(undated)).toEqual(sorted(region.truth.undated));
    const notAssessable = allFindings(review).filter((finding) => finding.ruleId === "REGION-DEADLINE" && finding.outcome === "not-assessable");
    expect(notAssessable.map((finding) => finding.body)).toEqual(region.truth.undated);
    expect(notAssessable[0]!.severity).toBe("info");
    expect(review.summary.late).toBe(region.truth.late.length);
  });

  it("takes the level from the list of bodies when a report does not state it, and cannot assess without either", () => {
    const reports = region.reports.map((input) => structuredClone(input));
    const late = reports.find((input) => (input.report as Report2021).meta.body === region.truth.late[0])!.report as Report2021;
    delete late.meta.level;
    expect(flagged(reviewRegion({ ...region, reports, today: TODAY }), "REGION-DEADLINE")).toEqual(sorted(region.truth.late));
    const withoutList = reviewRegion({ reports, previous: region.previous, today: TODAY });
    expect(flagged(withoutList, "REGION-DEADLINE")).toEqual(sorted(region.truth.late.slice(1)));
    const body = withoutList.bodies.find((candidate) => candidate.body === region.truth.late[0])!;
    expect(body.onTime).toBeNull();
    expect(body.findings.find((finding) => finding.ruleId === "REGION-DEADLINE")!.message).toContain("不知道发布机关的层级");
  });

  it("REGION-REPEAT-PREVIOUS flags exactly the reports copied from last year, with passages side by side", () => {
    expect(flagged(review, "REGION-REPEAT-PREVIOUS")).toEqual(sorted(region.truth.copiedFromPrevious));
    const finding = allFindings(review).find((candidate) => candidate.ruleId === "REGION-REPEAT-PREVIOUS")!;
    expect(finding.similarity).toBeGreaterThanOrEqual(0.8);
    expect(finding.passages!.length).toBeGreaterThan(0);
    const body = review.bodies.find((candidate) => candidate.body === finding.body)!;
    const current = region.reports.find((input) => input.file === body.file)!.report as Report2021;
    const previous = region.previous.find((input) => input.file === finding.other!.file)!.report as Report2021;
    const text = (report: Report2021) => {
      const section = report[finding.section!];
      return [...section.paragraphs, ...(section.parts ?? []).flatMap((part) => part.paragraphs)].join("\n");
    };
    for (const passage of finding.passages!) {
      expect(text(current)).toContain(passage.text);
      expect(text(previous)).toContain(passage.otherText);
    }
  });

  it("REGION-REPEAT-PEER flags exactly both bodies of each copied pair, naming the other", () => {
    expect(flagged(review, "REGION-REPEAT-PEER")).toEqual(sorted(region.truth.copiedFromPeer.flat()));
    for (const [original, copy] of region.truth.copiedFromPeer) {
      const finding = allFindings(review).find((candidate) => candidate.ruleId === "REGION-REPEAT-PEER" && candidate.body === copy)!;
      expect(finding.other!.body).toBe(original);
      expect(finding.message).toContain(original);
    }
  });

  it("REGION-JUMP flags exactly the jumping and vanishing figures", () => {
    expect(flagged(review, "REGION-JUMP")).toEqual(sorted([...region.truth.jumping, ...region.truth.vanishing]));
    const vanished = allFindings(review).find((finding) => finding.ruleId === "REGION-JUMP" && finding.body === region.truth.vanishing[0]);
    expect(vanished!.message).toContain("降为 0");
  });

  it("REGION-OVERVIEW-TOPICS and REGION-PROBLEMS-MEASURES flag exactly the thin sections", () => {
    expect(flagged(review, "REGION-OVERVIEW-TOPICS")).toEqual(sorted(region.truth.thinOverview));
    expect(flagged(review, "REGION-PROBLEMS-MEASURES")).toEqual(sorted(region.truth.noMeasures));
  });

  it("REGION-MISSING and REGION-DUPLICATE follow the list of bodies", () => {
    expect(flagged(review, "REGION-MISSING")).toEqual(sorted(region.truth.missing));
    expect(flagged(review, "REGION-DUPLICATE")).toEqual(sorted(region.truth.duplicated));
    expect(flagged(review, "REGION-UNLISTED")).toEqual([]);
    expect(review.summary).toMatchObject({ expected: 30, missing: region.truth.missing.length, duplicates: region.truth.duplicated.length });
  });

  it("runs each report's own rules: the wrong total is the only error of that kind", () => {
    expect(flagged(review, "T3-SUM-ROW")).toEqual(sorted(region.truth.wrongTotal));
    const clean = review.bodies.filter((body) => !region.truth.wrongTotal.includes(body.body));
    for (const body of clean) expect(body.validation.error).toBe(0);
  });

  it("REGION-UNLISTED and REGION-MISSING both show a body that changed its name", () => {
    const reports = region.reports.map((input) => structuredClone(input));
    const renamed = reports[1]!.report as Report2021;
    const listedName = renamed.meta.body;
    renamed.meta.body = listedName.replace("示范市", "示范市 ");
    expect(flagged(reviewRegion({ ...region, reports, today: TODAY }), "REGION-UNLISTED")).toEqual([]);
    renamed.meta.body = `${listedName}（原）`;
    const result = reviewRegion({ ...region, reports, today: TODAY });
    expect(flagged(result, "REGION-UNLISTED")).toEqual([`${listedName}（原）`]);
    expect(flagged(result, "REGION-MISSING")).toEqual(sorted([...region.truth.missing, listedName]));
  });

  it("without a list of bodies, missing and unlisted reports are not assessed", () => {
    const result = reviewRegion({ reports: region.reports, previous: region.previous, today: TODAY });
    expect(flagged(result, "REGION-MISSING")).toEqual([]);
    expect(flagged(result, "REGION-UNLISTED")).toEqual([]);
    expect(result.summary.expected).toBeNull();
  });

  it("without last year's reports, no repetition against last year and no jumps", () => {
    const result = reviewRegion({ reports: region.reports, bodies: region.bodies, today: TODAY });
    expect(flagged(result, "REGION-REPEAT-PREVIOUS")).toEqual([]);
    expect(flagged(result, "REGION-JUMP")).toEqual([]);
    expect(flagged(result, "REGION-REPEAT-PEER")).toEqual(sorted(region.truth.copiedFromPeer.flat()));
  });

  it("thresholds and rule overrides change what is reported", () => {
    const lenient = reviewRegion({ ...region, today: TODAY, thresholds: { jumpFactor: 10 } });
    expect(flagged(lenient, "REGION-JUMP")).toEqual(sorted(region.truth.vanishing));
    const off = reviewRegion({ ...region, today: TODAY, rules: { "REGION-DEADLINE": "off", "T3-SUM-ROW": "off" } });
    expect(flagged(off, "REGION-DEADLINE")).toEqual([]);
    expect(flagged(off, "T3-SUM-ROW")).toEqual([]);
    expect(allFindings(off).some((finding) => finding.ruleId === "OPTIONS")).toBe(false);
    const info = reviewRegion({ ...region, today: TODAY, rules: { "REGION-DEADLINE": "info" } });
    expect(allFindings(info).filter((finding) => finding.ruleId === "REGION-DEADLINE" && finding.outcome === "fail").every((finding) => finding.severity === "info")).toBe(true);
  });

  it("reviews the year most reports state and leaves the others out, saying which", () => {
    const stray = structuredClone(region.previous[0]!);
    const result = reviewRegion({ ...region, reports: [...region.reports, stray], today: TODAY });
    expect(result.year).toBe(2024);
    expect(result.otherYears).toEqual([{ file: stray.file, year: 2023 }]);
  });

  it("pairs a report with last year's when one of the two names the body with its higher place, only when unambiguous", () => {
    const named = (input: (typeof region.reports)[number], body: string, file: string) => {
      const copy = structuredClone(input);
      (copy.report as Report2021).meta.body = body;
      return { ...copy, file };
    };
    const current = region.reports[0]!;
    const previous = region.previous.find((input) => (input.report as Report2021).meta.body === (current.report as Report2021).meta.body)!;
    const paired = reviewRegion({ reports: [named(current, "淮安市洪泽区人民政府", "2024.json")], previous: [named(previous, "洪泽区人民政府", "2023.json")], today: TODAY });
    expect(paired.bodies[0]!.previousFile).toBe("2023.json");
    const shortened = reviewRegion({ reports: [named(current, "洪泽区人民政府", "2024.json")], previous: [named(previous, "淮安市洪泽区人民政府", "2023.json")], today: TODAY });
    expect(shortened.bodies[0]!.previousFile).toBe("2023.json");
    // Two bodies of the year could be "商务局": neither is paired with it.
    const ambiguous = reviewRegion({
      reports: [named(current, "甲市商务局", "a.json"), named(region.reports[1]!, "乙市商务局", "b.json")],
      previous: [named(previous, "商务局", "2023.json")],
      today: TODAY,
    });
    expect(ambiguous.bodies.map((body) => body.previousFile)).toEqual([null, null]);
    // A prefix that is not a place is part of the name: 档案局 is not 国家档案局.
    const notPlace = reviewRegion({ reports: [named(current, "国家档案局", "2024.json")], previous: [named(previous, "档案局", "2023.json")], today: TODAY });
    expect(notPlace.bodies[0]!.previousFile).toBeNull();
  });

  it("reviews malformed reports as far as they can be read", () => {
    const broken = { file: "broken.json", report: { meta: { body: "示范市某局", year: 2024, level: "municipal-department", publishedOn: "2025-03-01" } } };
    const result = reviewRegion({ reports: [...region.reports, broken], today: TODAY });
    const body = result.bodies.find((candidate) => candidate.file === "broken.json")!;
    expect(body.wellFormed).toBe(false);
    expect(body.onTime).toBe(false);
    expect(body.findings.some((finding) => finding.ruleId === "SCHEMA")).toBe(true);
  });
});

describe("fingerprints and baselines", () => {
  it("gives every finding a stable fingerprint, unique within the review", () => {
    const again = reviewRegion({ ...generateTestRegion(), today: TODAY });
    const fingerprints = allFindings(review).map((finding) => finding.fingerprint);
    expect(allFindings(again).map((finding) => finding.fingerprint)).toEqual(fingerprints);
    for (const fingerprint of fingerprints) expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    const failed = allFindings(review).filter((finding) => finding.outcome === "fail");
    expect(new Set(failed.map((finding) => finding.fingerprint)).size).toBe(failed.length);
  });

  it("keeps a finding's fingerprint when its figures change, and a re-run shows only what is new", () => {
    const baseline = baselineOf(review, { decidedOn: "2025-06-01" });
    const reports = region.reports.map((input) => structuredClone(input));
    const late = reports.find((input) => (input.report as Report2021).meta.body === region.truth.late[0])!.report as Report2021;
    late.meta.publishedOn = "2025-05-30"; // even later: the same finding
    const onTime = reports.find((input) => (input.report as Report2021).meta.body === "示范市人民政府")!.report as Report2021;
    onTime.meta.publishedOn = "2025-04-02"; // newly late
    const rerun = reviewRegion({ ...region, reports, today: TODAY });
    const outcome = applyBaseline(rerun, baseline);
    expect(outcome.newFindings).toBe(1);
    const fresh = allFindings(rerun).filter((finding) => finding.outcome === "fail" && !("decision" in finding));
    expect(fresh.map((finding) => [finding.ruleId, finding.body])).toEqual([["REGION-DEADLINE", "示范市人民政府"]]);
    expect(outcome.stale).toEqual([]);
  });

  it("reports decisions whose finding is gone as stale", () => {
    const baseline = baselineOf(review);
    const reports = region.reports.filter((input) => (input.report as Report2021).meta.body !== region.truth.late[0]);
    const outcome = applyBaseline(reviewRegion({ ...region, reports, today: TODAY }), baseline);
    expect(outcome.newFindings).toBe(1); // the body is now missing
    expect(outcome.stale.map((entry) => entry.decision.body)).toContain(region.truth.late[0]);
  });

  it("reads a baseline file and says what is wrong with a bad one", () => {
    const good = parseBaseline(JSON.parse(JSON.stringify(baselineOf(review))));
    expect(good.problems).toEqual([]);
    expect(good.baseline!.version).toBe(1);
    const bad = parseBaseline({ version: 2, decisions: { abc: { state: "accepted" }, "0123456789abcdef": { state: "ok" } } });
    expect(bad.baseline).toBeUndefined();
    expect(bad.problems.map((problem) => problem.pointer)).toEqual(["/version", "/decisions/abc", "/decisions/0123456789abcdef/state"]);
    expect(parseBaseline([]).problems[0]!.pointer).toBe("");
  });
});

describe("roll-up and rates", () => {
  it("adds up 表三 and 表四 over one report per body and leaves blanks out of the totals", () => {
    const received = review.rollup.cells.find((cell) => cell.pointer === "/applications/newlyReceived/total")!;
    const perBody = new Map(review.bodies.map((body) => [body.body, body.rates.received ?? 0]));
    expect(received.total).toBe([...perBody.values()].reduce((sum, value) => sum + value, 0));
    expect(received.stated).toBe(perBody.size);

    const reports = region.reports.map((input) => structuredClone(input));
    const first = reports[0]!.report as Report2021;
    const value = first.applications.newlyReceived.total!;
    first.applications.newlyReceived.total = null;
    const blank = reviewRegion({ ...region, reports, today: TODAY }).rollup.cells.find((cell) => cell.pointer === "/applications/newlyReceived/total")!;
    expect(blank).toMatchObject({ total: received.total - value, blank: 1, stated: received.stated - 1 });
  });

  it("computes the disclosure and correction rates per body and overall", () => {
    const body = review.bodies[0]!;
    const { disclosedFully, disclosedPartly, handled } = body.rates;
    expect(body.rates.disclosureRate).toBeCloseTo((disclosedFully! + disclosedPartly!) / handled!);
    const withCorrection = review.bodies.find((candidate) => (candidate.rates.reconsiderationsCorrected ?? 0) > 0)!;
    expect(withCorrection.rates.reconsiderationCorrectionRate).toBeCloseTo(1 / withCorrection.rates.reconsiderations!);
    const { rates } = review.rollup;
    expect(rates.disclosureRate).toBeGreaterThan(0.6);
    expect(rates.disclosureRate).toBeLessThan(0.75);
    const noCases = review.bodies.find((candidate) => candidate.rates.reconsiderations === 0)!;
    expect(noCases.rates.reconsiderationCorrectionRate).toBeNull();
  });
});

describe("REGION_RULES", () => {
  it("is frozen metadata of every region rule, each with a failing example", () => {
    expect(REGION_RULES.map((rule) => rule.id)).toEqual(REGION_CATALOG.map((rule) => rule.id));
    expect(Object.isFrozen(REGION_RULES[0]!.title)).toBe(true);
    for (const rule of REGION_CATALOG) {
      expect(rule.id).toMatch(/^REGION-[A-Z]+(-[A-Z]+)*$/);
      expect(runRegionExample(rule).ruleId).toBe(rule.id);
    }
  });
});
