/**
 * Printed pages never show a merged group's rows without its label where the group fits on a page: in HTML each
 * top-level group of 表三 (and each block of 表二) is a `<tbody>` kept whole in print, the rows of 表三's inner groups
 * are kept with the next; in DOCX the same rows are kept with the next (Word keeps a row with the next when the
 * paragraphs of its first cell are) and no row splits.
 */
import { EDITIONS, layoutOf, type Edition } from "@xxgk/schema";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { numberedReport } from "../test/fixtures.js";
import { attribute, byId, byTag, parseDocument, textOf, type Element } from "../test/html-dom.js";
import { child, findAll, parseXml, wordText, type XmlElement } from "../test/xml.js";
import { renderDocx } from "./docx.js";
import { renderHtml } from "./html.js";
import { REPORT_CSS } from "./html-style.js";

/** 表三's rows by key, and for each whether it must be kept with the next: inside an inner group, not its last. */
function expectedKeeps(edition: Edition): { label: string; keep: boolean }[] {
  const rows = layoutOf(edition).table3.rows;
  return rows.map((row, index) => {
    const next = rows[index + 1];
    const keep = row.groups.length > 1 && next !== undefined && next.groups.join("/") === row.groups.join("/");
    return { label: row.label, keep };
  });
}

/** The rules of the print stylesheet, as `selector{declarations}` strings. */
function printRules(): string[] {
  const start = REPORT_CSS.indexOf("@media print{");
  expect(start).toBeGreaterThan(0);
  return REPORT_CSS.slice(start + "@media print{".length).split("}").map((rule) => rule.trim());
}

describe.each(EDITIONS)("page breaks, edition %s", (edition) => {
  it("HTML: 表三 has a <tbody> per top-level row or group, the header rows in <thead>, inner groups kept together", () => {
    const root = parseDocument(renderHtml(numberedReport(edition)));
    const table = byId(root).get("xxgk-table3")!;
    const layout = layoutOf(edition).table3;
    const top = layout.rowGroups.find((group) => group.depth === 0)!;
    const tbodies = byTag(table, "tbody");
    const sizes = tbodies.map((tbody) => byTag(tbody, "tr").length);
    const before = layout.rows.findIndex((row) => row.key === top.firstRow);
    expect(sizes).toEqual([
      ...Array(before).fill(1),
      top.rowSpan,
      ...Array(layout.rows.length - before - top.rowSpan).fill(1),
    ]);
    // The merged label spans exactly the rows of its own <tbody>.
    const groupBody = tbodies[before]!;
    const label = byTag(groupBody, "th").find((th) => textOf(th) === top.label)!;
    expect(Number(attribute(label, "rowspan"))).toBe(top.rowSpan);
    expect(byTag(byTag(table, "thead")[0]!, "tr")).toHaveLength(3);

    const rows = tbodies.flatMap((tbody) => byTag(tbody, "tr"));
    const keeps = rows.map((row: Element) => attribute(row, "class") === "xxgk-keep");
    expect(keeps).toEqual(expectedKeeps(edition).map((row) => row.keep));
    expect(keeps.filter(Boolean).length).toBe(edition === "2021" ? 15 : 13);
  });

  it("DOCX: no row splits; the rows of 表三's inner groups and of 表二's blocks are kept with the next", async () => {
    const zip = await JSZip.loadAsync(await renderDocx(numberedReport(edition)));
    const document = parseXml(await zip.file("word/document.xml")!.async("string"));
    const [table2, table3] = findAll(document, "w:tbl");
    const rowsOf = (table: XmlElement) => findAll(table, "w:tr");
    const kept = (row: XmlElement) => {
      const first = child(row, "w:tc")!;
      const paragraphs = findAll(first, "w:p");
      const keeps = paragraphs.map((paragraph) => findAll(paragraph, "w:keepNext").length > 0);
      expect(new Set(keeps).size, wordText(row)).toBe(1);
      return keeps[0]!;
    };
    for (const table of [table2!, table3!])
      for (const row of rowsOf(table)) expect(findAll(row, "w:cantSplit"), wordText(row)).toHaveLength(1);

    const rows3 = rowsOf(table3!);
    const head = rows3.filter((row) => findAll(row, "w:tblHeader").length > 0);
    expect(head).toHaveLength(3);
    expect(head.map(kept)).toEqual([true, true, true]);
    expect(rows3.slice(head.length).map(kept)).toEqual(expectedKeeps(edition).map((row) => row.keep));

    // 表二: caption, column labels and every row of a block but its last.
    const expected2 = layoutOf(edition).table2.blocks.flatMap((block) => [
      true,
      true,
      ...block.rows.map((_, index) => index < block.rows.length - 1),
    ]);
    expect(rowsOf(table2!).map(kept)).toEqual(expected2);
  });
});

describe("print stylesheet", () => {
  it("repeats header rows, keeps each row group and small table whole, and keeps inner-group rows together", () => {
    const rules = printRules();
    expect(rules).toContain(".xxgk-report thead{display:table-header-group");
    expect(rules).toContain(".xxgk-report tbody,.xxgk-report .xxgk-t4{break-inside:avoid");
    expect(rules).toContain(".xxgk-report tr.xxgk-keep{break-after:avoid");
    expect(rules).toContain(".xxgk-report tr{break-inside:avoid");
  });
});
