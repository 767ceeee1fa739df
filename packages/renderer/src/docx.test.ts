import { EDITIONS, formatCellValue, layoutOf, SECTION_LAYOUTS, type Edition, type Report, type Report2019 } from "@xxgk/schema";
import JSZip from "jszip";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exampleReport, numberedReport } from "../test/fixtures.js";
import { child, findAll, parseXml, wordText, type XmlElement } from "../test/xml.js";
import { renderDocx } from "./docx.js";
import { tableModels, type GridCell } from "./table-model.js";
import { readValue } from "./values.js";

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, XmlElement>();
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    parts.set(name, parseXml(await zip.file(name)!.async("string")));
  }
  return { zip, parts, document: parts.get("word/document.xml")! };
}

interface WordCell {
  text: string;
  span: number;
  merge: "restart" | "continue" | null;
}

/** A Word table as a grid: each position holds the w:tc that starts there (or covers it through gridSpan). */
function wordGrid(table: XmlElement): (WordCell & { start: boolean })[][] {
  return findAll(table, "w:tr").map((row) => {
    const cells: (WordCell & { start: boolean })[] = [];
    for (const tc of row.children.filter((node): node is XmlElement => typeof node !== "string" && node.name === "w:tc")) {
      const properties = child(tc, "w:tcPr");
      const span = Number((properties && child(properties, "w:gridSpan")?.attributes["w:val"]) ?? 1);
      const vMerge = properties && child(properties, "w:vMerge");
      const merge = vMerge ? (vMerge.attributes["w:val"] === "restart" ? "restart" : "continue") : null;
      const cell = { text: wordText(tc), span, merge } as const;
      for (let offset = 0; offset < span; offset += 1) cells.push({ ...cell, start: offset === 0 });
    }
    return cells;
  });
}

/** The grid the table model prescribes, with each cell's expected text. */
function expectedGrid(rows: readonly (readonly GridCell[])[], report: Report) {
  const grid: { cell: GridCell; text: string; origin: boolean; firstRow: boolean }[][] = rows.map(() => []);
  rows.forEach((cells, rowIndex) => {
    let column = 0;
    for (const cell of cells) {
      while (grid[rowIndex]![column]) column += 1;
      const rowSpan = cell.kind === "header" ? cell.rowSpan : 1;
      const text = cell.kind === "header" ? cell.text : formatCellValue(readValue(report, cell.info.path));
      for (let r = rowIndex; r < rowIndex + rowSpan; r += 1)
        for (let c = column; c < column + cell.columnSpan; c += 1)
          grid[r]![c] = { cell, text, origin: c === column, firstRow: r === rowIndex };
      column += cell.columnSpan;
    }
  });
  return grid;
}

afterEach(() => {
  vi.useRealTimers();
});

describe.each(EDITIONS)("renderDocx, edition %s", (edition: Edition) => {
  it("merges the table cells exactly as the official layout (gridSpan, vMerge) with every value in its cell", async () => {
    const report = numberedReport(edition);
    const { document } = await open(await renderDocx(report));
    const tables = findAll(document, "w:tbl");
    const models = tableModels(edition);
    expect(tables).toHaveLength(3);
    let merges = 0;
    [models.table2, models.table3, models.table4].forEach((model, index) => {
      const actual = wordGrid(tables[index]!);
      const expected = expectedGrid([...model.head, ...model.bodies.flat()].map((row) => row.cells), report);
      expect(actual).toHaveLength(expected.length);
      expected.forEach((row, r) => {
        expect(actual[r], `${model.key} row ${r}`).toHaveLength(model.columnCount);
        row.forEach((slot, c) => {
          const word = actual[r]![c]!;
          expect(word.start, `${model.key} ${r}/${c}`).toBe(slot.origin);
          expect(word.span).toBe(slot.cell.columnSpan);
          const rowSpan = slot.cell.kind === "header" ? slot.cell.rowSpan : 1;
          if (rowSpan === 1) expect(word.merge).toBeNull();
          else if (slot.firstRow) expect(word.merge).toBe("restart");
          else expect(word.merge).toBe("continue");
          expect(word.text, `${model.key} ${r}/${c}`).toBe(slot.firstRow ? slot.text : "");
          if (word.merge === "restart" && slot.origin) merges += 1;
        });
      });
    });
    // 表三's merged header and group cells, 表四's two header rows.
    expect(merges).toBeGreaterThanOrEqual(edition === "2021" ? 9 : 8);
  });

  it("uses Word headings for the six sections and the part titles, and the Title style for the title", async () => {
    const { document } = await open(await renderDocx(numberedReport(edition)));
    const byStyle = (style: string) =>
      findAll(document, "w:p")
        .filter((paragraph) => findAll(paragraph, "w:pStyle")[0]?.attributes["w:val"] === style)
        .map(wordText);
    expect(byStyle("Title")).toEqual([`某某市某某局${edition === "2021" ? 2023 : 2020}年政府信息公开工作年度报告`]);
    expect(byStyle("Heading1")).toEqual(SECTION_LAYOUTS.map((section) => section.heading));
    expect(byStyle("Heading2")).toEqual(["（一）主动公开情况", "（二）依申请公开情况", "（一）信息处理费收取情况"]);
  });
});

describe("renderDocx", () => {
  it("is an A4 document with page numbers, Chinese fonts with fallbacks and outline levels on the headings", async () => {
    const { parts, document } = await open(await renderDocx(exampleReport()));
    const section = findAll(document, "w:sectPr")[0]!;
    expect(child(section, "w:pgSz")!.attributes).toMatchObject({ "w:w": "11906", "w:h": "16838" });
    expect(findAll(section, "w:footerReference").map((reference) => reference.attributes["w:type"]).sort()).toEqual(["default", "even"]);
    const footers = [...parts.entries()].filter(([name]) => /^word\/footer\d+\.xml$/.test(name));
    expect(footers).toHaveLength(2);
    for (const [, footer] of footers) expect(findAll(footer, "w:instrText").map((node) => node.children.join("").trim())).toContain("PAGE");
    const settings = parts.get("word/settings.xml")!;
    expect(findAll(settings, "w:evenAndOddHeaders")).toHaveLength(1);

    const styles = parts.get("word/styles.xml")!;
    const style = (id: string) => findAll(styles, "w:style").find((candidate) => candidate.attributes["w:styleId"] === id)!;
    const eastAsia = (element: XmlElement) => findAll(element, "w:rFonts")[0]?.attributes["w:eastAsia"];
    expect(eastAsia(findAll(styles, "w:docDefaults")[0]!)).toBe("仿宋_GB2312");
    expect(eastAsia(style("Title"))).toBe("方正小标宋简体");
    expect(eastAsia(style("Heading1"))).toBe("黑体");
    expect(eastAsia(style("Heading2"))).toBe("楷体_GB2312");
    expect(findAll(style("Heading1"), "w:outlineLvl")[0]!.attributes["w:val"]).toBe("0");
    expect(findAll(style("Heading2"), "w:outlineLvl")[0]!.attributes["w:val"]).toBe("1");
    const fonts = findAll(parts.get("word/fontTable.xml")!, "w:font");
    const alternative = (name: string) =>
      findAll(fonts.find((font) => font.attributes["w:name"] === name)!, "w:altName")[0]!.attributes["w:val"];
    expect(alternative("仿宋_GB2312")).toBe("仿宋");
    expect(alternative("方正小标宋简体")).toBe("华文中宋");
  });

  it("sets the proofing language to Simplified Chinese in the document defaults", async () => {
    const { parts } = await open(await renderDocx(exampleReport()));
    const defaults = findAll(parts.get("word/styles.xml")!, "w:docDefaults")[0]!;
    const languages = findAll(findAll(defaults, "w:rPrDefault")[0]!, "w:lang");
    expect(languages).toHaveLength(1);
    expect(languages[0]!.attributes).toMatchObject({ "w:val": "zh-CN", "w:eastAsia": "zh-CN" });
    // No style or run overrides it.
    const elsewhere = [...findAll(parts.get("word/styles.xml")!, "w:lang"), ...findAll(parts.get("word/document.xml")!, "w:lang")];
    expect(elsewhere.filter((lang) => lang !== languages[0]).map((lang) => lang.attributes)).toEqual([]);
  });

  it("repeats 表三's and 表四's header rows on every page", async () => {
    const { document } = await open(await renderDocx(exampleReport()));
    const [, table3, table4] = findAll(document, "w:tbl");
    const headerRows = (table: XmlElement) => findAll(table, "w:tr").filter((row) => findAll(row, "w:tblHeader").length > 0).length;
    expect(headerRows(table3!)).toBe(3);
    expect(headerRows(table4!)).toBe(3);
  });

  it("leaves blank cells empty: the example's 行政复议 row", async () => {
    const { document } = await open(await renderDocx(exampleReport()));
    const rows = findAll(findAll(document, "w:tbl")[2]!, "w:tr");
    const data = findAll(rows.at(-1)!, "w:tc").map(wordText);
    expect(data).toEqual([...Array(5).fill(""), ...Array(10).fill("0")]);
  });

  it("gives byte-identical output at any time of day, stamped with the publication date", async () => {
    const report = numberedReport("2021");
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-06-15T13:45:17Z"));
    const first = await renderDocx(report);
    vi.setSystemTime(new Date("2031-11-02T02:03:59Z"));
    const second = await renderDocx(report);
    vi.useRealTimers();
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    const { zip, parts } = await open(first);
    for (const file of Object.values(zip.files)) {
      // JSZip reads the MS-DOS date as local time.
      expect([file.date.getFullYear(), file.date.getMonth() + 1, file.date.getDate(), file.date.getHours()]).toEqual([2024, 1, 20, 0]);
    }
    const core = parts.get("docProps/core.xml")!;
    expect(wordTextOf(core, "dcterms:created")).toBe("2024-01-20T00:00:00Z");
    expect(wordTextOf(core, "dcterms:modified")).toBe("2024-01-20T00:00:00Z");
    expect(wordTextOf(core, "dc:creator")).toBe("某某市某某局");
  });

  it("stamps a report without a publication date with 1 January after its year", async () => {
    const { parts } = await open(await renderDocx(exampleReport()));
    expect(wordTextOf(parts.get("docProps/core.xml")!, "dcterms:created")).toBe("2024-01-01T00:00:00Z");
  });

  it("writes 2019's 本年增/减 with its sign and amounts with their decimals", async () => {
    const report = numberedReport("2019") as Report2019;
    const { document } = await open(await renderDocx(report));
    const texts = findAll(findAll(document, "w:tbl")[0]!, "w:tc").map(wordText);
    const change = report.proactiveDisclosure.licensing.change!;
    expect(change).toBeLessThan(0);
    expect(texts).toContain(String(change));
    expect(texts).toContain(String(report.proactiveDisclosure.procurement.amount));
    expect(layoutOf("2019").table2.blocks.map((block) => block.caption).every((caption) => texts.includes(caption))).toBe(true);
  });
});

function wordTextOf(element: XmlElement, name: string): string {
  return findAll(element, name)[0]!.children.join("");
}
