// Outcomes that say what happened (issue 12, parts 2, 4 and 5): not-applicable is never counted as passed, the
// cross-year rules run only against this body's valid report of the year before, and counts beyond 2^53 − 1 are
// invalid cells. Real reports from the corpus where the issue names a case.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sampleReport } from "../src/sample.js";
import { formatCsv, formatJson, formatText, isMostlyNotAssessable, validate, type ValidationResult } from "../src/index.js";

const TODAY = new Date("2026-06-01T00:00:00Z");

function golden(name: string): Record<string, any> {
  const url = new URL(`../../importer/test/fixtures/golden/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8"));
}

function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`fixtures/${name}.json`, import.meta.url)), "utf8"));
}

function outcome(result: ValidationResult, ruleId: string) {
  return result.outcomes.find((item) => item.ruleId === ruleId);
}

describe("not-applicable: nothing to check is never a pass", () => {
  it("PROSE-FEE-MENTION does not apply to the 2019 and 2020 reports of 平潭 (edition 2019), nor to a 2020 report in edition 2021", () => {
    for (const name of ["202-2019-pingtan-shehuishiyeju", "204-2020-pingtan-jiaotong-jiansheju"]) {
      const report = golden(name);
      report.otherMatters = { paragraphs: ["无其他需要报告的事项。"] };
      const result = validate(report, { profile: "audit", today: TODAY });
      expect(outcome(result, "PROSE-FEE-MENTION"), name).toMatchObject({ outcome: "not-applicable", evaluated: 0 });
      expect(result.diagnostics.filter((diagnostic) => diagnostic.ruleId === "PROSE-FEE-MENTION"), name).toEqual([]);
    }
    const mislabelled = sampleReport("2021");
    mislabelled.meta.year = 2020;
    mislabelled.otherMatters = { paragraphs: ["无。"] } as never;
    const result = validate(mislabelled, { today: TODAY });
    expect(outcome(result, "PROSE-FEE-MENTION")).toMatchObject({
      outcome: "not-applicable",
      reason: { zh: "信息处理费的报告要求自 2021 年度起适用，本报告为 2020 年度" },
    });
  });

  it("still applies from 2021 on: the 2021 平潭 report without the fee named gets the warning", () => {
    const report = golden("206-2021-pingtan-shichangjianguanju");
    report.otherMatters = { paragraphs: ["无其他需要报告的事项。"] };
    const result = validate(report, { profile: "audit", today: TODAY });
    expect(outcome(result, "PROSE-FEE-MENTION")).toMatchObject({ outcome: "fail" });
  });

  it("counts each outcome, and the summary line says N passed, M not applicable, K not assessable", () => {
    const result = validate(golden("206-2021-pingtan-shichangjianguanju"), { profile: "audit", today: TODAY });
    const count = (kind: string) => result.outcomes.filter((item) => item.outcome === kind).length;
    expect(result.counts.passed).toBe(count("pass"));
    expect(result.counts.notApplicable).toBe(count("not-applicable"));
    expect(count("pass") + count("not-applicable") + count("not-assessable") + count("fail")).toBe(result.outcomes.length);
    // The optional codes are absent, PROSE-FIGURES finds no figure to compare, no previous report was given.
    for (const rule of ["META-CREDIT-CODE", "META-REGION-CODE", "X-CARRY-OVER", "X-IN-FORCE", "X-PREVIOUS-REPORT"]) {
      expect(outcome(result, rule)?.outcome, rule).toBe("not-applicable");
      expect(outcome(result, rule)?.reason?.en.length, rule).toBeGreaterThan(0);
    }
    const zh = formatText([{ file: "206.json", result }]);
    expect(zh).toContain(`7 个警告；${count("pass")} 项规则通过，${count("not-applicable")} 项不适用，${count("not-assessable")} 项无法评估`);
    expect(zh).not.toMatch(/ 0 个(错误|提示)/);
    const en = formatText([{ file: "206.json", result }], { lang: "en" });
    expect(en).toContain(`7 warnings; ${count("pass")} rules passed, ${count("not-applicable")} not applicable, ${count("not-assessable")} not assessable`);
    expect(en).not.toMatch(/\(s\)|0 infos|0 errors/);
  });

  it("pluralises English counts: 1 error, 1 info message, 2 reports", () => {
    const report = sampleReport("2021");
    report.reviewAndLitigation.reconsideration.total = (report.reviewAndLitigation.reconsideration.total ?? 0) + 1;
    report.meta.publishedOn = `${report.meta.year}-06-30`;
    const result = validate(report, { today: TODAY, rules: { "META-PUBLISHED-ON": "info" } });
    expect(result.counts).toMatchObject({ error: 1, warning: 1, info: 1 });
    const text = formatText([{ file: "a.json", result }, { file: "b.json", result }], { lang: "en" });
    expect(text).toContain("  1 error, 1 warning, 1 info message; ");
    expect(text).toContain("2 reports, 2 with errors");
    expect(formatText([{ result }])).toContain("  1 个错误，1 个警告，1 个提示；");
  });

  it("tells a report whose sums are mostly not assessable from a checked one", () => {
    const checked = validate(sampleReport("2021"), { today: TODAY });
    expect(isMostlyNotAssessable(checked.counts)).toBe(false);
    const blank = sampleReport("2021") as unknown as { applications: Record<string, Record<string, unknown>> };
    for (const row of Object.values(blank.applications)) for (const key of Object.keys(row)) row[key] = null;
    const result = validate(blank, { today: TODAY, profile: "audit" });
    expect(result.ok).toBe(true);
    expect(result.counts.identitiesNotAssessable * 2).toBeGreaterThan(result.counts.identities);
    expect(isMostlyNotAssessable(result.counts)).toBe(true);
  });

  it("accepts profile names in any case", () => {
    const report = sampleReport("2021");
    report.applications.total.naturalPerson = null as never;
    const upper = validate(report, { profile: "AUDIT" as never, today: TODAY });
    expect(upper.diagnostics.find((diagnostic) => diagnostic.ruleId === "BLANK-CELL")?.severity).toBe("warning");
    expect(upper.diagnostics.some((diagnostic) => diagnostic.ruleId === "OPTIONS")).toBe(false);
  });

  it("words the 2018-report message as a sentence", () => {
    const report = sampleReport("2019");
    report.meta.year = 2018;
    report.meta.publishedOn = "2019-01-20";
    const diagnostic = validate(report, { today: TODAY }).diagnostics.find((item) => item.ruleId === "META-EDITION-YEAR")!;
    expect(diagnostic.message).toBe("报告年度为 2018：2019 年度以前的报告没有全国统一格式，不能按 2019 版格式检查。");
    expect(diagnostic.messageEn).toBe("The report year is 2018, reports before 2019 have no national layout, so edition 2019 does not apply.");
    expect(diagnostic.message).not.toContain("应使用无");
  });
});

describe("cross-year rules run only against this body's valid report of the year before", () => {
  const current = () => fixture("007-2024-huaian-hongzequ");
  const previous = () => fixture("006-2023-huaian-hongzequ");

  it("another body's report: not assessable with the reason, never an X-CARRY-OVER error (exit stays 0)", () => {
    const other = previous();
    other.meta.body = "淮安市淮阴区人民政府";
    other.applications.carriedForward.naturalPerson += 3;
    const result = validate(current(), { previous: other, profile: "audit", today: TODAY });
    expect(result.ok).toBe(true);
    expect(result.diagnostics.some((diagnostic) => diagnostic.ruleId === "X-CARRY-OVER" && diagnostic.outcome === "fail")).toBe(false);
    expect(outcome(result, "X-CARRY-OVER")).toMatchObject({
      outcome: "not-assessable",
      reason: { zh: "上年报告的发布机关为“淮安市淮阴区人民政府”，与本报告“淮安市洪泽区人民政府”不同" },
    });
    const why = result.diagnostics.find((diagnostic) => diagnostic.ruleId === "X-PREVIOUS-REPORT")!;
    expect(why.message).toBe("上年报告的发布机关为“淮安市淮阴区人民政府”，与本报告“淮安市洪泽区人民政府”不同（跨年度勾稽关系不予评估）。");
  });

  it("a year that is not the one before, or no numeric year: not assessable", () => {
    const older = previous();
    older.meta.year = 2021;
    expect(outcome(validate(current(), { previous: older, today: TODAY }), "X-CARRY-OVER")?.outcome).toBe("not-assessable");
    const noYear = previous();
    noYear.meta.year = "2023年";
    const result = validate(current(), { previous: noYear, today: TODAY });
    expect(outcome(result, "X-CARRY-OVER")?.outcome).toBe("not-assessable");
    expect(result.diagnostics.find((diagnostic) => diagnostic.ruleId === "X-PREVIOUS-REPORT")?.outcome).toBe("fail");
  });

  it("a structurally invalid previous report: not assessable, and its own errors are reported as its own", () => {
    const broken = previous();
    broken.applications.carriedForward.naturalPerson = "1件";
    const result = validate(current(), { previous: broken, profile: "audit", today: TODAY });
    expect(outcome(result, "X-CARRY-OVER")?.outcome).toBe("not-assessable");
    expect(result.diagnostics.find((diagnostic) => diagnostic.ruleId === "X-PREVIOUS-REPORT")!.message).toMatch(/^上年报告结构无效（\d+ 个结构问题/);
    expect(result.previous?.ok).toBe(false);
    expect(result.previous?.diagnostics.map((diagnostic) => diagnostic.ruleId)).toContain("CELL-VALUE");
    // 006's own 表四 errors stay 006's, never this year's.
    expect(result.diagnostics.some((diagnostic) => diagnostic.ruleId === "T4-SUM-GROUP")).toBe(false);
    expect(result.previous?.diagnostics.some((diagnostic) => diagnostic.ruleId === "T4-SUM-GROUP")).toBe(true);
  });

  it("the previous report is checked too, with the same options, and reported under its own name in every format", () => {
    const result = validate(current(), { previous: previous(), profile: "audit", today: TODAY });
    expect(result.previous?.ok).toBe(false); // 006 has two 表四 errors as published
    expect(result.previous?.counts.error).toBe(2);
    expect(result.ok).toBe(true);
    const item = { file: "007.json", previousFile: "006.json", result };
    expect(formatText([item])).toMatch(/^006\.json\n {2}错误 T4-SUM-GROUP/m);
    const json = JSON.parse(formatJson([item]));
    expect(json.files[0].previous).toMatchObject({ file: "006.json", ok: false });
    expect(json.summary.files).toBe(1);
    expect(formatCsv([item]).split("\r\n").filter((row) => row.startsWith('"006.json","T4-SUM-GROUP"'))).toHaveLength(2);
  });

  it("a failure names last year's cell and this year's, and says when last year's 四 is itself inconsistent", () => {
    const changed = previous();
    // Last year's 四 says 2 for natural persons, which breaks last year's own balance (一 + 二 = （七） + 四).
    changed.applications.carriedForward.naturalPerson = 2;
    const result = validate(current(), { previous: changed, profile: "audit", today: TODAY });
    const carry = result.diagnostics
      .flatMap((diagnostic) => [diagnostic, ...(diagnostic.related ?? [])])
      .find((diagnostic) => diagnostic.ruleId === "X-CARRY-OVER" && diagnostic.outcome === "fail")!;
    expect(carry.pointers).toEqual(["/applications/carriedOver/naturalPerson"]);
    expect(carry.previousPointers).toEqual(["/applications/carriedForward/naturalPerson"]);
    expect(carry.cells.map((cell) => [cell.pointer, cell.document ?? "current"])).toEqual([
      ["/applications/carriedOver/naturalPerson", "current"],
      ["/applications/carriedForward/naturalPerson", "previous"],
    ]);
    expect(carry.message).toContain("注意：上年报告本身在“上年报告 / 表三 / 自然人 / 四、结转下年度继续办理”处不平衡（T3-SUM-ROW、T3-BALANCE）");
    expect(carry.messageEn).toContain("last year's report is itself inconsistent");
    // This year's 二 is not pinpointed as the faulty cell when last year's figure may be the wrong one.
    expect(carry.pinpoint).toBeUndefined();
  });

  it("a consistent previous report: the failure is pinpointed on this year's cell, without the note", () => {
    const report = sampleReport("2021");
    report.applications.carriedOver.naturalPerson = 5;
    const result = validate(report, { previous: sampleReport("2021", { previous: true }), today: TODAY });
    expect(result.diagnostics[0]!.pinpoint?.pointer).toBe("/applications/carriedOver/naturalPerson");
    expect(result.diagnostics[0]!.message).not.toContain("注意");
    expect(result.previous?.ok).toBe(true);
  });
});

describe("counts beyond 2^53 − 1 are invalid cells", () => {
  const MAX = Number.MAX_SAFE_INTEGER;

  it("CELL-VALUE says so with the digits written out, never 1e+21 or 'not a number'", () => {
    const report = sampleReport("2021") as unknown as { reviewAndLitigation: Record<string, Record<string, number>> };
    report.reviewAndLitigation.reconsideration!.pending = 1e21;
    const result = validate(report, { today: TODAY });
    const cell = result.diagnostics.find((diagnostic) => diagnostic.ruleId === "CELL-VALUE")!;
    expect(cell.message).toContain("超出可精确表示的整数范围（1000000000000000000000 大于 9007199254740991");
    expect(cell.messageEn).toContain("exceeds the largest exactly representable integer");
    for (const diagnostic of result.diagnostics) {
      expect(diagnostic.message).not.toMatch(/e\+\d|不是数字/);
      expect(diagnostic.messageEn).not.toMatch(/e\+\d|not a number/);
    }
    expect(outcome(result, "T4-SUM-GROUP")?.outcome).toBe("not-assessable");
  });

  it("property: a huge value never makes a wrong row pass (the rounded value is never evaluated)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 1, max: 1000 }), (offset, error) => {
        // 维持 beyond 2^53 − 1, 纠正 small, 总计 off by `error`: rounding could make the row look right.
        const report = sampleReport("2021") as unknown as { reviewAndLitigation: Record<string, Record<string, number>> };
        const row = report.reviewAndLitigation.litigationAfterReconsideration!;
        const upheld = MAX + offset;
        for (const key of Object.keys(row)) row[key] = 0;
        row.upheld = upheld;
        row.corrected = 1;
        row.total = upheld + 1 + error;
        const result = validate(report, { today: TODAY });
        const group = outcome(result, "T4-SUM-GROUP")!;
        expect(group.outcome).not.toBe("pass");
        expect(result.diagnostics.some((diagnostic) => diagnostic.ruleId === "CELL-VALUE" && diagnostic.outcome === "fail")).toBe(true);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 200 }
    );
  });
});
