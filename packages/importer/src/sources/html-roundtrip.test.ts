import { renderHtml } from "@xxgk/renderer";
import { cellsOf, formatCellValue, layoutOf, readCell, type Edition } from "@xxgk/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { numberedReport, reportWith } from "../../test/reports.js";
import { readHtml } from "./index.js";

describe("readHtml on reports rendered by @xxgk/renderer", () => {
  it.each(["2021", "2019"] as const)("%s edition: 表三's rows with their figures in order, merged cells as spans", (edition: Edition) => {
    const report = numberedReport(edition);
    const document = readHtml(renderHtml(report));
    const layout = layoutOf(edition).table3;
    for (const row of layout.rows) {
      const line = document.lines.find((candidate) => candidate.table && candidate.cells.some((cell) => cell.text === row.label));
      expect(line, row.label).toBeDefined();
      const at = line!.cells.findIndex((cell) => cell.text === row.label);
      const values = layout.columns.map((column) => formatCellValue(readCell(report, { path: ["applications", row.key, column.key] })));
      expect(line!.cells.slice(at + 1).map((cell) => cell.text), row.label).toEqual(values);
      // The figures sit in the grid columns after the three label columns.
      expect(line!.cells.slice(at + 1).map((cell) => cell.gridColumn)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    }
    for (const group of layout.rowGroups) {
      const cell = document.lines.flatMap((line) => line.cells).find((candidate) => candidate.text === group.label)!;
      expect(cell.rowSpan, group.label).toBe(group.rowSpan);
    }
  });

  it("keeps every figure of random reports, blanks as empty cells", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 9_999_999 }), { nil: null, freq: 4 }), { minLength: 150, maxLength: 150 }), (values) => {
        const report = reportWith("2021", (index) => values[index % values.length]!);
        const cells = readHtml(renderHtml(report)).lines.filter((line) => line.table).flatMap((line) => line.cells.map((cell) => cell.text));
        const remaining = new Map<string, number>();
        for (const text of cells) remaining.set(text, (remaining.get(text) ?? 0) + 1);
        for (const cell of cellsOf("2021")) {
          const text = formatCellValue(readCell(report, cell));
          expect(remaining.get(text) ?? 0, cell.label).toBeGreaterThan(0);
          remaining.set(text, remaining.get(text)! - 1);
        }
      }),
      { numRuns: 30 },
    );
  });
});
