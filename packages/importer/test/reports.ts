/** Reports for the readers' tests. */
import { cellsOf, createEmptyReport, type Edition, type Report } from "@xxgk/schema";

/**
 * A report of the edition whose cells take `value(index, kind)`: distinct values catch a value read into the wrong
 * cell; `null` leaves the cell blank.
 */
export function reportWith(edition: Edition, value: (index: number, kind: string) => number | null): Report {
  const report = createEmptyReport({ edition, year: edition === "2021" ? 2023 : 2020, body: "某某市某某局" });
  cellsOf(edition).forEach((cell, index) => {
    const row = (report as unknown as Record<string, Record<string, Record<string, number | null>>>)[cell.section]![cell.row]!;
    row[cell.column] = value(index, cell.kind);
  });
  report.overview = { paragraphs: ["本年度，我局认真贯彻落实条例。"], parts: [{ title: "（一）主动公开情况", paragraphs: ["主动公开信息 75 条。"] }] };
  return report;
}

/** Distinct values: counts 101, 102, …; amounts with decimals; 本年增/减 negative; every seventh cell blank. */
export function numberedReport(edition: Edition): Report {
  return reportWith(edition, (index, kind) => {
    if (index % 7 === 3) return null;
    if (kind === "amount") return 1000 + index + 0.25;
    if (kind === "signedCount") return -(index + 1);
    return 101 + index;
  });
}
