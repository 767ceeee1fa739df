/**
 * Every output writes a figure the way `formatCellValue` of `@xxgk/schema` does: blank empty, no floating-point
 * noise, no exponent.
 */
import { parseReport, type Report, type Report2019, type Report2021 } from "@xxgk/schema";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { numberedReport } from "../test/fixtures.js";
import { byId, parseDocument, textOf } from "../test/html-dom.js";
import { findAll, parseXml, wordText } from "../test/xml.js";
import { renderDocx } from "./docx.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./plain-text.js";
import { readValue } from "./values.js";

/** A 2021 report with a fee of 0.1 + 0.2 (0.30000000000000004) and a 2019 one with an amount of 1e-7. */
function reports(): { report: Report; pointer: string; row: string; expected: string }[] {
  const fees = numberedReport("2021") as Report2021;
  fees.proactiveDisclosure.fees.amount = 0.1 + 0.2;
  const procurement = numberedReport("2019") as Report2019;
  procurement.proactiveDisclosure.procurement.amount = 1e-7;
  for (const report of [fees, procurement]) expect(parseReport(JSON.parse(JSON.stringify(report))).success).toBe(true);
  return [
    { report: fees, pointer: "/proactiveDisclosure/fees/amount", row: "行政事业性收费", expected: "0.3" },
    { report: procurement, pointer: "/proactiveDisclosure/procurement/amount", row: "政府集中采购", expected: "0.0000001" },
  ];
}

describe("figures in every output", () => {
  it.each(reports())("writes $pointer as $expected in HTML, DOCX, Markdown and text", async ({ report, pointer, row, expected }) => {
    const raw = String(readValue(report, pointer.split("/").slice(1) as [string, string, string]));
    expect(raw).not.toBe(expected);

    const ids = byId(parseDocument(renderHtml(report)));
    expect(textOf(ids.get(`xxgk-cell${pointer.replaceAll("/", "-")}`)!)).toBe(expected);

    const zip = await JSZip.loadAsync(await renderDocx(report));
    const document = parseXml(await zip.file("word/document.xml")!.async("string"));
    const cells = findAll(findAll(document, "w:tbl")[0]!, "w:tc").map(wordText);
    expect(cells).toContain(expected);
    expect(cells).not.toContain(raw);

    const markdownRow = renderMarkdown(report)
      .split("\n")
      .find((line) => line.startsWith(`| ${row} |`));
    expect(markdownRow).toBeDefined();
    expect(markdownRow!.slice(2, -2).split(" | ")).toContain(expected);
    expect(markdownRow).not.toContain(raw);

    const textRow = renderText(report)
      .split("\n")
      .find((line) => line.startsWith(row));
    expect(textRow).toBeDefined();
    expect(textRow!.trim().split(/\s+/)).toContain(expected);
    expect(textRow).not.toContain(raw);
  });

  it("leaves blank cells empty in every output, never 0", async () => {
    const report = numberedReport("2021") as Report2021;
    report.proactiveDisclosure.fees.amount = null;
    const ids = byId(parseDocument(renderHtml(report)));
    expect(textOf(ids.get("xxgk-cell-proactiveDisclosure-fees-amount")!)).toBe("");
    const markdownRow = renderMarkdown(report)
      .split("\n")
      .find((line) => line.startsWith("| 行政事业性收费 |"));
    expect(markdownRow).toBe("| 行政事业性收费 |  |");
    expect(renderText(report).split("\n")).toContain("行政事业性收费");
    const zip = await JSZip.loadAsync(await renderDocx(report));
    const rows = findAll(findAll(parseXml(await zip.file("word/document.xml")!.async("string")), "w:tbl")[0]!, "w:tr");
    const fees = rows.find((tr) => wordText(findAll(tr, "w:tc")[0]!) === "行政事业性收费")!;
    expect(findAll(fees, "w:tc").map(wordText)).toEqual(["行政事业性收费", ""]);
  });
});
