import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fillTable3, sampleReport } from "./sample.js";
import type { Diagnostic, ValidationResult } from "./types.js";
import { validate } from "./validate.js";

const TODAY = new Date("2025-06-01T00:00:00Z");
const ARITHMETIC = new Set(["T3-SUM-ROW", "T3-SUM-COLUMN", "T3-BALANCE", "T4-SUM-GROUP", "X-CARRY-OVER"]);

/** Every failed arithmetic diagnostic, follow-on failures included. */
function arithmetic(result: ValidationResult): Diagnostic[] {
  return result.diagnostics
    .flatMap((diagnostic) => [diagnostic, ...(diagnostic.related ?? [])])
    .filter((diagnostic) => diagnostic.outcome === "fail" && ARITHMETIC.has(diagnostic.ruleId));
}

type Cells = Record<string, Record<string, number | null>>;
const applications = (report: unknown) => (report as { applications: Cells }).applications;

describe("no value is suggested when no single cell repairs", () => {
  /**
   * The pattern real reports show (docs/format.md): the details add up to 27 under a stated （七）总计 of 21 while
   * 一 + 二 = （七） + 四 holds. Here a row was typed 6 too high in 自然人 and in its 总计 alike: the row adds up, both
   * columns do not. Changing （七）总计 to 27 would repair its column and break T3-BALANCE and its row; changing a
   * detail cell would break its row. Two cells are wrong, and no figure may be offered.
   */
  function twentySeven() {
    const report = sampleReport("2021");
    fillTable3(report, {
      naturalPerson: { outcomes: { disclosed: 10, partiallyDisclosed: 4, unableNotHeld: 6 }, carriedOver: 2, carriedForward: 3 },
      commercialEnterprise: { outcomes: { disclosed: 1 }, carriedOver: 0, carriedForward: 0 },
    });
    const cells = applications(report);
    cells.withheldStateSecret!.naturalPerson = 6; // consistent: 0
    cells.withheldStateSecret!.total = 6; // consistent: 0
    return report;
  }

  it("reports both columns with their figures, and neither a pinpoint nor candidates", () => {
    const result = validate(twentySeven(), { today: TODAY });
    const failures = arithmetic(result);
    expect(failures.map((diagnostic) => [diagnostic.ruleId, diagnostic.stated, diagnostic.expected, diagnostic.difference])).toEqual([
      ["T3-SUM-COLUMN", 20, 26, -6],
      ["T3-SUM-COLUMN", 21, 27, -6],
    ]);
    for (const diagnostic of failures) {
      expect(diagnostic.pinpoint).toBeUndefined();
      expect(diagnostic.candidates).toBeUndefined();
      expect(diagnostic.message).not.toContain("可能有误");
    }
    expect(failures[1]!.message).toBe("表三“总计”一列：（一）至（六）各项办理结果之和为 27，（七）总计填报 21，相差 -6。");
    expect(failures[0]!.messageEn).toBe(
      "Table 3, column “Natural persons”: the outcomes （一）–（六） sum to 26 but （七）总计 states 20 (difference -6)."
    );
    expect(result.outcomes.find((outcome) => outcome.ruleId === "T3-BALANCE")).toMatchObject({ outcome: "pass" });
  });

  it("is the same with T3-BALANCE turned off: a value is checked against every identity, reported or not", () => {
    // （七）/自然人 and 一/自然人 both 6 too high: T3-BALANCE still holds, while R2 of （七）, R2 of 一 and R3 of 自然人 fail.
    // Without T3-BALANCE, （七）/自然人 looks like the one cell that repairs the two failures it is in — but putting it
    // back alone breaks T3-BALANCE.
    const report = sampleReport("2021");
    const cells = applications(report);
    cells.total!.naturalPerson! += 6;
    cells.newlyReceived!.naturalPerson! += 6;
    const withoutBalance = validate(report, { rules: { "T3-BALANCE": "off" }, today: TODAY });
    expect(arithmetic(withoutBalance).length).toBeGreaterThan(0);
    expect(withoutBalance.diagnostics.some((diagnostic) => diagnostic.pinpoint)).toBe(false);
    expect(validate(report, { today: TODAY }).diagnostics.some((diagnostic) => diagnostic.pinpoint)).toBe(false);
  });

  it("with last year's report, never offers a value that breaks X-CARRY-OVER", () => {
    // This year's 二/自然人 is 3 too high, and so is last year's 四/自然人: this year's 二 agrees with last year.
    // Alone, this year's 二/自然人 would repair R2 of 二 and T3-BALANCE — and break X-CARRY-OVER.
    const report = sampleReport("2021");
    const previous = sampleReport("2021", { previous: true });
    applications(report).carriedOver!.naturalPerson! += 3;
    applications(previous).carriedForward!.naturalPerson! += 3; // (last year's row 四 no longer adds up: its concern)
    const alone = validate(report, { today: TODAY });
    expect(alone.diagnostics[0]!.pinpoint).toMatchObject({ pointer: "/applications/carriedOver/naturalPerson", stated: 5, suggested: 2 });
    const withPrevious = validate(report, { previous, today: TODAY });
    expect(withPrevious.outcomes.find((outcome) => outcome.ruleId === "X-CARRY-OVER")).toMatchObject({ outcome: "pass" });
    expect(arithmetic(withPrevious).length).toBeGreaterThan(0);
    expect(withPrevious.diagnostics.some((diagnostic) => diagnostic.pinpoint)).toBe(false);
  });
});

describe("candidates without a value", () => {
  it("names the cells one of which is wrong when several could each repair the failure alone", () => {
    const report = sampleReport("2021");
    // 复议后起诉: 维持 5, 总计 0 — either 总计 should be 5 or 维持 should be 0 (any other cell would have to be −5).
    report.reviewAndLitigation.litigationAfterReconsideration = { upheld: 5, corrected: 0, other: 0, pending: 0, total: 0 };
    const [diagnostic] = arithmetic(validate(report, { today: TODAY }));
    expect(diagnostic!.pinpoint).toBeUndefined();
    expect(diagnostic!.candidates?.map((cell) => [cell.pointer, cell.value])).toEqual([
      ["/reviewAndLitigation/litigationAfterReconsideration/total", 0],
      ["/reviewAndLitigation/litigationAfterReconsideration/upheld", 5],
    ]);
    expect(diagnostic!.message).toContain(
      "可能有误的单元格：表四 / 复议后起诉 / 总计（填报 0）、表四 / 复议后起诉 / 结果维持（填报 5）之一；无法确定是哪一个，故不给出建议值。"
    );
    expect(diagnostic!.messageEn).toContain(
      "Likely faulty cell: either Table 4 / Litigation after reconsideration / Total (states 0) or Table 4 / Litigation after reconsideration / Upheld (states 5); which one cannot be told, so no value is suggested."
    );
  });

  it("names one cell without a value when another identity it is in cannot be checked", () => {
    const report = sampleReport("2021") as unknown as { applications: Cells };
    report.applications.carriedOver!.naturalPerson = null; // T3-BALANCE of 自然人 (and R2 of 二) can no longer be assessed
    report.applications.newlyReceived!.naturalPerson! += 4; // R2 of 一 fails; only 一/自然人 can repair it alone
    const result = validate(report, { today: TODAY, profile: "audit" });
    const [diagnostic] = arithmetic(result);
    expect(diagnostic).toMatchObject({ ruleId: "T3-SUM-ROW", difference: -4 });
    expect(diagnostic!.pinpoint).toBeUndefined();
    expect(diagnostic!.candidates?.map((cell) => cell.pointer)).toEqual(["/applications/newlyReceived/naturalPerson"]);
    expect(diagnostic!.message).toContain(
      "可能有误的单元格：表三 / 自然人 / 一、本年新收政府信息公开申请数量（填报 29）；它所在的另一项勾稽关系因空白或无效单元格无法核验，故不给出建议值。"
    );
    expect(diagnostic!.messageEn).toContain("no value is suggested because another identity it takes part in cannot be checked");
  });

  it("names no candidates when more than five cells could each explain the failure", () => {
    const report = sampleReport("2021") as unknown as { applications: Cells };
    // Every row's 总计 blank: the rows cannot be assessed, so each outcome cell of 自然人 could alone explain its column.
    for (const row of Object.values(report.applications)) row.total = null;
    report.applications.disclosed!.naturalPerson = 5; // consistent: 12; any outcome cell of 自然人 + 7 repairs R3 alone
    const failures = arithmetic(validate(report, { today: TODAY, profile: "audit" }));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ ruleId: "T3-SUM-COLUMN", stated: 23, expected: 16 });
    expect(failures[0]!.candidates).toBeUndefined();
    expect(failures[0]!.pinpoint).toBeUndefined();
  });
});

describe("on a real report (008 淮安市人民政府 2024, consistent as published) with errors planted", () => {
  const published = () =>
    JSON.parse(readFileSync(new URL("../test/fixtures/008-2024-huaian-shi.json", import.meta.url), "utf8")) as { applications: Cells };

  it("one typo in a detail cell: pinpointed, with the published value as the repair", () => {
    const report = published();
    report.applications.withheldInternalAffairs!.naturalPerson = 13; // published: 7
    const result = validate(report, { today: TODAY, profile: "audit" });
    const [diagnostic, ...others] = arithmetic(result).filter((failure) => !failure.ruleId.startsWith("X-"));
    expect(diagnostic!.pinpoint).toMatchObject({ pointer: "/applications/withheldInternalAffairs/naturalPerson", stated: 13, suggested: 7 });
    expect(others.map((other) => other.ruleId)).toEqual(["T3-SUM-COLUMN"]); // grouped under it
    expect(diagnostic!.message).toBe(
      "表三“5.属于三类内部事务信息”一行：自然人与法人或其他组织各列之和为 14，总计填报 8，相差 -6。" +
        "可能有误的单元格：表三 / 自然人 / 5.属于三类内部事务信息（填报 13）；若改为 7，以下 2 项勾稽关系均可成立。"
    );
  });

  it("the row typed 6 too high in 自然人 and in 总计: both columns fail, T3-BALANCE holds, and no value is offered", () => {
    const report = published();
    report.applications.withheldInternalAffairs!.naturalPerson = 13; // published: 7
    report.applications.withheldInternalAffairs!.total = 14; // published: 8
    const result = validate(report, { today: TODAY, profile: "audit" });
    const failures = arithmetic(result);
    expect(failures.map((failure) => failure.message)).toEqual([
      "表三“自然人”一列：（一）至（六）各项办理结果之和为 2938，（七）总计填报 2932，相差 -6。",
      "表三“总计”一列：（一）至（六）各项办理结果之和为 3056，（七）总计填报 3050，相差 -6。",
    ]);
    expect(failures.some((failure) => failure.pinpoint || failure.candidates)).toBe(false);
    expect(result.outcomes.find((outcome) => outcome.ruleId === "T3-BALANCE")).toMatchObject({ outcome: "pass" });
  });
});
