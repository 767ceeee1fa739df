import { describe, expect, it } from "vitest";
import { cellAt, cellsOf, createEmptyReport, labelOfPointer, parseReport, readCell, walkCells, LAYOUTS } from "./index.js";

describe("cells", () => {
  it("counts every numeric cell of each edition", () => {
    // 2021: 表二 3+3+1+1+1+1 = 10, 表三 25 rows × 7, 表四 15
    expect(cellsOf("2021")).toHaveLength(10 + 25 * 7 + 15);
    // 2019: 表二 3+3+3+3+3+3+2+2 = 22, 表三 23 rows × 7, 表四 15
    expect(cellsOf("2019")).toHaveLength(22 + 23 * 7 + 15);
  });

  it("labels cells the way diagnostics name them", () => {
    expect(cellAt("2021", "/applications/newlyReceived/naturalPerson")?.label).toBe(
      "表三 / 自然人 / 一、本年新收政府信息公开申请数量",
    );
    expect(cellAt("2021", "/applications/total/total")?.label).toBe("表三 / 总计 / （七）总计");
    expect(cellAt("2021", "/reviewAndLitigation/litigationAfterReconsideration/upheld")?.labels).toMatchObject({
      row: "复议后起诉",
      rowGroups: ["行政诉讼"],
      column: "结果维持",
    });
    expect(cellAt("2021", "/proactiveDisclosure/fees/amount")).toMatchObject({
      kind: "amount",
      label: "表二 / 行政事业性收费 / 本年收费金额（单位：万元）",
    });
    expect(cellAt("2019", "/proactiveDisclosure/licensing/change")?.kind).toBe("signedCount");
  });

  it("qualifies numbered sub-items with their group for exports", () => {
    expect(cellAt("2021", "/applications/withheldStateSecret/total")?.labels.qualifiedRow).toBe("（三）不予公开/1.属于国家秘密");
    expect(cellAt("2021", "/applications/disclosed/total")?.labels.qualifiedRow).toBe("（一）予以公开");
    expect(cellAt("2021", "/applications/newlyReceived/total")?.labels.qualifiedRow).toBe("一、本年新收政府信息公开申请数量");
    expect(cellAt("2019", "/applications/otherHandling/total")?.labels.qualifiedRow).toBe("（六）其他处理");
  });

  it("pointers agree with the layout and with readCell", () => {
    for (const edition of ["2021", "2019"] as const) {
      const report = createEmptyReport({ edition, year: 2023, body: "某局" });
      for (const cell of cellsOf(edition)) {
        expect(cell.pointer).toBe(`/${cell.path.join("/")}`);
        expect(readCell(report, cell)).toBe(0);
      }
    }
    expect(LAYOUTS["2021"].table3.rows.map((row) => row.key)).toEqual(
      [...new Set(cellsOf("2021").filter((cell) => cell.table === "table3").map((cell) => cell.row))],
    );
  });

  it("labelOfPointer falls back to section headings and the pointer", () => {
    expect(labelOfPointer("2021", "/overview")).toBe("一、总体情况");
    expect(labelOfPointer("2021", "/meta/year")).toBe("报告信息 / 报告年度");
    expect(labelOfPointer("2021", "/nowhere")).toBe("/nowhere");
  });

  it("readCell tolerates malformed reports", () => {
    const cell = cellAt("2021", "/applications/total/total")!;
    expect(readCell(null, cell)).toBeUndefined();
    expect(readCell({ applications: { total: { total: "3" } } }, cell)).toBeUndefined();
    expect(readCell({ applications: { total: { total: null } } }, cell)).toBeNull();
    expect(readCell({ applications: { total: { total: 3 } } }, cell)).toBe(3);
  });
});

describe("createEmptyReport", () => {
  it.each(["2021", "2019"] as const)("makes a valid all-zero report for edition %s", (edition) => {
    const report = createEmptyReport({ edition, year: 2024, body: "某市某局" });
    expect(parseReport(report).issues).toEqual([]);
    expect(walkCells(report).every((cell) => cell.value === 0)).toBe(true);
    expect(report.meta).toEqual({ body: "某市某局", year: 2024 });
  });

  it("can make an all-blank report", () => {
    const report = createEmptyReport({ edition: "2021", year: 2024, body: "某局", fill: null });
    expect(walkCells(report).every((cell) => cell.value === null)).toBe(true);
  });
});

describe("labels of places that are not cells", () => {
  it("names table rows, unknown cells and metadata fields as a reader would", () => {
    expect(labelOfPointer("2021", "/applications/otherOther")).toBe("表三 / （六）其他处理 / 3.其他");
    expect(labelOfPointer("2021", "/reviewAndLitigation/litigationDirect")).toBe("表四 / 行政诉讼 / 未经复议直接起诉");
    expect(labelOfPointer("2021", "/proactiveDisclosure/rules/produced")).toBe("表二 / 规章 / produced");
    expect(labelOfPointer("2021", "/applications/otherHandling")).toBe("三、收到和处理政府信息公开申请情况 / otherHandling");
    expect(labelOfPointer("2019", "/applications/otherHandling")).toBe("表三 / （六）其他处理");
    expect(labelOfPointer("2021", "/meta/regionCode")).toBe("报告信息 / 行政区划代码");
    expect(labelOfPointer("2021", "/meta/author")).toBe("报告信息 / author");
  });
});

describe("createEmptyReport refuses options that cannot make a report", () => {
  it.each([
    [{ edition: "2022", year: 2023, body: "某局" }, "UNKNOWN_EDITION"],
    [{ edition: "2021", year: 2018, body: "某局" }, "INVALID_YEAR"],
    [{ edition: "2021", year: 2023.5, body: "某局" }, "INVALID_YEAR"],
    [{ edition: "2021", year: 2023, body: "" }, "INVALID_BODY"],
  ])("%o → %s", (options, code) => {
    expect(() => createEmptyReport(options as never)).toThrowError(expect.objectContaining({ name: "ReportOptionsError", code }));
  });
});
