import { renderDocx } from "@xxgk/renderer";
import { cellsOf, formatCellValue, layoutOf, readCell, type Edition, type Report } from "@xxgk/schema";
import { strToU8, zipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceDocument, SourceLine } from "../source-document.js";
import { numberedReport, reportWith } from "../../test/reports.js";
import { readDocx, SourceReadError } from "./index.js";

const texts = (line: SourceLine) => line.cells.map((cell) => cell.text);

/** The 表三 row of `label`: the seven cells after the label cell. */
function table3Row(document: SourceDocument, label: string): SourceLine & { figures: string[] } {
  const line = document.lines.find((candidate) => candidate.table && candidate.cells.some((cell) => cell.text === label));
  if (!line) throw new Error(`no row labelled ${label}`);
  const at = line.cells.findIndex((cell) => cell.text === label);
  return { ...line, figures: texts(line).slice(at + 1) };
}

/** Every figure of the report appears in the document's table cells, and as many empty cells as blank figures. */
function expectEveryFigure(document: SourceDocument, report: Report, edition: Edition): void {
  const tableTexts = document.lines.filter((line) => line.table).flatMap(texts);
  const remaining = new Map<string, number>();
  for (const text of tableTexts) remaining.set(text, (remaining.get(text) ?? 0) + 1);
  for (const cell of cellsOf(edition)) {
    const text = formatCellValue(readCell(report, cell));
    const left = remaining.get(text) ?? 0;
    expect(left, `${cell.label} = "${text}"`).toBeGreaterThan(0);
    remaining.set(text, left - 1);
  }
}

describe("readDocx on reports rendered by @xxgk/renderer", () => {
  it.each(["2021", "2019"] as const)("%s edition: every row of 表三 with its seven figures in order, merged cells as spans", async (edition) => {
    const report = numberedReport(edition);
    const document = await readDocx(await renderDocx(report));
    expect(document.format).toBe("docx");
    expect(document.title).toBe(`某某市某某局${report.meta.year}年政府信息公开工作年度报告`);
    const layout = layoutOf(edition).table3;
    for (const row of layout.rows) {
      const line = table3Row(document, row.label);
      const values = layout.columns.map((column) => formatCellValue(readCell(report, { path: ["applications", row.key, column.key] })));
      expect(line.figures, row.label).toEqual(values);
    }
    for (const group of layout.rowGroups) {
      const cell = document.lines.flatMap((line) => line.cells).find((candidate) => candidate.text === group.label)!;
      expect(cell.rowSpan, group.label).toBe(group.rowSpan);
      expect(cell.gridColumn).toBe(group.depth);
    }
    expectEveryFigure(document, report, edition);
    // The six section headings, as printed, are paragraphs of their own, in order.
    const paragraphs = document.lines.filter((line) => !line.table).map((line) => texts(line).join("|"));
    const headings = layoutOf(edition).sections.map((section) => paragraphs.indexOf(section.heading));
    expect(headings.every((index) => index >= 0)).toBe(true);
    expect([...headings].sort((a, b) => a - b)).toEqual(headings);
    // Prose paragraphs are lines of their own.
    expect(document.lines.some((line) => !line.table && texts(line).join("") === "主动公开信息 75 条。")).toBe(true);
  });

  it("keeps every figure of random reports, blanks included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.integer({ min: 0, max: 99_999 }), { nil: null, freq: 4 }), { minLength: 200, maxLength: 200 }), async (values) => {
        const report = reportWith("2021", (index) => values[index % values.length]!);
        const document = await readDocx(await renderDocx(report));
        expectEveryFigure(document, report, "2021");
      }),
      { numRuns: 15 },
    );
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const cell = (text: string, properties = "") => `<w:tc><w:tcPr>${properties}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
function docx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  return zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`), ...extra });
}

describe("readDocx on hand-made documents", () => {
  it("writes out Word's automatic numbering as printed, from the paragraph or its style", async () => {
    const numbering = `<w:numbering ${W}>
      <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="8"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="8"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
    </w:numbering>`;
    const styles = `<w:styles ${W}><w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Heading2"><w:basedOn w:val="Heading1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style></w:styles>`;
    const paragraph = (text: string, properties: string) => `<w:p><w:pPr>${properties}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;
    const numbered = (level: number, id = "1") => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="${id}"/></w:numPr>`;
    const body = [
      paragraph("总体情况", '<w:pStyle w:val="Heading1"/>'),
      paragraph("主动公开情况", '<w:pStyle w:val="Heading2"/>'),
      paragraph("规章", numbered(2)),
      paragraph("规范性文件", numbered(2)),
      paragraph("依申请公开情况", numbered(1)),
      paragraph("要点", numbered(0, "2")),
      paragraph("主动公开政府信息情况", '<w:pStyle w:val="Heading1"/>'),
      paragraph("规章", numbered(2)),
      paragraph("不编号", '<w:numPr><w:numId w:val="0"/></w:numPr>'),
      paragraph("第五项", numbered(0, "3")),
    ].join("");
    const document = await readDocx(docx(body, { "word/numbering.xml": strToU8(numbering), "word/styles.xml": strToU8(styles) }));
    expect(document.lines.map((line) => texts(line).join("|"))).toEqual([
      "一、总体情况",
      "（一）主动公开情况",
      "1. 规章",
      "2. 规范性文件",
      "（二）依申请公开情况",
      "要点",
      "二、主动公开政府信息情况",
      "1. 规章",
      "不编号",
      "五、第五项",
    ]);
  });

  it("turns vMerge, gridSpan, gridBefore and hMerge into spans and grid columns", async () => {
    const body = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr>${cell("A", '<w:vMerge w:val="restart"/>')}${cell("B", '<w:gridSpan w:val="2"/>')}</w:tr>
      <w:tr>${cell("", "<w:vMerge/>")}${cell("C")}${cell("D", '<w:vMerge w:val="restart"/>')}</w:tr>
      <w:tr>${cell("", '<w:vMerge w:val="continue"/>')}${cell("E")}${cell("", "<w:vMerge/>")}</w:tr>
      <w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cell("F")}${cell("G")}</w:tr>
      <w:tr>${cell("H", '<w:hMerge w:val="restart"/>')}${cell("", '<w:hMerge w:val="continue"/>')}${cell("I")}</w:tr>
    </w:tbl>`;
    const document = await readDocx(docx(body));
    expect(document.lines.map((line) => line.cells.map((item) => `${item.text}@${item.gridColumn}r${item.rowSpan ?? 1}c${item.colSpan ?? 1}`))).toEqual([
      ["A@0r3c1", "B@1r1c2"],
      ["C@1r1c1", "D@2r2c1"],
      ["E@1r1c1"],
      ["F@1r1c1", "G@2r1c1"],
      ["H@0r1c2", "I@2r1c1"],
    ]);
    // Positions count the cells as written, the covered ones included.
    expect(document.lines[1]!.cells[0]!.position).toEqual({ kind: "docx", table: 1, row: 2, cell: 2 });
  });

  it("reads runs, tabs, breaks, insertions and content controls; drops deletions, hidden text, field codes and fallbacks", async () => {
    const body = `
      <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>一、</w:t></w:r><w:r><w:t xml:space="preserve">总体</w:t></w:r><w:ins><w:r><w:t>情况</w:t></w:r></w:ins><w:del><w:r><w:delText>删除</w:delText></w:r></w:del></w:p>
      <w:p><w:r><w:t>行政许可</w:t><w:tab/><w:t>308</w:t><w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>12</w:t></w:r></w:p>
      <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>第二行</w:t></w:r></w:p>
      <w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>控件中的文字</w:t></w:r></w:p></w:sdtContent></w:sdt>
      <w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t>3</w:t></w:r></w:p>
      <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
      <w:tbl><w:tr><w:trPr><w:del w:id="1"/></w:trPr>${cell("已删除的行")}</w:tr><w:tr>${cell("保留")}${cell("")}</w:tr></w:tbl>`;
    const document = await readDocx(docx(body));
    expect(document.lines.map(texts)).toEqual([["一、总体情况"], ["行政许可", "308", "12"], ["第一行"], ["第二行"], ["控件中的文字"], ["3"], ["文本框"], ["保留", ""]]);
    expect(document.lines[1]!.cells[2]!.position).toEqual({ kind: "docx", table: 0, row: 0, cell: 3, block: 2 });
  });

  it("reads a table nested in a layout table as the data table, and the layout cell's text as paragraphs", async () => {
    const inner = `<w:tbl><w:tr>${cell("a")}${cell("1")}</w:tr></w:tbl>`;
    const body = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>说明</w:t></w:r></w:p>${inner}<w:p><w:r><w:t>之后</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`;
    const document = await readDocx(docx(body));
    expect(document.lines.map((line) => `${line.table ? `T${line.table.index}:` : ""}${texts(line).join("|")}`)).toEqual(["说明", "T1:a|1", "之后"]);
  });

  it("refuses what is not a Word file, a damaged one and a zip bomb", async () => {
    await expect(readDocx(strToU8("hello"))).rejects.toMatchObject({ code: "invalid-docx" });
    await expect(readDocx(zipSync({ "xl/workbook.xml": strToU8("<x/>") }), { fileName: "a.docx" })).rejects.toMatchObject({ code: "invalid-docx", message: "a.docx：不是 Word（.docx）文件：缺少 word/document.xml" });
    const bomb = zipSync({ "word/document.xml": new Uint8Array(8 * 1024 * 1024).fill(0x20) });
    expect(bomb.length).toBeLessThan(64 * 1024);
    await expect(readDocx(bomb, { limits: { maxInflatedBytes: 4 * 1024 * 1024 } })).rejects.toMatchObject({ code: "decompression-limit" });
    const notWord = zipSync({ "word/document.xml": strToU8("<root xmlns='urn:other'><p>x</p></root>") });
    await expect(readDocx(notWord)).rejects.toMatchObject({ code: "invalid-docx" });
  });

  it("refuses more table rows than the limit", async () => {
    const rows = `<w:tbl>${`<w:tr>${cell("1")}</w:tr>`.repeat(11)}</w:tbl>`;
    await expect(readDocx(docx(rows), { limits: { maxTableRows: 10 } })).rejects.toMatchObject({ code: "limit-exceeded" });
  });

  it("reads or refuses tag soup and junk with SourceReadError only", async () => {
    const token = fc.oneof(
      fc.constantFrom("<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>", "</w:t>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>", "<w:tab/>", "<w:br/>",
        '<w:vMerge/>', '<w:vMerge w:val="restart"/>', '<w:gridSpan w:val="99999"/>', '<w:gridBefore w:val="-3"/>', "<w:del>", "</w:del>", "<w:pPr>", "</w:pPr>",
        '<w:numPr><w:numId w:val="1"/></w:numPr>', "<mc:Fallback>", "</mc:Fallback>", "<w:sdt>", "</w:sdt>", "&amp;", "&#0;", "<![CDATA[x]]>", "<"),
      fc.string({ maxLength: 4 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 120 }), async (tokens) => {
        try {
          await readDocx(docx(tokens.join("")));
        } catch (error) {
          expect(error).toBeInstanceOf(SourceReadError);
        }
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 1024 }), async (bytes) => {
        await expect(readDocx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...bytes]))).rejects.toBeInstanceOf(SourceReadError);
      }),
      { numRuns: 200 },
    );
  });
});
