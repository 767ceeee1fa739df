import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, example2019, exampleReport, requireBuild, tempDir, xxgk } from "./helpers.js";

let dir: string;
const run = (args: string[]) => xxgk(args, { cwd: dir });

function csvRows(text: string): string[][] {
  // Test data has no quoted commas; split is enough here.
  return text.replace(/^\ufeff/, "").trimEnd().split("\r\n").map((line) => line.split(","));
}

beforeAll(() => {
  requireBuild();
  dir = tempDir();
  writeFileSync(join(dir, "a.json"), JSON.stringify(exampleReport()));
  writeFileSync(join(dir, "b.json"), JSON.stringify(example2019()));
  writeFileSync(join(dir, "invalid.json"), readFileSync(join(EXAMPLES, "invalid/unknown-edition.json")));
});

describe("xxgk export", () => {
  it("writes long CSV with a BOM, the official labels and one row per cell", () => {
    const result = run(["export", "a.json", "b.json"]);
    expect(result.status).toBe(0);
    expect(result.stdoutBytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = csvRows(result.stdout);
    expect(header).toEqual(["file", "body", "year", "edition", "table", "row", "column", "value", "pointer", "problem"]);
    const find = (file: string, table: string, row: string, column: string) =>
      rows.filter((cells) => cells[0] === file && cells[4] === table && cells[5] === row && cells[6] === column);
    expect(find("a.json", "三", "（三）不予公开/1.属于国家秘密", "自然人")).toHaveLength(1);
    expect(find("a.json", "三", "一、本年新收政府信息公开申请数量", "自然人")).toHaveLength(1);
    expect(find("b.json", "四", "复议后起诉", "结果维持")).toHaveLength(1);
    expect(new Set(rows.map((cells) => cells[3]))).toEqual(new Set(["2021", "2019"]));
    // The example leaves 行政复议 blank: exported empty, never 0.
    expect(find("a.json", "四", "行政复议", "总计")[0]![7]).toBe("");
    expect(find("a.json", "四", "未经复议直接起诉", "总计")[0]![7]).toBe("0");
  });

  it("writes wide CSV with one row per report", () => {
    const [header, ...rows] = csvRows(run(["export", "a.json", "b.json", "--wide"]).stdout);
    expect(rows).toHaveLength(2);
    expect(header!.slice(0, 4)).toEqual(["file", "body", "year", "edition"]);
    expect(rows.every((row) => row.length === header!.length)).toBe(true);
  });

  it("writes NDJSON with null for blank cells", () => {
    const lines = run(["export", "a.json", "--to", "ndjson"]).stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { row: string; column: string; value: number | null });
    const cell = lines.find((line) => line.row === "行政复议" && line.column === "总计")!;
    expect(cell.value).toBeNull();
    const wide = JSON.parse(run(["export", "a.json", "--to", "ndjson", "--wide"]).stdout) as Record<string, unknown>;
    expect(wide["表四/行政复议/总计"]).toBeNull();
  });

  it("leaves out invalid reports, says so on stderr and exits 1", () => {
    const result = run(["export", "a.json", "invalid.json"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("invalid.json");
    expect(result.stdout).not.toContain("invalid.json");
  });

  it("writes -o atomically, never over an input, and not over an existing file without --force", () => {
    expect(run(["export", ".", "-o", "data.csv"]).status).toBe(1);
    expect(readFileSync(join(dir, "data.csv"), "utf8")).toContain("a.json");
    expect(run(["export", "a.json", "-o", "data.csv"]).status).toBe(2);
    expect(run(["export", "a.json", "-o", "a.json", "--force"]).status).toBe(2);
    expect(JSON.parse(readFileSync(join(dir, "a.json"), "utf8"))).toEqual(exampleReport());
  });
});
