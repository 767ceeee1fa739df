import { cellsOf, EDITIONS, formatCellValue, layoutOf, SECTION_LAYOUTS, type Edition } from "@xxgk/schema";
import { describe, expect, it } from "vitest";
import { attribute, byId, byTag, parseDocument, parseHtmlFragment, tableGrid, textOf, type Element } from "../test/html-dom.js";
import { exampleReport, numberedReport } from "../test/fixtures.js";
import { renderHtml } from "./html.js";
import { FONT_STACKS, REPORT_CSS } from "./html-style.js";
import { readValue } from "./values.js";

function cellText(cell: Element | undefined): string {
  if (!cell) throw new Error("hole in the table grid");
  return textOf(cell);
}

function page(edition: Edition) {
  const report = numberedReport(edition);
  const root = parseDocument(renderHtml(report));
  return { report, root, ids: byId(root) };
}

/** What a screen reader announces for a data cell: the texts of its `headers`, then the value. */
function accessibleName(cell: Element, ids: Map<string, Element>): string[] {
  return (attribute(cell, "headers") ?? "").split(" ").map((id) => {
    const header = ids.get(id);
    if (!header || header.tagName !== "th") throw new Error(`headers names ${id}, which is not a th`);
    return textOf(header);
  });
}

describe("renderHtml page", () => {
  it("is a complete UTF-8 document in Chinese with the title and the stylesheet", () => {
    const report = exampleReport();
    const html = renderHtml(report);
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">")).toBe(true);
    const root = parseDocument(html);
    expect(attribute(byTag(root, "meta")[0]!, "charset")).toBe("utf-8");
    expect(textOf(byTag(root, "title")[0]!)).toBe(report.meta.title);
    expect(textOf(byTag(root, "style")[0]!)).toContain(REPORT_CSS);
    expect(textOf(byTag(root, "h1")[0]!)).toBe(report.meta.title);
  });

  it("falls back to “{body}{year}年政府信息公开工作年度报告” without meta.title", () => {
    const report = numberedReport("2019");
    expect(textOf(byTag(parseDocument(renderHtml(report)), "h1")[0]!)).toBe("某某市某某局2020年政府信息公开工作年度报告");
  });

  it("prints the six official headings in order, the prose with its part titles, the preamble and the signature", () => {
    const { report, root } = page("2021");
    expect(byTag(root, "h2").map(textOf)).toEqual(SECTION_LAYOUTS.map((section) => section.heading));
    expect(byTag(root, "h3").map(textOf)).toEqual([
      "（一）主动公开情况",
      "（二）依申请公开情况",
      "（一）信息处理费收取情况",
    ]);
    const paragraphs = byTag(root, "p").map(textOf);
    expect(paragraphs.slice(0, 5)).toEqual([
      report.preamble!.paragraphs[0],
      report.overview.paragraphs[0],
      "主动公开信息 75 条。",
      "其中部门文件 5 条。",
      "收到申请 3 件。",
    ]);
    expect(paragraphs.slice(-2)).toEqual(["某某市某某局", "2024年1月20日"]);
  });

  it("the fragment is the article alone, for a page that includes REPORT_CSS", () => {
    const html = renderHtml(exampleReport(), { fragment: true });
    expect(html).not.toContain("<html");
    expect(html).not.toContain("<style");
    const root = parseHtmlFragment(html);
    const top = root.childNodes.filter((node): node is Element => "tagName" in node);
    expect(top.map((element) => element.tagName)).toEqual(["article"]);
    expect(attribute(top[0]!, "lang")).toBe("zh-CN");
  });

  it("prefixes every id so two reports can share a page", () => {
    const html = renderHtml(exampleReport(), { fragment: true, idPrefix: "a2023" });
    const ids = [...byId(parseHtmlFragment(html)).keys()];
    expect(ids.length).toBeGreaterThan(200);
    expect(ids.every((id) => id.startsWith("a2023-"))).toBe(true);
    expect(html).not.toMatch(/headers="[^"]*\bxxgk-/);
  });
});

describe("REPORT_CSS", () => {
  it("prints on A4 with GB/T 9704 margins, page numbers, and font stacks that end in a generic family", () => {
    expect(REPORT_CSS).toContain("@page{size:A4;margin:37mm 26mm 35mm 28mm;");
    expect(REPORT_CSS).toContain("counter(page)");
    expect(REPORT_CSS).toContain("@media print");
    expect(FONT_STACKS.title.startsWith(`"方正小标宋简体"`)).toBe(true);
    expect(FONT_STACKS.body.startsWith(`"仿宋_GB2312"`)).toBe(true);
    for (const stack of Object.values(FONT_STACKS)) {
      expect(stack).toMatch(/, (serif|sans-serif)$/);
      expect(REPORT_CSS).toContain(stack);
    }
  });
});

describe.each(EDITIONS)("renderHtml tables, edition %s", (edition) => {
  it("every table is a rectangular grid without overlapping cells", () => {
    const { root } = page(edition);
    const tables = byTag(root, "table");
    expect(tables).toHaveLength(3);
    for (const table of tables) {
      const { grid } = tableGrid(table);
      const width = grid[0]!.length;
      for (const row of grid) {
        expect(row).toHaveLength(width);
        expect(row.every(Boolean)).toBe(true);
      }
    }
  });

  it("prints every cell's value in its own cell, blank cells empty (never 0)", () => {
    const { report, ids } = page(edition);
    let blanks = 0;
    for (const cell of cellsOf(edition)) {
      const td = ids.get(`xxgk-cell${cell.pointer.replaceAll("/", "-")}`);
      expect(td?.tagName, cell.pointer).toBe("td");
      const value = readValue(report, cell.path);
      expect(textOf(td!)).toBe(formatCellValue(value));
      if (value === null) {
        blanks += 1;
        expect(textOf(td!)).toBe("");
        expect(attribute(td!, "class")).toContain("xxgk-blank");
      }
    }
    expect(blanks).toBeGreaterThan(10);
  });

  it("names each data cell by its column and row headers (what a screen reader announces)", () => {
    const { ids } = page(edition);
    for (const cell of cellsOf(edition)) {
      const td = ids.get(`xxgk-cell${cell.pointer.replaceAll("/", "-")}`)!;
      const names = accessibleName(td, ids);
      expect(names).toContain(cell.labels.column);
      expect(names).toContain(cell.labels.row);
      for (const group of cell.labels.rowGroups) expect(names).toContain(group);
      if (cell.labels.columnGroup) expect(names).toContain(cell.labels.columnGroup);
      if (cell.labels.caption) expect(names).toContain(cell.labels.caption);
    }
    const disclosed = ids.get("xxgk-cell-applications-disclosed-naturalPerson")!;
    expect(accessibleName(disclosed, ids)).toEqual(["自然人", "三、本年度办理结果", "（一）予以公开"]);
  });

  it("merges 表三's header and group cells as the official layout does", () => {
    const { ids } = page(edition);
    const table3 = layoutOf(edition).table3;
    const note = ids.get("xxgk-t3-note")!;
    expect(textOf(note)).toBe(table3.note);
    expect(attribute(note, "rowspan")).toBe("3");
    expect(attribute(note, "colspan")).toBe("3");
    expect(attribute(ids.get("xxgk-t3-header")!, "colspan")).toBe("7");
    expect(attribute(ids.get("xxgk-t3-colgroup")!, "colspan")).toBe("5");
    expect(attribute(ids.get("xxgk-t3-col-naturalPerson")!, "rowspan")).toBe("2");
    // 三、本年度办理结果 spans 22 rows in 2021 and 20 in 2019 (format reference); （三）不予公开 spans 8.
    const results = ids.get("xxgk-t3-group-disclosed-0")!;
    expect(textOf(results)).toBe("三、本年度办理结果");
    expect(attribute(results, "rowspan")).toBe(edition === "2021" ? "22" : "20");
    const withheld = ids.get("xxgk-t3-group-withheldStateSecret-1")!;
    expect(textOf(withheld)).toBe("（三）不予公开");
    expect(attribute(withheld, "rowspan")).toBe("8");
    for (const group of table3.rowGroups) {
      const th = ids.get(`xxgk-t3-group-${group.firstRow}-${group.depth}`)!;
      expect(textOf(th)).toBe(group.label);
      expect(Number(attribute(th, "rowspan") ?? 1)).toBe(group.rowSpan);
    }
    // Row labels fill the label columns their groups leave free.
    expect(attribute(ids.get("xxgk-t3-row-newlyReceived")!, "colspan")).toBe("3");
    expect(attribute(ids.get("xxgk-t3-row-disclosed")!, "colspan")).toBe("2");
    expect(attribute(ids.get("xxgk-t3-row-withheldStateSecret")!, "colspan")).toBeUndefined();
  });

  it("lays 表三's rows in official order with their labels", () => {
    const { root } = page(edition);
    const table = byTag(root, "table")[1]!;
    const rowLabels = byTag(table, "th")
      .filter((th) => attribute(th, "id")?.startsWith("xxgk-t3-row-"))
      .map(textOf);
    expect(rowLabels).toEqual(layoutOf(edition).table3.rows.map((row) => row.label));
  });

  it("merges 表四's headers: 行政复议 over five, 行政诉讼 over ten, its two groups over five each", () => {
    const { root, ids } = page(edition);
    const { grid } = tableGrid(byTag(root, "table")[2]!);
    expect(grid).toHaveLength(4);
    expect(grid[0]!.map(cellText)).toEqual([...Array(5).fill("行政复议"), ...Array(10).fill("行政诉讼")]);
    expect(grid[1]!.slice(5).map(cellText)).toEqual([...Array(5).fill("未经复议直接起诉"), ...Array(5).fill("复议后起诉")]);
    const columns = layoutOf(edition).table4.columns.map((column) => column.label);
    expect(grid[1]!.slice(0, 5).map(cellText)).toEqual(columns);
    expect(grid[2]!.slice(0, 5)).toEqual(grid[1]!.slice(0, 5));
    expect(grid[2]!.slice(5).map(cellText)).toEqual([...columns, ...columns]);
    expect(grid[3]!.every((cell) => cell!.tagName === "td")).toBe(true);
    expect(accessibleName(ids.get("xxgk-cell-reviewAndLitigation-litigationDirect-upheld")!, ids)).toEqual([
      "行政诉讼",
      "未经复议直接起诉",
      "结果维持",
    ]);
  });

  it("lays 表二 out block by block, each under its caption, narrower blocks spanning the width", () => {
    const { root } = page(edition);
    const table2 = layoutOf(edition).table2;
    const { grid } = tableGrid(byTag(root, "table")[0]!);
    const width = grid[0]!.length;
    expect(width).toBe(1 + Math.max(...table2.blocks.map((block) => block.columns.length)));
    let row = 0;
    for (const block of table2.blocks) {
      expect(new Set(grid[row]!.map(cellText))).toEqual(new Set([block.caption]));
      expect([...new Set(grid[row + 1]!.map(cellText))]).toEqual([block.rowHeader, ...block.columns.map((column) => column.label)]);
      for (const [index, layoutRow] of block.rows.entries()) expect(textOf(grid[row + 2 + index]![0]!)).toBe(layoutRow.label);
      row += 2 + block.rows.length;
    }
    expect(row).toBe(grid.length);
  });
});

describe("renderHtml with the example report", () => {
  it("leaves its five blank 行政复议 cells empty and prints its zeros as 0", () => {
    const root = parseDocument(renderHtml(exampleReport()));
    const ids = byId(root);
    for (const column of ["upheld", "corrected", "other", "pending", "total"]) {
      expect(textOf(ids.get(`xxgk-cell-reviewAndLitigation-reconsideration-${column}`)!)).toBe("");
      expect(textOf(ids.get(`xxgk-cell-reviewAndLitigation-litigationDirect-${column}`)!)).toBe("0");
    }
    expect(textOf(ids.get("xxgk-cell-proactiveDisclosure-licensing-decisions")!)).toBe("24");
  });
});
