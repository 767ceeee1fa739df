import { readFileSync } from "node:fs";
import { cellsOf, isWellFormedReport, type Report } from "@xxgk/schema/layout";
import { validateWellFormed } from "@xxgk/validators/core";
import { describe, expect, it } from "vitest";
import { parseClipboardTable } from "./clipboard.js";
import {
  changeYear,
  editorGrid,
  fillTotals,
  neighbour,
  newReport,
  pasteBlock,
  prefillFromPrevious,
  reportAfter,
  setCell,
  valueAt,
} from "./report-edit.js";

const example = JSON.parse(readFileSync(new URL("../../../examples/2023-shizuishan-shangwuju.json", import.meta.url), "utf8")) as Report;
const example2019 = JSON.parse(
  readFileSync(new URL("../../../examples/2020-example-county-2019-edition.json", import.meta.url), "utf8"),
) as Report;

describe("newReport", () => {
  it("starts blank in the edition the year prescribes", () => {
    const report = newReport({ year: 2024, body: "某县人民政府" });
    expect(report.edition).toBe("2021");
    expect(isWellFormedReport(report)).toBe(true);
    expect(cellsOf("2021").every((cell) => valueAt(report, cell.pointer) === null)).toBe(true);
    expect(newReport({ year: 2020, body: "x" }).edition).toBe("2019");
    expect(() => newReport({ year: 2018, body: "x" })).toThrow(/2019/);
  });
});

describe("setCell", () => {
  it("returns a new report and leaves the old one untouched", () => {
    const next = setCell(example, "/applications/disclosed/naturalPerson", 7);
    expect(valueAt(next, "/applications/disclosed/naturalPerson")).toBe(7);
    expect(valueAt(example, "/applications/disclosed/naturalPerson")).toBe(0);
    expect(next.reviewAndLitigation).toBe(example.reviewAndLitigation);
  });
});

describe("editor grid and keyboard moves", () => {
  it("has every cell of the layout exactly once", () => {
    for (const edition of ["2021", "2019"] as const) {
      const grid = editorGrid(edition);
      expect(grid.positions.size).toBe(cellsOf(edition).length);
    }
  });

  it("moves like a spreadsheet and stops at the table's edge", () => {
    expect(neighbour("2021", "/applications/newlyReceived/naturalPerson", "down")).toBe("/applications/carriedOver/naturalPerson");
    expect(neighbour("2021", "/applications/newlyReceived/naturalPerson", "right")).toBe("/applications/newlyReceived/commercialEnterprise");
    expect(neighbour("2021", "/applications/newlyReceived/naturalPerson", "up")).toBeUndefined();
    expect(neighbour("2021", "/applications/newlyReceived/naturalPerson", "left")).toBeUndefined();
    // 表二: from a three-column row down to a one-column row lands on its only cell.
    expect(neighbour("2021", "/proactiveDisclosure/normativeDocuments/inForce", "down")).toBe("/proactiveDisclosure/licensing/decisions");
    expect(neighbour("2021", "/reviewAndLitigation/reconsideration/total", "right")).toBe("/reviewAndLitigation/litigationDirect/upheld");
  });
});

describe("pasteBlock", () => {
  it("lands a 3×4 block copied from a spreadsheet under the cursor", () => {
    const block = parseClipboardTable("1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n");
    const result = pasteBlock(example, "/applications/disclosed/naturalPerson", block);
    expect(result).toMatchObject({ written: 12, skipped: 0, invalid: 0 });
    expect(valueAt(result.report, "/applications/disclosed/naturalPerson")).toBe(1);
    expect(valueAt(result.report, "/applications/disclosed/publicInterestOrganization")).toBe(4);
    expect(valueAt(result.report, "/applications/withheldStateSecret/publicInterestOrganization")).toBe(12);
    // Outside the block: untouched.
    expect(valueAt(result.report, "/applications/withheldStateSecret/legalServiceAgency")).toBe(0);
    expect(valueAt(result.report, "/applications/withheldProhibitedByLaw/naturalPerson")).toBe(0);
  });

  it("leaves out what falls outside the table or is not a number, and keeps blanks blank", () => {
    const result = pasteBlock(example, "/applications/carriedForward/otherOrganization", [["3", "4", "5"], ["6"]]);
    expect(result).toMatchObject({ written: 2, skipped: 2 });
    const invalid = pasteBlock(example, "/applications/disclosed/naturalPerson", [["12元", "", "7"]]);
    expect(invalid).toMatchObject({ written: 2, invalid: 1 });
    expect(valueAt(invalid.report, "/applications/disclosed/naturalPerson")).toBe(0);
    expect(valueAt(invalid.report, "/applications/disclosed/commercialEnterprise")).toBeNull();
  });
});

describe("fillTotals", () => {
  it("writes the totals the details determine, so the sum rules pass", () => {
    let report = newReport({ year: 2024, body: "某局" });
    for (const cell of cellsOf("2021")) if (cell.column !== "total" && cell.row !== "total") report = setCell(report, cell.pointer, 1);
    const { report: filled, filled: pointers } = fillTotals(report);
    expect(valueAt(filled, "/applications/newlyReceived/total")).toBe(6);
    expect(valueAt(filled, "/applications/total/naturalPerson")).toBe(21);
    expect(valueAt(filled, "/applications/total/total")).toBe(126);
    expect(valueAt(filled, "/reviewAndLitigation/reconsideration/total")).toBe(4);
    expect(pointers).toContain("/applications/total/total");
    const failed = validateWellFormed(filled)!.diagnostics.filter(
      (diagnostic) => diagnostic.outcome === "fail" && ["T3-SUM-ROW", "T3-SUM-COLUMN", "T4-SUM-GROUP"].includes(diagnostic.ruleId),
    );
    expect(failed).toEqual([]);
  });

  it("never invents a total over a blank detail", () => {
    const report = newReport({ year: 2024, body: "某局" });
    expect(fillTotals(report).filled).toEqual([]);
    const partly = setCell(report, "/reviewAndLitigation/reconsideration/upheld", 2);
    expect(valueAt(fillTotals(partly).report, "/reviewAndLitigation/reconsideration/total")).toBeNull();
  });
});

describe("last year's report", () => {
  it("prefills 上年结转 from last year's 结转下年度继续办理, column by column", () => {
    const previous = setCell(setCell(example, "/applications/carriedForward/naturalPerson", 3), "/applications/carriedForward/total", 3);
    const { report, filled } = reportAfter(previous);
    expect(report.meta).toMatchObject({ year: 2024, body: example.meta.body, regionCode: "640200" });
    expect(valueAt(report, "/applications/carriedOver/naturalPerson")).toBe(3);
    expect(valueAt(report, "/applications/carriedOver/total")).toBe(3);
    expect(valueAt(report, "/applications/carriedOver/commercialEnterprise")).toBe(0);
    expect(filled).toHaveLength(7);
  });

  it("keeps what the clerk typed and prefills 2019's 上一年项目数量 from last year's count and change", () => {
    const typed = setCell(newReport({ year: 2021, body: "x" }), "/applications/carriedOver/naturalPerson", 9);
    expect(valueAt(prefillFromPrevious(typed, example).report, "/applications/carriedOver/naturalPerson")).toBe(9);
    const next2019 = changeYear(newReport({ year: 2019, body: "x" }), 2020).report;
    const previous = setCell(setCell(example2019, "/proactiveDisclosure/licensing/previousItems", 10), "/proactiveDisclosure/licensing/change", -2);
    expect(valueAt(prefillFromPrevious(next2019, previous).report, "/proactiveDisclosure/licensing/previousItems")).toBe(8);
  });
});

describe("changeYear", () => {
  it("switches the edition with the year, keeping the cells both editions share", () => {
    const report = setCell(example, "/applications/disclosed/naturalPerson", 5);
    const { report: moved, editionChanged } = changeYear(report, 2020);
    expect(editionChanged).toBe(true);
    expect(moved.edition).toBe("2019");
    expect(isWellFormedReport(moved)).toBe(true);
    expect(valueAt(moved, "/applications/disclosed/naturalPerson")).toBe(5);
    expect(valueAt(moved, "/applications/otherHandling/total")).toBeNull();
    expect(changeYear(example, 2024)).toMatchObject({ editionChanged: false });
  });
});
