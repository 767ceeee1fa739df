import { EDITIONS, layoutOf, SECTION_LAYOUTS, type Report } from "@xxgk/schema";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { exampleReport, numberedReport } from "../test/fixtures.js";
import { flatTables } from "./flat-tables.js";
import { COLUMN_WIDTH, displayWidth, LABEL_WIDTH, renderText, wrapHeader, wrapLabel } from "./plain-text.js";

const graphemes = new Intl.Segmenter("zh", { granularity: "grapheme" });
/** Width as a Chinese terminal shows it: ambiguous-width characters (curly quotes) are wide. */
const width = (text: string) => stringWidth(text, { ambiguousIsNarrow: false });

/** The part of a line between two display columns (CJK characters count two). */
function sliceByWidth(line: string, start: number, end: number): string {
  let column = 0;
  let result = "";
  for (const { segment } of graphemes.segment(line)) {
    const cellWidth = width(segment);
    if (column >= start && column + cellWidth <= end) result += segment;
    column += cellWidth;
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
    expect(width(lines[1]!)).toBe(width(lines[0]!));
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
        const labelLines = wrapLabel(row.label, LABEL_WIDTH);
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

  /** 表三's lines: the header, the rule, the rows; and the rule's column ranges. */
  function table3Lines() {
    const lines = text.split("\n");
    const start = lines.indexOf(SECTION_LAYOUTS.find((section) => section.table === "table3")!.heading) + 2;
    const table = lines.slice(start, lines.indexOf("", start));
    const rule = table.findIndex((line) => /^-+( {2}-+)+$/.test(line));
    const columns = [...table[rule]!.matchAll(/-+/g)].map((match) => [match.index, match.index + match[0].length] as const);
    return { header: table.slice(0, rule), body: table.slice(rule + 1), columns };
  }

  it("writes 表三's merged column labels once, between dashes over exactly the columns they span", () => {
    const layout = layoutOf(edition).table3;
    const { header, columns } = table3Lines();
    const own = header.at(-1)!;
    layout.columns.forEach((column, index) => {
      expect(sliceByWidth(own, columns[index + 1]![0], columns[index + 1]![1]).trim()).toBe(column.label);
    });
    /** Display columns from the first to past the last dash around a merged label, which must occur once. */
    const extent = (label: string) => {
      const matches = header.flatMap((line) => [...line.matchAll(new RegExp(`-+ ${label} -+`, "g"))].map((match) => ({ line, match })));
      expect(matches, label).toHaveLength(1);
      const { line, match } = matches[0]!;
      const start = width(line.slice(0, match.index));
      return [start, start + width(match[0])];
    };
    const grouped = layout.columns.flatMap((column, index) => (column.group === null ? [] : [index + 1]));
    expect(extent(layout.header)).toEqual([columns[1]![0], columns.at(-1)![1]]);
    expect(extent(layout.columnGroup.label)).toEqual([columns[grouped[0]!]![0], columns[grouped.at(-1)!]![1]]);
  });

  it("keeps 表三 within 120 columns, every row label complete", () => {
    const { header, body, columns } = table3Lines();
    expect(Math.max(...[...header, ...body].map(width))).toBeLessThanOrEqual(120);
    const labels = body.map((line) => sliceByWidth(line, 0, columns[0]![1]).trimEnd());
    const expected = layoutOf(edition).table3.rows.map((row) => [...row.groups, row.label].join(""));
    expect(labels.join("").replaceAll(" / ", "")).toBe(expected.join(""));
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
  });

  it("breaks a column label between phrases, never inside a word or a bracket group", () => {
    expect(wrapHeader("本年收费金额（单位：万元）", 16)).toEqual(["本年收费金额", "（单位：万元）"]);
    // A phrase wider than the column keeps a line of its own: the column widens to it.
    expect(wrapHeader("本年收费金额（单位：万元）", 8)).toEqual(["本年收费金额", "（单位：万元）"]);
    expect(wrapHeader("法人或其他组织", 8)).toEqual(["法人或其他组织"]);
    expect(wrapHeader("本年增/减", 16)).toEqual(["本年增/减"]);
    expect(wrapHeader("甲、乙（丙，丁）、戊", 6)).toEqual(["甲、乙", "（丙，丁）、", "戊"]);
    const lines = renderText(exampleReport()).split("\n");
    const rule = lines.indexOf("--------------  --------------");
    expect(lines.slice(rule - 2, rule + 2)).toEqual([
      "                  本年收费金额",
      "信息内容        （单位：万元）",
      "--------------  --------------",
      "行政事业性收费               0",
    ]);
    for (const edition of EDITIONS)
      for (const block of layoutOf(edition).table2.blocks)
        for (const column of block.columns) expect(wrapHeader(column.label, COLUMN_WIDTH).join("")).toBe(column.label);
  });

  it("wraps row labels by the Chinese line-breaking rules: no line starts with a closing mark or ends with an opening one", () => {
    const label = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
    // Before: "…缴纳费用" / "、行政机关…". The mark stays with 用; at the column's width the line breaks after it.
    expect(wrapLabel([label], 36)).toEqual(["2.申请人逾期未按收费通知要求缴纳费", "用、行政机关不再处理其政府信息公开申", "请"]);
    expect(wrapLabel([label], LABEL_WIDTH)).toEqual(["2.申请人逾期未按收费通知要求缴纳费用、", "行政机关不再处理其政府信息公开申请"]);
    expect(wrapLabel(["3.危及“三安全一稳定”"], 14)).toEqual(["3.危及“三安全", "一稳定”"]);
    expect(wrapLabel(["3.危及“三安全一稳定”"], 7)).toEqual(["3.危及", "“三安", "全一稳", "定”"]);
    // A break at a pause (、，) is preferred when it costs no extra line.
    expect(wrapLabel(["（二）部分公开（区分处理的，只计这一情形，不计其他情形）"], LABEL_WIDTH)).toEqual([
      "（二）部分公开（区分处理的，",
      "只计这一情形，不计其他情形）",
    ]);

    const NO_START = /^[、，。．：；！？）］｝〉》」』】〕”’…—·%,.:;!?)\]}]/;
    const NO_END = /[（［｛〈《「『【〔“‘([{]$/;
    for (const edition of EDITIONS) {
      const table3 = layoutOf(edition).table3;
      const labels = [[table3.note], ...table3.rows.map((row) => [...row.groups, row.label])];
      for (let columns = 10; columns <= 44; columns += 1)
        for (const segments of labels) {
          const lines = wrapLabel(segments, columns);
          const context = `${segments.join(" / ")} @ ${columns}`;
          expect(lines.join("").replaceAll(" / ", ""), context).toBe(segments.join(""));
          for (const line of lines) {
            expect(line, context).not.toMatch(NO_START);
            expect(line, context).not.toMatch(NO_END);
            expect(width(line), context).toBeLessThanOrEqual(columns);
          }
        }
    }
    expect(renderText(exampleReport()).split("\n").filter((line) => NO_START.test(line))).toEqual([]);
  });
});

describe("displayWidth", () => {
  it("agrees with string-width (ambiguous width as wide) on report text, mixed scripts and long strings", () => {
    const samples = [
      "一、本年新收政府信息公开申请数量",
      "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
      "3.危及“三安全一稳定”",
      "‘单引号’——2023—2027年……",
      "2023 年，我局通过政府网站共发布各类信息 75 条。",
      "ｆｕｌｌｗｉｄｔｈ！",
      "e\u0301 👍🏽 한국어 ｶﾀｶﾅ ·×°",
      "中a".repeat(5000) + "e\u0301".repeat(300),
    ];
    for (const sample of samples) expect(displayWidth(sample), sample.slice(0, 20)).toBe(width(sample));
  });

  it("counts the curly quotes “” and ‘’ as two columns, as a Chinese terminal shows them", () => {
    expect(displayWidth("3.危及“三安全一稳定”")).toBe(22);
    expect(displayWidth("‘’")).toBe(4);
    expect(displayWidth("“".repeat(300) + "e\u0301")).toBe(601);
    // In the text, the row's values line up with the others' in a terminal that shows the quotes wide.
    const lines = renderText(exampleReport()).split("\n");
    const quoted = lines.find((line) => line.startsWith("3.危及“三安全一稳定”"))!;
    const plain = lines.find((line) => line.startsWith("4.保护第三方合法权益"))!;
    expect(width(quoted)).toBe(width(plain));
  });
});
