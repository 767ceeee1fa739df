import { createEmptyReport, EDITIONS, type Edition } from "@xxgk/schema";
import { describe, expect, it } from "vitest";
import { validate } from "./validate.js";
import { validateWith } from "./engine.js";
import { checkRuleOptions } from "./rules.js";
import { runExample } from "./rules-doc.js";
import { RULES } from "./rules.js";
import { sampleReport } from "./sample.js";
import type { Diagnostic, ValidationResult } from "./types.js";

const TODAY = new Date("2025-06-01T00:00:00Z");

/** Every failed diagnostic, including follow-on failures grouped under a pinpoint. */
function failures(result: ValidationResult): Diagnostic[] {
  return result.diagnostics.flatMap((diagnostic) =>
    diagnostic.outcome === "fail" ? [diagnostic, ...(diagnostic.related ?? [])] : []
  );
}

function outcomeOf(result: ValidationResult, ruleId: string) {
  return result.outcomes.find((outcome) => outcome.ruleId === ruleId);
}

describe("the consistent sample report", () => {
  it.each(EDITIONS)("passes every rule in edition %s, with last year's report", (edition) => {
    const result = validate(sampleReport(edition), { previous: sampleReport(edition, { previous: true }), today: TODAY });
    expect(result.diagnostics).toEqual([]);
    expect(result.ok).toBe(true);
    // Every active rule is listed; those of another edition are not applicable (never passed).
    expect(result.outcomes.map((outcome) => outcome.ruleId)).toEqual(RULES.map((rule) => rule.id));
    const notApplicable = result.outcomes.filter((outcome) => outcome.outcome === "not-applicable").map((outcome) => outcome.ruleId);
    const otherEdition = RULES.filter((rule) => !rule.editions.includes(edition)).map((rule) => rule.id);
    expect(notApplicable).toEqual(expect.arrayContaining(otherEdition));
    if (edition === "2019") expect(notApplicable).toEqual(expect.arrayContaining(["X-IN-FORCE", "PROSE-FEE-MENTION"]));
    expect(result.outcomes.every((outcome) => outcome.outcome === "pass" || notApplicable.includes(outcome.ruleId))).toBe(true);
    for (const outcome of result.outcomes.filter((item) => item.outcome === "not-applicable")) {
      expect(outcome.evaluated).toBe(0);
      expect(outcome.reason?.zh.length, outcome.ruleId).toBeGreaterThan(0);
    }
    expect(result.counts).toEqual({
      error: 0,
      warning: 0,
      info: 0,
      notAssessable: 0,
      passed: RULES.length - notApplicable.length,
      notApplicable: notApplicable.length,
      identities: result.counts.identities,
      identitiesNotAssessable: 0,
    });
    expect(result.counts.identities).toBeGreaterThanOrEqual(40);
    expect(result.report?.edition).toBe(edition);
  });
});

describe("every rule has a failing example in every edition it applies to", () => {
  const cases = RULES.flatMap((rule) => rule.editions.map((edition) => [rule.id, edition] as const));
  it.each(cases)("%s fails on its example (edition %s)", (id, edition) => {
    const rule = RULES.find((candidate) => candidate.id === id)!;
    const example = rule.examples.find((candidate) => candidate.editions.includes(edition));
    expect(example, `no example of ${id} for edition ${edition}`).toBeDefined();
    const diagnostic = runExample(rule, example!, edition);
    expect(diagnostic.ruleId).toBe(id);
    expect(diagnostic.outcome).toBe("fail");
    expect(diagnostic.message).not.toMatch(/\{\w+\}/);
    expect(diagnostic.messageEn).not.toMatch(/\{\w+\}/);
  });
});

describe("arithmetic diagnostics", () => {
  it("reports stated, expected, difference and every cell with its label", () => {
    const report = sampleReport("2021");
    report.reviewAndLitigation.reconsideration = { upheld: 10, corrected: 1, other: 0, pending: 0, total: 0 };
    const result = validate(report, { today: TODAY });
    const [diagnostic] = failures(result);
    expect(diagnostic).toMatchObject({
      ruleId: "T4-SUM-GROUP",
      severity: "error",
      stated: 0,
      expected: 11,
      difference: -11,
      pinpoint: { pointer: "/reviewAndLitigation/reconsideration/total", stated: 0, suggested: 11 },
    });
    expect(diagnostic!.pointers).toEqual([
      "/reviewAndLitigation/reconsideration/total",
      "/reviewAndLitigation/reconsideration/upheld",
      "/reviewAndLitigation/reconsideration/corrected",
      "/reviewAndLitigation/reconsideration/other",
      "/reviewAndLitigation/reconsideration/pending",
    ]);
    expect(diagnostic!.cells[0]).toEqual({
      pointer: "/reviewAndLitigation/reconsideration/total",
      label: "表四 / 行政复议 / 总计",
      labelEn: "Table 4 / Administrative reconsideration / Total",
      value: 0,
    });
    expect(diagnostic!.statedBy).toEqual(["/reviewAndLitigation/reconsideration/total"]);
    expect(diagnostic!.message).toContain("之和为 11，总计填报 0，相差 -11");
    expect(diagnostic!.messageEn).toContain("= 11 but the total states 0");
    expect(result.ok).toBe(false);
  });

  it("pinpoints a wrong detail cell of 表三 and groups its row and column failures under it", () => {
    const report = sampleReport("2021");
    report.applications.withheldStateSecret.naturalPerson = 7; // consistent value: 1
    const result = validate(report, { today: TODAY });
    expect(result.diagnostics).toHaveLength(1);
    const [diagnostic] = result.diagnostics;
    expect(diagnostic!.ruleId).toBe("T3-SUM-ROW");
    expect(diagnostic!.pinpoint).toEqual({
      pointer: "/applications/withheldStateSecret/naturalPerson",
      label: "表三 / 自然人 / 1.属于国家秘密",
      labelEn: "Table 3 / Natural persons / Withheld: state secret",
      stated: 7,
      suggested: 1,
    });
    expect(diagnostic!.related?.map((related) => related.ruleId)).toEqual(["T3-SUM-COLUMN"]);
    expect(diagnostic!.message).toContain("可能有误的单元格：表三 / 自然人 / 1.属于国家秘密（填报 7）；若改为 1");
    expect(result.counts.error).toBe(1);
    expect(outcomeOf(result, "T3-SUM-COLUMN")).toMatchObject({ outcome: "fail", failed: 1 });
  });

  it("pinpoints （七）总计 when it breaks R1, R2 and R3 together", () => {
    const report = sampleReport("2019");
    report.applications.total.commercialEnterprise = 9; // consistent value: 3
    const [diagnostic, ...others] = validate(report, { today: TODAY }).diagnostics;
    expect(others).toEqual([]);
    expect(diagnostic!.pinpoint).toMatchObject({ pointer: "/applications/total/commercialEnterprise", suggested: 3 });
    expect([diagnostic!.ruleId, ...diagnostic!.related!.map((related) => related.ruleId)]).toEqual([
      "T3-SUM-ROW",
      "T3-SUM-COLUMN",
      "T3-BALANCE",
    ]);
  });

  it("does not pinpoint when several cells could explain a failure", () => {
    const report = sampleReport("2021");
    // 复议后起诉: 维持 5, 总计 0 — either 总计 should be 5 or 维持 should be 0.
    report.reviewAndLitigation.litigationAfterReconsideration = { upheld: 5, corrected: 0, other: 0, pending: 0, total: 0 };
    const [diagnostic] = validate(report, { today: TODAY }).diagnostics;
    expect(diagnostic!.ruleId).toBe("T4-SUM-GROUP");
    expect(diagnostic!.pinpoint).toBeUndefined();
  });

  it("pinpoints two independent errors separately", () => {
    const report = sampleReport("2021");
    report.applications.disclosed.naturalPerson = 20; // 12
    report.applications.unableNotHeld.commercialEnterprise = 4; // 1
    const pinpoints = validate(report, { today: TODAY }).diagnostics.map((diagnostic) => diagnostic.pinpoint?.pointer);
    expect(pinpoints).toEqual(["/applications/disclosed/naturalPerson", "/applications/unableNotHeld/commercialEnterprise"]);
  });
});

describe("blank and malformed cells", () => {
  it("never takes a blank as 0: identities using it are not assessable, the others are evaluated", () => {
    const report = sampleReport("2021");
    report.applications.disclosed.legalServiceAgency = null;
    report.reviewAndLitigation.reconsideration.total = 7; // an unrelated error elsewhere
    const result = validate(report, { today: TODAY });
    expect(outcomeOf(result, "T3-SUM-ROW")).toMatchObject({ outcome: "not-assessable", notAssessable: 1, failed: 0 });
    expect(outcomeOf(result, "T3-SUM-COLUMN")).toMatchObject({ outcome: "not-assessable", notAssessable: 1 });
    expect(outcomeOf(result, "T3-BALANCE")).toMatchObject({ outcome: "pass" });
    expect(outcomeOf(result, "T4-SUM-GROUP")).toMatchObject({ outcome: "fail", failed: 1 });
    const blank = result.diagnostics.find((diagnostic) => diagnostic.ruleId === "BLANK-CELL")!;
    expect(blank).toMatchObject({ severity: "error", pointers: ["/applications/disclosed/legalServiceAgency"] });
    const notAssessable = result.diagnostics.find((diagnostic) => diagnostic.ruleId === "T3-SUM-ROW")!;
    expect(notAssessable).toMatchObject({
      outcome: "not-assessable",
      severity: "info",
      pointers: ["/applications/disclosed/legalServiceAgency"],
    });
    expect(notAssessable.cells[0]).toMatchObject({ label: "表三 / 法律服务机构 / （一）予以公开", value: null });
  });

  it("blank cells are errors under publish and warnings under audit", () => {
    const report = sampleReport("2019");
    report.proactiveDisclosure.procurement.amount = null;
    expect(validate(report, { today: TODAY }).diagnostics[0]).toMatchObject({ ruleId: "BLANK-CELL", severity: "error" });
    const audit = validate(report, { profile: "audit", today: TODAY });
    expect(audit.diagnostics[0]).toMatchObject({ ruleId: "BLANK-CELL", severity: "warning" });
    expect(audit.ok).toBe(true);
  });

  it("one malformed cell does not hide the rest: a string cell, and an error elsewhere still found and pinpointed", () => {
    const report = sampleReport("2021") as unknown as Record<string, Record<string, Record<string, unknown>>>;
    report.proactiveDisclosure!.licensing!.decisions = "120";
    report.applications!.unableNotHeld!.naturalPerson = 8; // consistent: 5
    (report.meta as unknown as Record<string, unknown>).creditCode = "113201000141234560";
    const result = validate(report, { today: TODAY });
    expect(result.report).toBeUndefined();
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.outcome])).toEqual([
      ["META-CREDIT-CODE", "fail"],
      ["CELL-VALUE", "fail"],
      ["T3-SUM-ROW", "fail"],
    ]);
    const cell = result.diagnostics[1]!;
    expect(cell.message).toBe("表二 / 行政许可 / 本年处理决定数量：应为数字，实为文字“120”（数字不要加引号）。");
    expect(cell.pointers).toEqual(["/proactiveDisclosure/licensing/decisions"]);
    const pinpointed = result.diagnostics[2]!;
    expect(pinpointed.pinpoint).toMatchObject({ pointer: "/applications/unableNotHeld/naturalPerson", suggested: 5 });
    expect(pinpointed.related?.map((related) => related.ruleId)).toEqual(["T3-SUM-COLUMN"]);
    expect(outcomeOf(result, "SCHEMA")).toMatchObject({ outcome: "fail" });
  });

  it("pinpoints the cell that explains two failures over cells that would each explain one, when an invalid cell leaves them open", () => {
    const report = sampleReport("2021") as unknown as Record<string, Record<string, Record<string, unknown>>>;
    report.applications!.disclosed!.total = "15"; // R2 of （一）予以公开 (and R3 of 总计) can no longer be assessed …
    report.applications!.unableNotHeld!.naturalPerson = 8; // … so 予以公开/自然人 alone could explain R3 of 自然人, and
    // 不掌握/总计 alone R2 of 不掌握; but 不掌握/自然人 = 5 repairs both, and every identity it is in then holds.
    const result = validate(report, { today: TODAY });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.outcome])).toEqual([
      ["CELL-VALUE", "fail"],
      ["T3-SUM-ROW", "fail"],
      ["T3-SUM-ROW", "not-assessable"],
      ["T3-SUM-COLUMN", "not-assessable"],
      ["PROSE-FIGURES", "not-assessable"],
    ]);
    const pinpointed = result.diagnostics[1]!;
    expect(pinpointed.pinpoint).toMatchObject({ pointer: "/applications/unableNotHeld/naturalPerson", stated: 8, suggested: 5 });
    expect(pinpointed.related?.map((related) => related.ruleId)).toEqual(["T3-SUM-COLUMN"]);
  });

  it("reports negative, fractional and unit-bearing cells under CELL-VALUE", () => {
    const report = sampleReport("2021") as unknown as Record<string, Record<string, Record<string, unknown>>>;
    report.proactiveDisclosure!.licensing!.decisions = -3;
    report.proactiveDisclosure!.penalties!.decisions = 2.5;
    report.proactiveDisclosure!.fees!.amount = "251000元";
    const messages = validate(report, { today: TODAY })
      .diagnostics.filter((diagnostic) => diagnostic.ruleId === "CELL-VALUE")
      .map((diagnostic) => diagnostic.message);
    expect(messages).toEqual([
      "表二 / 行政许可 / 本年处理决定数量：不能为负数，实为 -3。",
      "表二 / 行政处罚 / 本年处理决定数量：应为整数，实为 2.5。",
      "表二 / 行政事业性收费 / 本年收费金额（单位：万元）：应为数字，实为文字“251000元”（单位、符号不要写进单元格）。",
    ]);
  });

  it("accepts a negative 本年增/减 in edition 2019", () => {
    const report = sampleReport("2019");
    report.proactiveDisclosure.licensing.change = -8;
    expect(validate(report, { today: TODAY }).diagnostics).toEqual([]);
  });

  it("evaluates what it can without an edition and says the table rules are not assessable", () => {
    const report = sampleReport("2021") as unknown as Record<string, unknown>;
    delete report.edition;
    delete report.applications;
    report.meta = { body: "某局", year: 2031 };
    const result = validate(report, { today: TODAY });
    expect(result.diagnostics.find((diagnostic) => diagnostic.ruleId === "META-YEAR-FUTURE")).toMatchObject({ outcome: "fail" });
    expect(outcomeOf(result, "T3-SUM-ROW")).toMatchObject({ outcome: "not-assessable" });
    expect(outcomeOf(result, "PROSE-REQUIRED")).toMatchObject({ outcome: "pass" });
  });

  it("infers the edition from 表三 when the edition field is wrong", () => {
    const report = sampleReport("2019") as unknown as Record<string, unknown>;
    report.edition = "2020";
    const result = validate(report, { today: TODAY });
    expect(result.diagnostics[0]).toMatchObject({ ruleId: "SCHEMA" });
    expect(outcomeOf(result, "T3-SUM-ROW")).toMatchObject({ outcome: "pass", evaluated: 23 });
  });

  it("never throws on odd values", () => {
    for (const input of [
      undefined,
      null,
      0,
      "report",
      [],
      {},
      { edition: "2021" },
      { edition: "2021", applications: [] },
      new Date(0),
    ]) {
      const result = validate(input);
      expect(result.ok).toBe(false);
      expect(result.diagnostics[0]!.ruleId).toBe("SCHEMA");
    }
  });

  it("does not change the input", () => {
    const report = sampleReport("2021");
    report.applications.total.total = 1;
    const copy = structuredClone(report);
    validate(report, { previous: sampleReport("2021", { previous: true }) });
    expect(report).toEqual(copy);
  });
});

describe("options", () => {
  it("overrides severities and disables rules", () => {
    const report = sampleReport("2021");
    report.reviewAndLitigation.reconsideration.total = null;
    report.otherMatters = { paragraphs: ["无。"] };
    const result = validate(report, { rules: { "BLANK-CELL": "info", "PROSE-FEE-MENTION": "off" }, today: TODAY });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.outcome, diagnostic.severity])).toEqual([
      ["BLANK-CELL", "fail", "info"],
      ["T4-SUM-GROUP", "not-assessable", "info"],
      ["PROSE-FIGURES", "not-assessable", "info"], // the prose states 行政复议 3 件; the total is blank
    ]);
    expect(result.ok).toBe(true);
    expect(outcomeOf(result, "PROSE-FEE-MENTION")).toBeUndefined();
  });

  it("keeps the structural issue when CELL-VALUE is turned off", () => {
    const report = sampleReport("2021") as unknown as Record<string, Record<string, Record<string, unknown>>>;
    report.applications!.disclosed!.total = "15";
    const result = validate(report, { rules: { "CELL-VALUE": "off" }, today: TODAY });
    expect(result.diagnostics[0]).toMatchObject({ ruleId: "SCHEMA", pointers: ["/applications/disclosed/total"] });
  });

  it("uses today for the future-year rule", () => {
    const report = sampleReport("2021");
    report.meta.year = 2026;
    report.meta.publishedOn = "2027-01-10";
    expect(validate(report, { today: new Date("2030-01-01") }).ok).toBe(true);
    const result = validate(report, { today: new Date("2025-06-01") });
    expect(failures(result).map((diagnostic) => diagnostic.ruleId)).toEqual(["META-YEAR-FUTURE", "META-PUBLISHED-ON"]);
  });
});

describe("metadata rules", () => {
  const withMeta = (edition: Edition, meta: Record<string, unknown>) => {
    const report = sampleReport(edition);
    Object.assign(report.meta, meta);
    return validate(report, { today: TODAY });
  };

  it("edition must match the year", () => {
    expect(withMeta("2019", { year: 2021, publishedOn: "2022-01-10" }).diagnostics[0]!.message).toBe(
      "报告年度为 2021：应使用 2021 版格式（国办公开办函〔2021〕30号），实为 2019 版。"
    );
    expect(withMeta("2019", { year: 2019, publishedOn: "2020-01-10" }).diagnostics).toEqual([]);
  });

  it("checks the credit code's checksum and the region code's shape", () => {
    expect(withMeta("2021", { creditCode: "91440300708461136T" }).diagnostics).toEqual([]);
    const wrong = withMeta("2021", { creditCode: "91440300708461136A" });
    expect(wrong.diagnostics[0]!.message).toBe("统一社会信用代码 91440300708461136A：校验位应为 T，实为 A。");
    expect(withMeta("2021", { regionCode: "990100" }).diagnostics[0]!.ruleId).toBe("META-REGION-CODE");
  });
});

describe("cross-year rules", () => {
  it("are only evaluated with a previous report", () => {
    const result = validate(sampleReport("2021"), { today: TODAY });
    const crossYear = result.outcomes.filter((outcome) => outcome.ruleId.startsWith("X-"));
    expect(crossYear.map((outcome) => outcome.ruleId)).toEqual(["X-PREVIOUS-REPORT", "X-CARRY-OVER", "X-IN-FORCE"]);
    for (const outcome of crossYear) {
      expect(outcome).toEqual({
        ruleId: outcome.ruleId,
        outcome: "not-applicable",
        evaluated: 0,
        failed: 0,
        notAssessable: 0,
        reason: { zh: "未提供上年报告", en: "no previous report was given" },
      });
    }
    expect(result.counts.passed + result.counts.notApplicable).toBe(result.outcomes.length);
  });

  it("X1 compares 二 with last year's 四, column by column, and pinpoints this year's cell when only it can explain", () => {
    const report = sampleReport("2021");
    const previous = sampleReport("2021", { previous: true });
    report.applications.carriedOver.naturalPerson = 5; // last year carried 2 forward
    const result = validate(report, { previous, today: TODAY });
    const [diagnostic] = result.diagnostics;
    expect(diagnostic!.pinpoint).toMatchObject({ pointer: "/applications/carriedOver/naturalPerson", suggested: 2 });
    const carry = [diagnostic!, ...diagnostic!.related!].find((item) => item.ruleId === "X-CARRY-OVER")!;
    expect(carry).toMatchObject({ stated: 5, expected: 2, difference: 3, pointers: ["/applications/carriedOver/naturalPerson"] });
    expect(carry.cells[1]).toEqual({
      pointer: "/applications/carriedForward/naturalPerson",
      label: "上年报告 / 表三 / 自然人 / 四、结转下年度继续办理",
      labelEn: "Previous report / Table 3 / Natural persons / Carried forward to next year",
      value: 2,
      document: "previous",
    });
  });

  it("X1 works from a 2020 (edition 2019) report to a 2021 report", () => {
    const previous = sampleReport("2019", { previous: true });
    previous.meta.year = 2020;
    const report = sampleReport("2021");
    report.meta.year = 2021;
    report.meta.publishedOn = "2022-01-20";
    const result = validate(report, { previous, today: TODAY });
    expect(outcomeOf(result, "X-CARRY-OVER")).toMatchObject({ outcome: "pass", evaluated: 7 });
    // Table 2 changed between the editions: nothing to compare, so not applicable (never "passed").
    expect(outcomeOf(result, "X-IN-FORCE")).toMatchObject({ outcome: "not-applicable", evaluated: 0 });
    expect(result.counts.passed).toBe(result.outcomes.filter((outcome) => outcome.outcome === "pass").length);
  });

  it("X2 is a warning", () => {
    const previous = sampleReport("2021", { previous: true });
    previous.proactiveDisclosure.rules.inForce = 5;
    const result = validate(sampleReport("2021"), { previous, today: TODAY });
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ ruleId: "X-IN-FORCE", severity: "warning", stated: 2, expected: 5 });
    expect(result.ok).toBe(true);
  });

  it("does not compare reports that are not consecutive years", () => {
    const previous = sampleReport("2021", { previous: true });
    previous.meta.year = 2020;
    previous.applications.carriedForward.total = 99;
    const result = validate(sampleReport("2021"), { previous, today: TODAY });
    expect(result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.outcome])).toEqual([
      ["X-PREVIOUS-REPORT", "fail"],
      ["X-CARRY-OVER", "not-assessable"],
      ["X-IN-FORCE", "not-assessable"],
    ]);
  });

  it("treats a blank cell of last year's report as not assessable", () => {
    const previous = sampleReport("2021", { previous: true });
    previous.applications.carriedForward.researchInstitution = null;
    const result = validate(sampleReport("2021"), { previous, today: TODAY });
    const diagnostic = result.diagnostics.find((item) => item.ruleId === "X-CARRY-OVER")!;
    expect(diagnostic).toMatchObject({ outcome: "not-assessable", pointers: [] });
    expect(diagnostic.cells[0]).toMatchObject({ document: "previous", value: null });
  });
});

describe("prose rules", () => {
  it("requires text in 一, 五 and 六; titles alone are empty", () => {
    const report = createEmptyReport({ edition: "2021", year: 2023, body: "某局" });
    report.overview = { paragraphs: [], parts: [{ title: "（一）主动公开情况", paragraphs: [" "] }] };
    const result = validate(report, { today: TODAY });
    expect(
      result.diagnostics
        .filter((diagnostic) => diagnostic.ruleId === "PROSE-REQUIRED")
        .map((diagnostic) => diagnostic.pointers[0])
    ).toEqual(["/overview", "/problemsAndImprovements", "/otherMatters"]);
  });

  it("compares figures written in Arabic and Chinese numerals with the tables", () => {
    const report = sampleReport("2021");
    report.overview.paragraphs = [
      "全年共收到政府信息公开申请三十件，上年结转申请 2 件，予以公开十二件，结转下年度继续办理五件。",
    ];
    const result = validate(report, { today: TODAY });
    const figures = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "PROSE-FIGURES");
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({
      stated: 12,
      expected: 15,
      difference: -3,
      pointers: ["/overview/paragraphs/0", "/applications/disclosed/total"],
    });
    expect(outcomeOf(result, "PROSE-FIGURES")).toMatchObject({ evaluated: 10, failed: 1 }); // 4 figures here, 6 in the sample's parts;
  });
});

describe("a severity override of a pinpointed group's members", () => {
  const report = () => {
    const broken = sampleReport("2021");
    broken.applications.withheldStateSecret.naturalPerson = 7; // breaks T3-SUM-ROW and T3-SUM-COLUMN; should be 1
    return broken;
  };

  it("keeps each diagnostic's own severity: the group is led by its most severe member", () => {
    const result = validate(report(), { rules: { "T3-SUM-ROW": "info" }, today: TODAY });
    expect(result.diagnostics).toHaveLength(1);
    const [leader] = result.diagnostics;
    expect(leader).toMatchObject({ ruleId: "T3-SUM-COLUMN", severity: "error" });
    expect(leader!.pinpoint).toMatchObject({ pointer: "/applications/withheldStateSecret/naturalPerson", suggested: 1 });
    expect(leader!.related!.map((related) => [related.ruleId, related.severity])).toEqual([["T3-SUM-ROW", "info"]]);
    expect(result.counts).toMatchObject({ error: 1, info: 0 });
  });

  it("reports the overridden severity when every member is lowered", () => {
    const result = validate(report(), { rules: { "T3-SUM-ROW": "info", "T3-SUM-COLUMN": "warning" }, today: TODAY });
    const [leader] = result.diagnostics;
    expect(leader).toMatchObject({ ruleId: "T3-SUM-COLUMN", severity: "warning" });
    expect(leader!.related).toMatchObject([{ ruleId: "T3-SUM-ROW", severity: "info" }]);
    expect(result.ok).toBe(true);
    const info = validate(report(), { rules: { "T3-SUM-ROW": "info", "T3-SUM-COLUMN": "info" }, today: TODAY });
    expect(info.diagnostics[0]).toMatchObject({ ruleId: "T3-SUM-ROW", severity: "info" });
    expect(info.counts).toMatchObject({ error: 0, warning: 0, info: 1 });
  });
});

describe("invalid options (rule OPTIONS) and checkRuleOptions", () => {
  it("reports each unknown rule, invalid severity and invalid profile once, and ignores them", () => {
    const report = sampleReport("2021");
    report.reviewAndLitigation.reconsideration.total = 7; // an error the ignored overrides would have hidden
    const options = {
      rules: { R2: "off", "T4-SUM-GROUP": "fatal", "t4-sum-group": "off" },
      profile: "strict",
      today: TODAY,
    } as unknown as Parameters<typeof validate>[1];
    const result = validate(report, options);
    const problems = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "OPTIONS");
    expect(problems.map((diagnostic) => [diagnostic.severity, diagnostic.message])).toEqual([
      ["error", "选项 profile：检查档“strict”无效（可用 publish、audit），已按 publish 检查。"],
      ["error", "选项 rules：未知规则“R2”，已忽略。"],
      ["error", "选项 rules：规则 T4-SUM-GROUP 的级别“fatal”无效（可用 error、warning、info、off），已忽略。"],
      ["error", "选项 rules：未知规则“t4-sum-group”（是否指 T4-SUM-GROUP？），已忽略。"],
    ]);
    expect(problems[1]!.messageEn).toBe("Option rules: unknown rule “R2”; ignored.");
    expect(result.diagnostics.find((diagnostic) => diagnostic.ruleId === "T4-SUM-GROUP")).toMatchObject({ severity: "error" });
    expect(result.ok).toBe(false);
  });

  it("reports an invalid today and a rules option that is not an object", () => {
    const result = validate(sampleReport("2021"), { today: new Date("garbage"), rules: "off" as never });
    expect(result.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "选项 rules：应为“规则: 级别”的对象，实为“off”，已忽略。",
      "选项 today：不是有效的日期，已使用当前日期。",
    ]);
  });

  it("passes with valid options, and can itself be turned off", () => {
    const valid = validate(sampleReport("2021"), { rules: { "T3-SUM-ROW": "warning" }, profile: "audit", today: TODAY });
    expect(valid.diagnostics).toEqual([]);
    expect(valid.outcomes[0]).toEqual({ ruleId: "OPTIONS", outcome: "pass", evaluated: 1, failed: 0, notAssessable: 0 });
    expect(validate(sampleReport("2021"), {}).outcomes[0]).toMatchObject({ ruleId: "OPTIONS", outcome: "not-applicable" });
    const off = validate(sampleReport("2021"), { rules: { R2: "off", OPTIONS: "off" } as never, today: TODAY });
    expect(off.diagnostics).toEqual([]);
  });

  it("checkRuleOptions returns the same problems as data", () => {
    expect(checkRuleOptions(undefined)).toEqual([]);
    expect(checkRuleOptions({ "T3-SUM-ROW": "off", SCHEMA: "warning" }, "audit")).toEqual([]);
    expect(checkRuleOptions({ t3_sum_row: "off", "X-CARRY-OVER": "ERROR" }, "strict")).toEqual([
      {
        kind: "invalid-profile",
        value: "strict",
        message: "检查档“strict”无效（可用 publish、audit）",
        messageEn: "the profile “strict” is not valid (use publish or audit)",
      },
      {
        kind: "unknown-rule",
        rule: "t3_sum_row",
        value: "off",
        suggestion: "T3-SUM-ROW",
        message: "未知规则“t3_sum_row”（是否指 T3-SUM-ROW？）",
        messageEn: "unknown rule “t3_sum_row” (did you mean T3-SUM-ROW?)",
      },
      {
        kind: "invalid-severity",
        rule: "X-CARRY-OVER",
        value: "ERROR",
        message: "规则 X-CARRY-OVER 的级别“ERROR”无效（可用 error、warning、info、off）",
        messageEn: "the severity “ERROR” of rule X-CARRY-OVER is not valid (use error, warning, info or off)",
      },
    ]);
    expect(checkRuleOptions(["T3-SUM-ROW"])).toMatchObject([{ kind: "rules-not-object" }]);
  });
});

describe("metadata is reported once, by its META rule", () => {
  const withMeta = (meta: Record<string, unknown>, options: Parameters<typeof validate>[1] = {}) => {
    const report = sampleReport("2021") as unknown as { meta: Record<string, unknown> };
    Object.assign(report.meta, meta);
    return validate(report, { today: TODAY, ...options });
  };
  const summary = (result: ValidationResult) => result.diagnostics.map((diagnostic) => [diagnostic.ruleId, diagnostic.message]);

  it("region code, credit code and publication date that break the structure", () => {
    expect(summary(withMeta({ regionCode: "64020" }))).toEqual([["META-REGION-CODE", "行政区划代码 64020：应为 6 位数字。"]]);
    expect(summary(withMeta({ regionCode: "000000" }))).toEqual([
      ["META-REGION-CODE", "行政区划代码 000000：前两位 00 不是省级行政区划代码。"],
    ]);
    expect(summary(withMeta({ creditCode: "11320100014123456e" }))).toEqual([
      ["META-CREDIT-CODE", "统一社会信用代码 11320100014123456e：含有不允许的字符（只用数字和大写字母，不用 I、O、S、V、Z）。"],
    ]);
    const date = withMeta({ publishedOn: "2024-02-30" });
    expect(summary(date)).toEqual([
      ["META-PUBLISHED-ON", "发布日期 “2024-02-30” 不是有效的日期（应为 YYYY-MM-DD 格式的真实日期，如 2024-01-20）。"],
    ]);
    // The structure still failed.
    expect(date.report).toBeUndefined();
    expect(outcomeOf(date, "SCHEMA")).toMatchObject({ outcome: "fail", failed: 1 });
  });

  it("an impossible date is an invalid date, whatever the year", () => {
    for (const publishedOn of ["2100-02-29", "2023-02-29", "2025-13-01", "2025-1-01"]) {
      const [diagnostic, ...others] = withMeta({ publishedOn }).diagnostics;
      expect(others).toEqual([]);
      expect(diagnostic!.message).toBe(`发布日期 “${publishedOn}” 不是有效的日期（应为 YYYY-MM-DD 格式的真实日期，如 2024-01-20）。`);
    }
    expect(withMeta({ publishedOn: "2024-02-29", year: 2023 }).diagnostics).toEqual([]);
  });

  it("by SCHEMA when the META rule is off or cannot read the value", () => {
    expect(withMeta({ regionCode: "64020" }, { rules: { "META-REGION-CODE": "off" } }).diagnostics.map((item) => item.ruleId)).toEqual([
      "SCHEMA",
    ]);
    const numeric = withMeta({ publishedOn: 20250101 });
    expect(numeric.diagnostics.map((item) => [item.ruleId, item.outcome])).toEqual([
      ["SCHEMA", "fail"],
      ["META-PUBLISHED-ON", "not-assessable"],
    ]);
  });
});

describe("non-finite numbers", () => {
  it("CELL-VALUE says Infinity (1e309 in JSON) is not a finite number, and never shows it as blank", () => {
    const report = JSON.parse(JSON.stringify(sampleReport("2021")).replace('"amount":12.5', '"amount":1e309')) as unknown;
    expect((report as { proactiveDisclosure: { fees: { amount: number } } }).proactiveDisclosure.fees.amount).toBe(Infinity);
    const [diagnostic] = validate(report, { today: TODAY }).diagnostics;
    expect(diagnostic).toMatchObject({ ruleId: "CELL-VALUE", pointers: ["/proactiveDisclosure/fees/amount"] });
    expect(diagnostic!.message).toBe("表二 / 行政事业性收费 / 本年收费金额（单位：万元）：不是有限的数字（Infinity）。");
    expect(diagnostic!.messageEn).toContain("is not a finite number (Infinity)");
    expect(diagnostic!.cells[0]!.value).toBeUndefined();
  });
});

describe("the report year must have ended (META-YEAR-FUTURE)", () => {
  const inYear = (year: number, profile?: "audit") => {
    const report = sampleReport("2021") as unknown as { meta: Record<string, unknown> };
    report.meta.year = year;
    delete report.meta.publishedOn;
    return validate(report, { today: new Date("2025-06-01T00:00:00Z"), ...(profile ? { profile } : {}) });
  };

  it("flags the current year, which has not ended: error under publish, warning under audit", () => {
    expect(inYear(2025).diagnostics).toMatchObject([
      { ruleId: "META-YEAR-FUTURE", severity: "error", message: "报告年度 2025 尚未结束（今天是 2025-06-01）：年度报告在报告年度结束后编制。" },
    ]);
    expect(inYear(2025, "audit").diagnostics).toMatchObject([{ ruleId: "META-YEAR-FUTURE", severity: "warning" }]);
    expect(inYear(2026).diagnostics[0]!.message).toBe("报告年度 2026 晚于当前年份 2025：年度报告在报告年度结束后编制。");
    expect(inYear(2024).diagnostics).toEqual([]);
  });
});

describe("cross-year rules: which previous report", () => {
  const withPrevious = (edit: (previous: ReturnType<typeof sampleReport>) => void) => {
    const previous = sampleReport("2021", { previous: true });
    edit(previous);
    return validate(sampleReport("2021"), { previous, today: TODAY });
  };

  it("takes only an exactly equal name as the same body (width and whitespace normalised)", () => {
    const current = sampleReport("2021").meta.body;
    const suffix = withPrevious((previous) => {
      previous.meta.body = current.slice(-4);
    });
    // 市示例局 names no place of its own: another body, so the cross-year identities are not assessed.
    expect(suffix.diagnostics).toMatchObject([
      { ruleId: "X-PREVIOUS-REPORT", severity: "warning", pointers: ["/meta/body"] },
      { ruleId: "X-CARRY-OVER", outcome: "not-assessable" },
      { ruleId: "X-IN-FORCE", outcome: "not-assessable" },
    ]);
    const spaced = withPrevious((previous) => {
      previous.meta.body = ` ${current.slice(0, 2)}　${current.slice(2)} `;
    });
    expect(spaced.diagnostics).toEqual([]);
    const report = sampleReport("2021");
    report.meta.body = "淮安市洪泽区人民政府";
    const previous = sampleReport("2021", { previous: true });
    previous.meta.body = "区人民政府";
    expect(validate(report, { previous, today: TODAY }).diagnostics[0]!.message).toBe(
      "上年报告的发布机关为“区人民政府”，与本报告“淮安市洪泽区人民政府”不同（跨年度勾稽关系不予评估）。"
    );
    previous.meta.body = "淮安市洪泽区人民政府（ＡＢ）";
    report.meta.body = "淮安市洪泽区人民政府（AB）";
    expect(validate(report, { previous, today: TODAY }).diagnostics).toEqual([]);
  });

  it("says which year the previous report is for when it is not the year before", () => {
    const result = withPrevious((previous) => {
      previous.meta.year -= 2;
    });
    const year = sampleReport("2021").meta.year;
    const carry = result.diagnostics.find((diagnostic) => diagnostic.ruleId === "X-CARRY-OVER")!;
    expect(carry.outcome).toBe("not-assessable");
    expect(carry.message).toBe(`本年“上年结转”等于上年“结转下年度”：1 项检查无法评估，上年报告年度为 ${year - 3}，应为 ${year - 1}。`);
    expect(carry.messageEn).toContain(`the previous report is for ${year - 3}, not ${year - 1}`);
    expect(carry.message).not.toContain("空白");
  });

  it("treats previous: null as no previous report", () => {
    const result = validate(sampleReport("2021"), { previous: null, today: TODAY });
    expect(result.diagnostics).toEqual([]);
    expect(result.previous).toBeUndefined();
    expect(result.outcomes.filter((outcome) => outcome.ruleId.startsWith("X-")).map((outcome) => outcome.outcome)).toEqual([
      "not-applicable",
      "not-applicable",
      "not-applicable",
    ]);
  });
});

describe("structural problems are capped per report", () => {
  it(`lists at most 200 SCHEMA diagnostics and sums up the rest`, () => {
    const report = sampleReport("2021") as unknown as { overview: { paragraphs: unknown[] } };
    report.overview.paragraphs = new Array(1000).fill(5);
    const started = Date.now();
    const result = validate(report, { today: TODAY });
    const schema = result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "SCHEMA");
    expect(schema).toHaveLength(201);
    expect(schema[199]!.pointers).toEqual(["/overview/paragraphs/199"]);
    expect(schema[200]).toMatchObject({ severity: "error", outcome: "fail", pointers: [""] });
    expect(schema[200]!.message).toBe("……及另外 800 个结构问题（每份报告只列出前 200 个）。");
    expect(outcomeOf(result, "SCHEMA")).toMatchObject({ failed: 1000 });
    expect(result.counts.error).toBe(201);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("keeps the engine fast with 200,000 structural issues", () => {
    const issues = Array.from({ length: 200_000 }, (_, index) => ({
      code: "invalid_type" as const,
      path: ["overview", "paragraphs", index],
      pointer: `/overview/paragraphs/${index}`,
      label: `一、总体情况 / 第 ${index + 1} 段`,
      message: "应为字符串",
      messageEn: "expected a string",
    }));
    const started = Date.now();
    const result = validateWith(() => ({ success: false, issues }) as never, sampleReport("2021"), { today: TODAY });
    expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "SCHEMA")).toHaveLength(201);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
