// Honest outcomes on the command line (issue 12): --previous gated to this body's valid report of the year before and
// checked under its own name, batch summaries that name the reports that could hardly be checked, profile names in any
// case, and counts beyond 2^53 − 1 exported as invalid cells. Real reports: 006 and 007 of 淮安市洪泽区 (2023, 2024).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleReport, requireBuild, tempDir, xxgk } from "./helpers.js";

let dir: string;
const run = (args: string[]) => xxgk(args, { cwd: dir });

function real(name: string): Record<string, any> {
  const url = new URL(`../../validators/test/fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(fileURLToPath(url), "utf8"));
}

beforeAll(() => {
  requireBuild();
  dir = tempDir();
  writeFileSync(join(dir, "007.json"), JSON.stringify(real("007-2024-huaian-hongzequ")));
  writeFileSync(join(dir, "006.json"), JSON.stringify(real("006-2023-huaian-hongzequ")));
  const other = real("006-2023-huaian-hongzequ");
  other.meta.body = "淮安市淮阴区人民政府";
  other.applications.carriedForward.naturalPerson += 3;
  writeFileSync(join(dir, "other-body.json"), JSON.stringify(other));
  const broken = real("006-2023-huaian-hongzequ");
  broken.applications.carriedForward.naturalPerson = "1件";
  writeFileSync(join(dir, "broken-previous.json"), JSON.stringify(broken));
  const blank = exampleReport() as { applications: Record<string, Record<string, unknown>> };
  for (const row of Object.values(blank.applications)) for (const key of Object.keys(row)) row[key] = null;
  writeFileSync(join(dir, "blank-tables.json"), JSON.stringify(blank));
  writeFileSync(join(dir, "good.json"), JSON.stringify(exampleReport()));
  const huge = exampleReport() as { reviewAndLitigation: Record<string, Record<string, number>> };
  huge.reviewAndLitigation.reconsideration!.pending = 1e21;
  writeFileSync(join(dir, "huge.json"), JSON.stringify(huge));
});

describe("xxgk validate --previous", () => {
  it("with another body's report: the cross-year rules are not assessable, with the reason, and the exit code stays 0", () => {
    const result = run(["validate", "007.json", "--previous", "other-body.json", "--profile", "audit", "--format", "ndjson"]);
    expect(result.status).toBe(0);
    const line = JSON.parse(result.stdout.trim()) as {
      outcomes: { ruleId: string; outcome: string; reason?: { zh: string } }[];
      diagnostics: { ruleId: string; outcome: string; message: string }[];
      previous: { file: string; ok: boolean };
    };
    expect(line.outcomes.find((outcome) => outcome.ruleId === "X-CARRY-OVER")).toMatchObject({
      outcome: "not-assessable",
      reason: { zh: "上年报告的发布机关为“淮安市淮阴区人民政府”，与本报告“淮安市洪泽区人民政府”不同" },
    });
    expect(line.diagnostics.some((diagnostic) => diagnostic.ruleId === "X-CARRY-OVER" && diagnostic.outcome === "fail")).toBe(false);
    expect(line.previous).toMatchObject({ file: "other-body.json", ok: false });
  });

  it("lists the previous report's own errors under its own file name, apart from this year's", () => {
    const result = run(["validate", "007.json", "--previous", "006.json", "--profile", "audit"]);
    expect(result.status).toBe(0); // 007 itself has no error; 006's two 表四 errors are 006's
    const [ours, theirs] = result.stdout.split("\n\n006.json\n");
    expect(ours).toMatch(/^007\.json\n/);
    expect(ours).not.toContain("T4-SUM-GROUP");
    expect(ours).toContain("2 个警告；");
    expect(theirs!.match(/错误 T4-SUM-GROUP/g)).toHaveLength(2);
  });

  it("with a structurally invalid previous report: not assessable, and the problem is named in that file", () => {
    const result = run(["validate", "007.json", "--previous", "broken-previous.json", "--profile", "audit", "--lang", "en"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("The previous report is structurally invalid");
    expect(result.stdout).toMatch(/^broken-previous\.json\n {2}error CELL-VALUE/m);
    expect(result.stdout).not.toMatch(/error X-CARRY-OVER/);
  });
});

describe("batch summary", () => {
  it("names the reports that could hardly be checked instead of counting them as without errors, with no '0 个提示' noise", () => {
    const result = run(["validate", "good.json", "blank-tables.json", "--profile", "audit", "--format", "ndjson"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("检查了 2 份报告：1 份没有错误，0 份有错误，1 份大部分勾稽关系无法评估（未计入“没有错误”）");
    expect(result.stderr).toContain("无法评估的报告：blank-tables.json");
    expect(result.stderr).not.toMatch(/ 0 个(错误|警告|提示)/);
    const en = run(["validate", "good.json", "blank-tables.json", "--profile", "audit", "--format", "ndjson", "--lang", "en"]);
    expect(en.stderr).toContain("1 without errors, 0 with errors, 1 mostly not assessable");
    expect(en.stderr).toContain("mostly not assessable: blank-tables.json");
    expect(en.stderr).not.toMatch(/\(s\)|0 infos/);
  });
});

describe("options", () => {
  it("accepts --profile AUDIT", () => {
    const upper = run(["validate", "blank-tables.json", "--profile", "AUDIT", "--format", "ndjson"]);
    expect(upper.status).toBe(0);
    const lower = run(["validate", "blank-tables.json", "--profile", "audit", "--format", "ndjson"]);
    expect(upper.stdout).toBe(lower.stdout);
  });
});

describe("counts beyond 2^53 − 1", () => {
  it("validate says the count exceeds the representable range, never 1e+21", () => {
    const result = run(["validate", "huge.json", "--format", "ndjson"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("超出可精确表示的整数范围（1000000000000000000000");
    expect(result.stdout).not.toMatch(/1e\+21(?!\d)[^,}]*[\u4e00-\u9fff]/u);
  });

  it("export leaves the cell empty and says why, as for every invalid cell (never 不是数字)", () => {
    const result = run(["export", "huge.json", "--to", "csv"]);
    const row = result.stdout.split(/\r?\n/).find((line) => line.includes("/reviewAndLitigation/reconsideration/pending"))!;
    expect(row).toContain(",,/reviewAndLitigation/reconsideration/pending,填报 1000000000000000000000，超出可精确表示的整数范围");
    expect(row).not.toContain("不是数字");
    expect(row).not.toContain("1e+21");
  });
});
