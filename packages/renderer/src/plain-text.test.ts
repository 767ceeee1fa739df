import { EDITIONS, layoutOf, SECTION_LAYOUTS, type Report } from "@xxgk/schema";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { exampleReport, numberedReport } from "../test/fixtures.js";
import { flatTables } from "./flat-tables.js";
import { renderText, wrapLabel } from "./plain-text.js";

const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });

/** The part of a line between two display columns (CJK characters count two). */
function sliceByWidth(line: string, start: number, end: number): string {
  let column = 0;
  let result = "";
  for (const { segment } of graphemes.segment(line)) {
    const width = stringWidth(segment);
    if (column >= start && column + width <= end) result += segment;
    column += width;
  }
  return result;
}

/** Each table of the text: its rule line's column ranges, and the lines below it up to the blank line. */
function textTables(text: string): { columns: [number, number][]; lines: string[] }[] {
  const lines = text.split("\n");
  const tables: { columns: [number, number][]; lines: string[] }[] = [];
  lines.forEach((line, index) => {
    if (!/^-+( {2}-+)+$/.test(line)) return;
    const columns: [number, number][] = [];
    for (const match of line.matchAll(/-+/g)) columns.push([match.index, match.index + match[0].length]);
    const body: string[] = [];
    for (let next = index + 1; lines[next] !== ""; next += 1) body.push(lines[next]!);
    tables.push({ columns, lines: body });
  });
  return tables;
}

describe.each(EDITIONS)("renderText, edition %s", (edition) => {
  const report: Report = numberedReport(edition);
  const text = renderText(report);

  it("prints the title underlined to its display width, the six headings and the indented paragraphs", () => {
    const lines = text.split("\n");
    expect(stringWidth(lines[1]!)).toBe(stringWidth(lines[0]!));
    expect(lines[1]).toMatch(/^=+$/);
    for (const section of SECTION_LAYOUTS) expect(lines).toContain(section.heading);
    expect(lines).toContain("\u3000\u3000主动公开信息 75 条。");
    expect(lines).toContain("（一）主动公开情况");
  });

  it("aligns every value under its column by display width, right-aligned, on the last line of its row label", () => {
    const tables = textTables(text);
    const flat = [
      ...flatTables(report, "table2"),
      ...flatTables(report, "table3"),
      ...flatTables(report, "table4"),
    ];
    expect(tables).toHaveLength(flat.length);
    tables.forEach((table, index) => {
      const expected = flat[index]!;
      expect(table.columns).toHaveLength(expected.columns.length + 1);
      const [labelStart, labelEnd] = table.columns[0]!;
      // Rows are found by the last line of their wrapped label.
      let line = 0;
      for (const row of expected.rows) {
        const labelLines = wrapLabel(row.label, 36);
        line += labelLines.length - 1;
        const current = table.lines[line]!;
        expect(sliceByWidth(current, labelStart, labelEnd).trimEnd()).toBe(labelLines.at(-1));
        row.values.forEach((value, column) => {
          const [start, end] = table.columns[column + 1]!;
          const cell = sliceByWidth(current.padEnd(end + 40), start, end);
          expect(cell.trimStart()).toBe(value);
          if (value !== "") expect(cell.endsWith(value)).toBe(true);
        });
        line += 1;
      }
      expect(line).toBe(table.lines.length);
    });
  });

  it("writes 表三's merged labels in full", () => {
    expect(text).toContain("三、本年度办理结果 / （一）予以公开");
    const lines = text.split("\n");
    const headerLine = lines.findIndex((line) => line.includes(layoutOf(edition).table3.columns[1]!.label));
    expect(lines[headerLine - 1]).toContain("法人或其他组织");
    expect(lines[headerLine - 2]).toContain("申请人情况");
  });
});

describe("renderText", () => {
  it("leaves blank cells blank: the example's 行政复议 row has no value", () => {
    const lines = renderText(exampleReport()).split("\n");
    expect(lines.find((line) => line.startsWith("行政复议"))).toBe("行政复议");
    expect(lines.find((line) => line.startsWith("行政诉讼 / 复议后起诉"))).toMatch(/^行政诉讼 \/ 复议后起诉( +0){5}$/);
  });

  it("cannot be used to send escape sequences to a terminal", () => {
    const report = exampleReport();
    report.meta.title = "\u001b]0;pwned\u0007\u009b31m标题";
    report.overview = { paragraphs: ["\u001b[2J清屏\u0000"] };
    const text = renderText(report);
    expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
    expect(text.split("\n")[0]).toBe("]0;pwned31m标题");
  });

  it("wraps long labels between segments, and inside a segment only when it is wider than the column", () => {
    expect(wrapLabel(["三、本年度办理结果", "（一）予以公开"], 36)).toEqual(["三、本年度办理结果 / （一）予以公开"]);
    expect(wrapLabel(["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密"], 36)).toEqual([
      "三、本年度办理结果 / （三）不予公开",
      "1.属于国家秘密",
    ]);
    expect(wrapLabel(["本年收费金额（单位：万元）"], 16)).toEqual(["本年收费金额（单", "位：万元）"]);
  });
});

describe("displayWidth", () => {
  it("agrees with string-width on report text, mixed scripts and long strings", async () => {
    const { displayWidth } = await import("./plain-text.js");
    const samples = [
      "一、本年新收政府信息公开申请数量",
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "3.危及“三安全一稳定”",
      "2023 年，我局通过政府网站共发布各类信息 75 条。",
      "ｆｕｌｌｗｉｄｔｈ！",
      "e\u0301 👍🏽 한국어 ｶﾀｶﾅ",
      "中a".repeat(5000) + "e\u0301".repeat(300),
    ];
    for (const sample of samples) expect(displayWidth(sample), sample.slice(0, 20)).toBe(stringWidth(sample));
  });
});
