// Real published reports, hand-transcribed from ../shared/corpus into test/fixtures (numbers exactly as published;
// see test/fixtures/README.md). Known defects must be reported; consistent reports must get no false finding.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { validate, type Diagnostic, type ValidationResult } from "../src/index.js";

const TODAY = new Date("2025-06-01T00:00:00Z");

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(fileURLToPath(new URL(`fixtures/${name}.json`, import.meta.url)), "utf8"));
}

function summary(result: ValidationResult): [string, string, string][] {
  return result.diagnostics.map((diagnostic: Diagnostic) => [diagnostic.ruleId, diagnostic.outcome, diagnostic.severity]);
}

function outcome(result: ValidationResult, ruleId: string) {
  return result.outcomes.find((item) => item.ruleId === ruleId);
}

describe("006 洪泽区人民政府 2023: 表四 is inconsistent as published", () => {
  const result = validate(fixture("006-2023-huaian-hongzequ"), { profile: "audit", today: TODAY });

  it("reports 行政复议 维持 10 + 纠正 1 under 总计 0, and pinpoints 总计 (no other single cell can be right)", () => {
    const [reconsideration] = result.diagnostics;
    expect(reconsideration).toMatchObject({
      ruleId: "T4-SUM-GROUP",
      severity: "error",
      stated: 0,
      expected: 11,
      difference: -11,
      pinpoint: { pointer: "/reviewAndLitigation/reconsideration/total", label: "表四 / 行政复议 / 总计", stated: 0, suggested: 11 },
    });
    // 11 repairs: 总计 takes part in no other identity, and 维持, 纠正, 其他 or 尚未审结 would have to be negative.
    expect(reconsideration!.message).toBe(
      "表四“行政复议”：结果维持、结果纠正、其他结果、尚未审结之和为 11，总计填报 0，相差 -11。" +
        "可能有误的单元格：表四 / 行政复议 / 总计（填报 0）；若改为 11，此项勾稽关系即可成立，且不影响其他已成立的关系。"
    );
    expect(reconsideration!.candidates).toBeUndefined();
  });

  it("also reports 复议后起诉 维持 5 under 总计 0, naming both cells that could be wrong and suggesting no value", () => {
    const second = result.diagnostics[1]!;
    expect(second).toMatchObject({ ruleId: "T4-SUM-GROUP", stated: 0, expected: 5 });
    expect(second.pinpoint).toBeUndefined();
    expect(second.candidates?.map((cell) => cell.pointer)).toEqual([
      "/reviewAndLitigation/litigationAfterReconsideration/total",
      "/reviewAndLitigation/litigationAfterReconsideration/upheld",
    ]);
    expect(second.message).toBe(
      "表四“行政诉讼（复议后起诉）”：结果维持、结果纠正、其他结果、尚未审结之和为 5，总计填报 0，相差 -5。" +
        "可能有误的单元格：表四 / 复议后起诉 / 总计（填报 0）、表四 / 复议后起诉 / 结果维持（填报 5）之一；无法确定是哪一个，故不给出建议值。"
    );
    expect(second.messageEn).toBe(
      "Table 4, “Litigation after reconsideration”: upheld + corrected + other + pending = 5 but the total states 0 (difference -5). " +
        "Likely faulty cell: either Table 4 / Litigation after reconsideration / Total (states 0) or " +
        "Table 4 / Litigation after reconsideration / Upheld (states 5); which one cannot be told, so no value is suggested."
    );
  });

  it("finds nothing else: 表三 adds up and the prose (受理 21 件) matches it", () => {
    expect(summary(result)).toEqual([
      ["T4-SUM-GROUP", "fail", "error"],
      ["T4-SUM-GROUP", "fail", "error"],
    ]);
    expect(outcome(result, "PROSE-FIGURES")).toEqual({ ruleId: "PROSE-FIGURES", outcome: "pass", evaluated: 1, failed: 0, notAssessable: 0 });
    expect(result.ok).toBe(false);
  });
});

describe("007 淮安市洪泽区人民政府 2024, with 006 as last year", () => {
  const result = validate(fixture("007-2024-huaian-hongzequ"), {
    profile: "audit",
    previous: fixture("006-2023-huaian-hongzequ"),
    today: TODAY,
  });

  it("passes the cross-year rules: 二 equals 006's 四, 现行有效件数 follow on (5 + 3 − 0 = 8)", () => {
    expect(outcome(result, "X-PREVIOUS-REPORT")).toMatchObject({ evaluated: 2, failed: 1 }); // the year follows on; the names differ
    expect(outcome(result, "X-CARRY-OVER")).toMatchObject({ outcome: "pass", evaluated: 7 });
    expect(outcome(result, "X-IN-FORCE")).toMatchObject({ outcome: "pass", evaluated: 2 });
  });

  it("warns that 006 is printed as by 洪泽区人民政府, not 淮安市洪泽区人民政府: only an exact name is the same body", () => {
    expect(result.diagnostics[0]).toMatchObject({ ruleId: "X-PREVIOUS-REPORT", severity: "warning", pointers: ["/meta/body"] });
    expect(result.diagnostics[0]!.message).toBe(
      "上年报告的发布机关为“洪泽区人民政府”，与本报告“淮安市洪泽区人民政府”不同（似为同一机关名称的简写，跨年度勾稽关系照常比对，请核对）。",
    );
  });

  it("warns that the prose says 17 applications where 表三 says 95", () => {
    expect(summary(result)).toEqual([
      ["X-PREVIOUS-REPORT", "fail", "warning"],
      ["PROSE-FIGURES", "fail", "warning"],
    ]);
    expect(result.diagnostics[1]).toMatchObject({ stated: 17, expected: 95, difference: -78 });
    expect(result.diagnostics[1]!.message).toBe(
      "“一、总体情况”写有“受理政府信息公开申请 17 件”，而表中本年新收政府信息公开申请数量为 95，相差 -78。",
    );
    expect(result.ok).toBe(true);
  });

  it("reports a wrong carry-over when last year's report says otherwise", () => {
    const previous = fixture("006-2023-huaian-hongzequ") as { applications: Record<string, Record<string, number>> };
    previous.applications.carriedForward!.naturalPerson = 2;
    previous.applications.carriedForward!.total = 2;
    const crossed = validate(fixture("007-2024-huaian-hongzequ"), { profile: "audit", previous, today: TODAY });
    expect(crossed.diagnostics.filter((diagnostic) => diagnostic.ruleId === "X-CARRY-OVER").map((diagnostic) => diagnostic.difference)).toEqual([
      -2, -2,
    ]);
  });
});

describe("008 淮安市人民政府 2024: a consistent report with large figures", () => {
  it("gets no finding at all, and its prose figures (3119, 3050, 34, 103, 351, 46) all match", () => {
    for (const profile of ["publish", "audit"] as const) {
      const result = validate(fixture("008-2024-huaian-shi"), { profile, today: TODAY });
      expect(result.diagnostics).toEqual([]);
      expect(outcome(result, "PROSE-FIGURES")).toMatchObject({ outcome: "pass", evaluated: 6 });
    }
  });
});

describe("008 with its overview replaced: prose figures that do not state the year's total are not compared", () => {
  const withOverview = (paragraph: string) => {
    const report = fixture("008-2024-huaian-shi") as { overview: unknown };
    report.overview = { paragraphs: [paragraph] };
    return validate(report, { profile: "audit", today: TODAY }).diagnostics.filter(
      (diagnostic) => diagnostic.ruleId === "PROSE-FIGURES"
    );
  };

  it.each([
    "本年度共收到政府信息公开申请3119件，其中逾期答复0件。",
    "本年度共收到政府信息公开申请3119件，超期答复0件。",
    "本年度共收到政府信息公开申请3119件，依法答复1件，其余正在办理。",
    "全年共受理政府信息公开申请3119件，其中通过互联网收到政府信息公开申请3000件，信函收到政府信息公开申请119件。",
    "全年共受理政府信息公开申请3119件，同比增长10%，其中市政府办公室受理政府信息公开申请100件。",
    "本年度收到政府信息公开申请3119件，较上年收到政府信息公开申请2000件增长。",
    "本年度收到政府信息公开申请3119件，上年收到政府信息公开申请2000件。",
    "本年度收到政府信息公开申请3119件，同比多收到政府信息公开申请100件。",
    "2023年收到政府信息公开申请2000件，2024年收到政府信息公开申请3119件。",
  ])("no warning: %s", (paragraph) => {
    expect(withOverview(paragraph)).toEqual([]);
  });

  it.each([
    ["共收到申请十二件。", 12, "/applications/newlyReceived/total", 3119],
    ["本年共收到申请12件。", 12, "/applications/newlyReceived/total", 3119],
    ["上年结转3件。", 3, "/applications/carriedOver/total", 34],
    ["上年结转申请3件。", 3, "/applications/carriedOver/total", 34],
  ])("compares %s with the table", (paragraph, stated, pointer, expected) => {
    const [diagnostic, ...others] = withOverview(paragraph);
    expect(others).toEqual([]);
    expect(diagnostic).toMatchObject({ stated, expected, statedBy: ["/overview/paragraphs/0"] });
    expect(diagnostic!.pointers).toEqual(["/overview/paragraphs/0", pointer]);
  });
});

describe("014 沭阳县发展和改革局 2023: five blank 法人或其他组织 columns", () => {
  const audit = validate(fixture("014-2023-shuyang-fagaiju"), { profile: "audit", today: TODAY });

  it("reports each blank column once, as warnings under audit and errors under publish", () => {
    const blanks = audit.diagnostics.filter((diagnostic) => diagnostic.ruleId === "BLANK-CELL");
    expect(blanks.map((diagnostic) => /^表三“(.+?)”一列有 25 个单元格空白（整体空白）/.exec(diagnostic.message)?.[1])).toEqual([
      "商业企业",
      "科研机构",
      "社会公益组织",
      "法律服务机构",
      "其他",
    ]);
    expect(blanks.every((diagnostic) => diagnostic.severity === "warning" && diagnostic.pointers.length === 25)).toBe(true);
    expect(audit.ok).toBe(true);
    const publish = validate(fixture("014-2023-shuyang-fagaiju"), { today: TODAY });
    expect(publish.diagnostics.filter((diagnostic) => diagnostic.ruleId === "BLANK-CELL").every((diagnostic) => diagnostic.severity === "error")).toBe(
      true,
    );
    expect(publish.ok).toBe(false);
  });

  it("never imputes 0: identities over the blank columns are not assessable, 自然人 and 总计 are checked and pass", () => {
    expect(outcome(audit, "T3-SUM-ROW")).toMatchObject({ outcome: "not-assessable", evaluated: 25, notAssessable: 25, failed: 0 });
    expect(outcome(audit, "T3-SUM-COLUMN")).toMatchObject({ outcome: "not-assessable", evaluated: 7, notAssessable: 5, failed: 0 });
    expect(outcome(audit, "T3-BALANCE")).toMatchObject({ outcome: "not-assessable", evaluated: 7, notAssessable: 5, failed: 0 });
    expect(outcome(audit, "T4-SUM-GROUP")).toMatchObject({ outcome: "pass" });
    expect(outcome(audit, "PROSE-FIGURES")).toMatchObject({ outcome: "pass", evaluated: 1 });
  });

  it("warns that section 六 does not mention 信息处理费 (it only says 未发生收费情况)", () => {
    expect(summary(audit).filter(([, result]) => result === "fail")).toEqual([
      ["BLANK-CELL", "fail", "warning"],
      ["BLANK-CELL", "fail", "warning"],
      ["BLANK-CELL", "fail", "warning"],
      ["BLANK-CELL", "fail", "warning"],
      ["BLANK-CELL", "fail", "warning"],
      ["PROSE-FEE-MENTION", "fail", "warning"],
    ]);
  });
});

describe("000 石嘴山市商务局 2023 (examples/): five blank 行政复议 cells", () => {
  const result = validate(fixture("000-2023-shizuishan-shangwuju"), { profile: "audit", today: TODAY });

  it("reports the blank group and leaves its identity not assessable; the rest passes", () => {
    expect(summary(result)).toEqual([
      ["BLANK-CELL", "fail", "warning"],
      ["T4-SUM-GROUP", "not-assessable", "info"],
    ]);
    expect(result.diagnostics[0]!.pointers).toEqual([
      "/reviewAndLitigation/reconsideration/upheld",
      "/reviewAndLitigation/reconsideration/corrected",
      "/reviewAndLitigation/reconsideration/other",
      "/reviewAndLitigation/reconsideration/pending",
      "/reviewAndLitigation/reconsideration/total",
    ]);
    expect(outcome(result, "T4-SUM-GROUP")).toMatchObject({ evaluated: 3, notAssessable: 1, failed: 0 });
    // “未收到政府信息公开申请” is read as 0 and matches 表三.
    expect(outcome(result, "PROSE-FIGURES")).toMatchObject({ outcome: "pass", evaluated: 1 });
  });
});
