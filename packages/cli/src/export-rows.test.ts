import { createEmptyReport, parseReport, type Report } from "@xxgk/schema";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exportHeader, exportReport, LONG_COLUMNS, wideCellColumns } from "./export-rows.js";

const example = (() => {
  const parsed = parseReport(JSON.parse(readFileSync(new URL("../../../examples/2023-shizuishan-shangwuju.json", import.meta.url), "utf8")));
  if (!parsed.success) throw new Error("example must be valid");
  return parsed.report;
})();

function parseCsv(text: string): string[][] {
  return text
    .trimEnd()
    .split("\r\n")
    .map((line) => line.split(","));
}

describe("long form", () => {
  it("has one row per cell with official labels, qualified sub-items and table ordinals", () => {
    const rows = parseCsv(exportReport(example, "a.json", "csv", false));
    const header = parseCsv(exportHeader("csv", false))[0]!;
    expect(header).toEqual([...LONG_COLUMNS]);
    const row = (table: string, label: string, column: string) => rows.find((cells) => cells[4] === table && cells[5] === label && cells[6] === column);
    expect(row("三", "一、本年新收政府信息公开申请数量", "自然人")).toBeDefined();
    expect(row("三", "（三）不予公开/1.属于国家秘密", "总计")).toBeDefined();
    expect(row("四", "复议后起诉", "结果维持")).toBeDefined();
    expect(row("四", "行政复议", "总计")).toBeDefined();
    expect(row("四", "未经复议直接起诉", "尚未审结")).toBeDefined();
    expect(rows[0]!.slice(0, 4)).toEqual(["a.json", example.meta.body, String(example.meta.year), "2021"]);
  });

  it("exports a blank cell as an empty value and 0 as 0", () => {
    const report = createEmptyReport({ edition: "2019", year: 2020, body: "某县人民政府" }) as Report & { applications: Record<string, Record<string, number | null>> };
    report.applications.newlyReceived!.naturalPerson = null;
    const lines = exportReport(report, "b.json", "ndjson", false).trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    const blank = lines.find((line) => line.pointer === "/applications/newlyReceived/naturalPerson")!;
    expect(blank.value).toBeNull();
    expect(lines.find((line) => line.pointer === "/applications/newlyReceived/total")!.value).toBe(0);
    const csv = parseCsv(exportReport(report, "b.json", "csv", false));
    expect(csv.find((cells) => cells[8] === "/applications/newlyReceived/naturalPerson")![7]).toBe("");
  });
});

describe("wide form", () => {
  it("has one row per report with a column per cell of both editions", () => {
    const header = parseCsv(exportHeader("csv", true))[0]!;
    expect(header.slice(0, 4)).toEqual(["file", "body", "year", "edition"]);
    expect(header).toContain("表三/（三）不予公开/1.属于国家秘密/自然人");
    expect(header.length).toBe(4 + wideCellColumns().length + 1);
    expect(header.at(-1)).toBe("problems");
    const line = parseCsv(exportReport(example, "a.json", "csv", true));
    expect(line).toHaveLength(1);
    expect(line[0]).toHaveLength(header.length);
  });
});
