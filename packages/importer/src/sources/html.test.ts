import { readFileSync } from "node:fs";
import { layoutOf, readCell } from "@xxgk/schema";
import { describe, expect, it } from "vitest";
import type { SourceDocument, SourceLine } from "../source-document.js";
import { readHtml, SourceReadError } from "./index.js";

const corpus = (name: string) => readFileSync(new URL(`../../test/fixtures/corpus/html/${name}.html`, import.meta.url));

function rowStartingWith(document: SourceDocument, label: string): SourceLine {
  const line = document.lines.find((candidate) => candidate.table && candidate.cells[0]?.text === label);
  if (!line) throw new Error(`no table row starting with ${label}`);
  return line;
}

const texts = (line: SourceLine) => line.cells.map((cell) => cell.text);
const grid = (line: SourceLine) => line.cells.map((cell) => [cell.gridColumn, cell.rowSpan ?? 1, cell.colSpan ?? 1]);

describe("readHtml on the corpus pages", () => {
  it("014: the page title, the 索引号 box as its own table, and 表三 with its blank cells kept as empty cells", () => {
    const document = readHtml(corpus("014-2023-shuyang-fagaiju"));
    expect(document.format).toBe("html");
    expect(document.title).toBe("沭阳县发展和改革局2023年政府信息公开年度报告-沭阳县发改局");
    const index = rowStartingWith(document, "索引号");
    expect(texts(index)).toEqual(["索引号", "014314799/2024-00002", "分类", "信息公开年报其他报告"]);
    // As printed: 自然人 26, the five 法人或其他组织 cells blank, 总计 26.
    const received = rowStartingWith(document, "一、本年新收政府信息公开申请数量");
    expect(texts(received)).toEqual(["一、本年新收政府信息公开申请数量", "26", "", "", "", "", "", "26"]);
    expect(grid(received)).toEqual([[0, 1, 3], [3, 1, 1], [4, 1, 1], [5, 1, 1], [6, 1, 1], [7, 1, 1], [8, 1, 1], [9, 1, 1]]);
    expect(received.table!.index).toBe(index.table!.index + 2);
    expect(received.position).toEqual({ kind: "html", table: received.table!.index, row: received.table!.row, cell: 1 });
    // Prose comes out as paragraphs in reading order, the section heading before the tables.
    const heading = document.lines.findIndex((line) => !line.table && line.cells[0]!.text === "一、总体情况");
    expect(heading).toBeGreaterThan(document.lines.indexOf(index));
    expect(heading).toBeLessThan(document.lines.indexOf(received));
    expect(document.lines[heading]!.position).toMatchObject({ kind: "html", table: 0, row: 0, cell: 0 });
    // Nothing from scripts or styles.
    expect(document.lines.some((line) => line.cells.some((cell) => /function\s*\(|font-family/u.test(cell.text)))).toBe(false);
  });

  it("014: every cell of 表三 and 表四 as the hand transcription has it, blank cells empty", () => {
    const document = readHtml(corpus("014-2023-shuyang-fagaiju"));
    // Transcribed by hand from the published page for the validators' tests, not from any importer.
    const report: unknown = JSON.parse(readFileSync(new URL("../../../validators/test/fixtures/014-2023-shuyang-fagaiju.json", import.meta.url), "utf8"));
    const asPrinted = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value));
    const table3 = layoutOf("2021").table3;
    for (const row of table3.rows) {
      const line = document.lines.find((candidate) => candidate.table && candidate.cells.some((cell) => cell.text === row.label));
      expect(line, row.label).toBeDefined();
      const cells = line!.cells.slice(line!.cells.findIndex((cell) => cell.text === row.label) + 1);
      expect(cells.map((cell) => cell.text), row.label).toEqual(table3.columns.map((column) => asPrinted(readCell(report, { path: ["applications", row.key, column.key] }))));
      expect(cells.map((cell) => cell.gridColumn)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    }
    const table4 = layoutOf("2021").table4;
    const figures = document.lines.filter((line) => line.table && line.cells.length === 15).pop()!;
    expect(texts(figures)).toEqual(table4.groups.flatMap((group) => table4.columns.map((column) => asPrinted(readCell(report, { path: ["reviewAndLitigation", group.key, column.key] })))));
  });

  it("213: Word-style 表三 with rowspan/colspan inside the site template", () => {
    const document = readHtml(corpus("213-2024-pingtan-ziranziyuan-shengtaihuanjingju"));
    const received = rowStartingWith(document, "一、本年新收政府信息公开申请数量");
    // The crawled text glued these into "690000069"; the page's cells say 69, 0, 0, 0, 0, 0, 69.
    expect(texts(received).slice(1)).toEqual(["69", "0", "0", "0", "0", "0", "69"]);
    const outcomes = rowStartingWith(document, "三、本年度办理结果");
    expect(texts(outcomes)).toEqual(["三、本年度办理结果", "（一）予以公开", "23", "0", "0", "0", "0", "0", "23"]);
    expect(grid(outcomes).slice(0, 3)).toEqual([[0, 22, 1], [1, 1, 2], [3, 1, 1]]);
    const withheld = rowStartingWith(document, "（三）不予公开");
    expect(grid(withheld)[0]).toEqual([1, 8, 1]);
    // The next row has no label cell of its own for the group: its first cell sits in grid column 2.
    const next = document.lines[document.lines.indexOf(withheld) + 1]!;
    expect(next.cells[0]).toMatchObject({ text: "2.其他法律行政法规禁止公开", gridColumn: 2 });
    const unavailable = rowStartingWith(document, "（四）无法提供");
    expect(texts(unavailable).slice(1)).toEqual(["1.本机关不掌握相关政府信息", "37", "0", "0", "0", "0", "0", "37"]);
    // 表四: the 15 figures of its one data row in grid columns 0–14.
    const table4 = document.lines.filter((line) => line.table && line.table.index === received.table!.index + 1);
    const figures = table4[table4.length - 1]!;
    expect(texts(figures)).toEqual(["1", "0", "0", "1", "2", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]);
    expect(figures.cells.map((cell) => cell.gridColumn)).toEqual([...Array(15).keys()]);
    const header = table4[1]!;
    expect(grid(header).slice(0, 2)).toEqual([[0, 2, 1], [1, 2, 1]]);
  });
});

describe("readHtml structure", () => {
  it("expands row and column spans into grid columns", () => {
    const document = readHtml(
      "<table><tr><td rowspan=3>A</td><td colspan=2>B</td></tr><tr><td>C</td><td rowspan=2>D</td></tr><tr><td>E</td></tr><tr><td>F</td><td>G</td><td>H</td></tr></table>",
    );
    expect(document.lines.map((line) => line.cells.map((cell) => `${cell.text}@${cell.gridColumn}`))).toEqual([
      ["A@0", "B@1"],
      ["C@1", "D@2"],
      ["E@1"],
      ["F@0", "G@1", "H@2"],
    ]);
    expect(document.lines[0]!.cells[0]!.rowSpan).toBe(3);
    expect(document.lines[0]!.cells[1]!.colSpan).toBe(2);
  });

  it("clamps a rowspan past the end of the table and treats rowspan=0 as 'to the end'", () => {
    const document = readHtml("<table><tr><td rowspan=0>A</td><td>1</td></tr><tr><td>2</td></tr><tr><td rowspan=99>3</td><td>x</td></tr></table>");
    expect(document.lines[0]!.cells[0]!.rowSpan).toBe(3);
    expect(document.lines[2]!.cells[0]).toMatchObject({ text: "3", gridColumn: 1 });
    expect(document.lines[2]!.cells[0]!.rowSpan).toBeUndefined();
  });

  it("emits the data tables nested in layout tables, and the layout cells' text as paragraphs in order", () => {
    const document = readHtml(
      "<table><tr><td>导航</td><td><p>前言</p><table><tr><td>索引号</td><td>123</td></tr></table><div>正文</div><table><tr><td>a</td><td></td><td>b</td></tr></table><p>结尾</p></td></tr></table><p>页脚</p>",
    );
    expect(document.lines.map((line) => (line.table ? `T${line.table.index}:${texts(line).join("|")}` : texts(line).join("|")))).toEqual([
      "导航",
      "前言",
      "T1:索引号|123",
      "正文",
      "T2:a||b",
      "结尾",
      "页脚",
    ]);
    expect(document.lines.filter((line) => !line.table).map((line) => line.position)).toEqual(
      [1, 2, 3, 4, 5].map((block) => ({ kind: "html", table: 0, row: 0, cell: 0, block })),
    );
  });

  it("closes cells, rows and paragraphs the way browsers do when end tags are missing", () => {
    const document = readHtml("<p>一<p>二<table><tr><td>a<td>b<tr><th>c</table><ul><li>x<li>y</ul>");
    expect(document.lines.map(texts)).toEqual([["一"], ["二"], ["a", "b"], ["c"], ["x"], ["y"]]);
  });

  it("closes a <head> left open when the body starts", () => {
    expect(readHtml("<html><head><title>题</title><meta charset=utf-8><div>正文</div>").lines.map(texts)).toEqual([["正文"]]);
    expect(readHtml("<head><noscript><img src=x></noscript><p>正文</p>").lines.map(texts)).toEqual([["正文"]]);
  });

  it("drops scripts, styles, the head, hidden elements and form controls", () => {
    const document = readHtml(
      "<html><head><title>标题</title><style>p{}</style></head><body><script>var x = 1;</script><p>可见</p><div style='display: none'>隐藏</div><p hidden>也隐藏</p><select><option>选项</option></select><noscript>无脚本</noscript></body></html>",
    );
    expect(document.title).toBe("标题");
    expect(document.lines.map(texts)).toEqual([["可见"]]);
  });

  it("collapses whitespace like a browser: wrapped Chinese joins, other breaks become one space", () => {
    const document = readHtml("<p>本年新收\n   申请数量</p><p>Rule  of\n law&nbsp;&nbsp;2023</p><table><tr><td><p>（二）部分公开</p><p>（区分处理的）</p></td><td>&nbsp;</td></tr></table>");
    expect(document.lines.map(texts)).toEqual([["本年新收申请数量"], ["Rule of law 2023"], ["（二）部分公开（区分处理的）", ""]]);
  });

  it("keeps the lines of preformatted text, its tabs separating cells", () => {
    const document = readHtml("<pre>一、总体情况\n本年新收\t21\t0\r\n\n  正文</pre><p>之后</p>");
    expect(document.lines.map(texts)).toEqual([["一、总体情况"], ["本年新收", "21", "0"], ["正文"], ["之后"]]);
  });

  it("puts content written inside a table but outside its cells before the table, as browsers do", () => {
    const document = readHtml("<table>注释<tr><td>a</td></tr></table>");
    expect(document.lines.map(texts)).toEqual([["注释"], ["a"]]);
  });

  it("honours <meta charset=gbk> on bytes", () => {
    // "<meta charset=gbk><p>你好</p>" with 你好 in GBK.
    const bytes = new Uint8Array([...new TextEncoder().encode("<meta charset=gbk><p>"), 0xc4, 0xe3, 0xba, 0xc3, ...new TextEncoder().encode("</p>")]);
    expect(readHtml(bytes).lines.map(texts)).toEqual([["你好"]]);
    // A re-saved page that still declares GBK but is UTF-8 reads as UTF-8.
    expect(readHtml(new TextEncoder().encode("<meta http-equiv='Content-Type' content='text/html; charset=gb2312'><p>你好</p>")).lines.map(texts)).toEqual([["你好"]]);
  });
});

describe("readHtml bounds", () => {
  it("reads a page of 50,000 nested elements with 50,000 stray end tags in bounded time", () => {
    const html = `${"<div><span>".repeat(25_000)}深处${"</b>".repeat(50_000)}${"</span></div>".repeat(25_000)}<p>之后</p>`;
    const started = performance.now();
    const document = readHtml(html);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(document.lines.map(texts)).toEqual([["深处"], ["之后"]]);
  });

  it("reads many tables deep inside nested blocks of one cell in bounded time", () => {
    const html = `<table><tr><td>${"<div>".repeat(20_000)}${"<table><tr><td>x</td><td>1</td></tr></table>".repeat(5_000)}</td></tr></table>`;
    const started = performance.now();
    const document = readHtml(html);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(document.lines).toHaveLength(5_000);
  });

  it("reads 50,000 tables nested in one another without recursion", () => {
    const html = `${"<table><tr><td>".repeat(50_000)}核心${"</td></tr></table>".repeat(50_000)}`;
    const document = readHtml(html);
    expect(document.lines.map(texts)).toEqual([["核心"]]);
  });

  it("reads a table of 10,000 rows", () => {
    const html = `<table>${"<tr><td>行</td><td>1</td></tr>".repeat(10_000)}</table>`;
    const started = performance.now();
    const document = readHtml(html);
    expect(performance.now() - started).toBeLessThan(4_000);
    expect(document.lines).toHaveLength(10_000);
    expect(document.lines[9_999]!.table).toEqual({ index: 1, row: 10_000 });
  });

  it("refuses more rows than the limit, and absurd column spans", () => {
    const rows = `<table>${"<tr><td>1</td></tr>".repeat(11)}</table>`;
    expect(() => readHtml(rows, { limits: { maxTableRows: 10 } })).toThrowError(expect.objectContaining({ name: "SourceReadError", code: "limit-exceeded" }));
    const wide = `<table><tr>${"<td colspan=1000>x</td>".repeat(5)}</tr></table>`;
    expect(() => readHtml(wide, { fileName: "wide.html" })).toThrowError(/wide\.html：第 1 个表格第 1 行超过 1000 列/u);
  });

  it("refuses a page over the size limit", () => {
    expect(() => readHtml("<p>x</p>".repeat(20), { limits: { maxInputBytes: 100 } })).toThrow(SourceReadError);
  });
});
