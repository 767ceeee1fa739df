/** Reports for the tests: the committed example and reports whose every cell holds a distinct value. */
import { readFileSync } from "node:fs";
import { cellsOf, createEmptyReport, parseReport, type Edition, type Report } from "@xxgk/schema";

/** The committed example report (2021 edition, five blank 行政复议 cells). */
export function exampleReport(): Report {
  const json: unknown = JSON.parse(readFileSync(new URL("../../../examples/2023-shizuishan-shangwuju.json", import.meta.url), "utf8"));
  const result = parseReport(json);
  if (!result.success) throw new Error(`example does not parse: ${JSON.stringify(result.issues)}`);
  return result.report;
}

/**
 * A report whose cells hold distinct values (so a value in the wrong cell is caught): counts 101, 102, …, amounts
 * with decimals, 本年增/减 negative, and every seventh cell blank (null). Prose with parts and a preamble.
 */
export function numberedReport(edition: Edition): Report {
  const report = createEmptyReport({ edition, year: edition === "2021" ? 2023 : 2020, body: "某某市某某局" });
  cellsOf(edition).forEach((cell, index) => {
    const row = (report as unknown as Record<string, Record<string, Record<string, number | null>>>)[cell.section]![cell.row]!;
    let value: number | null = 101 + index;
    if (cell.kind === "amount") value = 1000 + index + 0.25;
    if (cell.kind === "signedCount") value = -(index + 1);
    if (index % 7 === 3) value = null;
    row[cell.column] = value;
  });
  report.meta.publishedOn = edition === "2021" ? "2024-01-20" : "2021-01-29";
  report.preamble = { paragraphs: ["根据《中华人民共和国政府信息公开条例》，现发布本报告。"] };
  report.overview = {
    paragraphs: ["本年度，我局认真贯彻落实条例。"],
    parts: [
      { title: "（一）主动公开情况", paragraphs: ["主动公开信息 75 条。", "其中部门文件 5 条。"] },
      { title: "（二）依申请公开情况", paragraphs: ["收到申请 3 件。"] },
    ],
  };
  report.problemsAndImprovements = { paragraphs: ["一是时效性不够强。"] };
  report.otherMatters = { paragraphs: [], parts: [{ title: "（一）信息处理费收取情况", paragraphs: ["未收取信息处理费。"] }] };
  return report;
}
