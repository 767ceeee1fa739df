// A report imported from a published document lists in its `import` block the cells the importer could not
// read. Those cells are null like blank ones, but they were not published blank: the validators must say
// "could not be read when imported", never "blank, write 0".
import { describe, expect, it } from "vitest";
import { validate } from "./validate.js";
import { sampleReport } from "./sample.js";

const TODAY = new Date("2025-06-01T00:00:00Z");
const CELL = "/applications/newlyReceived/naturalPerson";

function withNullCell(unreadable: boolean) {
  const report = structuredClone(sampleReport("2021")) as unknown as Record<string, unknown>;
  (report.applications as Record<string, Record<string, unknown>>).newlyReceived!.naturalPerson = null;
  if (unreadable) report.import = { tool: "@xxgk/importer", version: "0.1.0", unreadable: [CELL], inferred: [] };
  return report;
}

describe("cells the importer could not read", () => {
  it("are not reported as blank cells", () => {
    const blank = validate(withNullCell(false), { today: TODAY, profile: "audit" });
    const unreadable = validate(withNullCell(true), { today: TODAY, profile: "audit" });
    expect(blank.diagnostics.some((diagnostic) => diagnostic.ruleId === "BLANK-CELL" && diagnostic.pointers.includes(CELL))).toBe(true);
    expect(unreadable.diagnostics.some((diagnostic) => diagnostic.ruleId === "BLANK-CELL")).toBe(false);
  });

  it("make the identities that use them not assessable, saying why in both languages", () => {
    const result = validate(withNullCell(true), { today: TODAY, profile: "audit" });
    const rowSum = result.diagnostics.find((diagnostic) => diagnostic.ruleId === "T3-SUM-ROW")!;
    expect(rowSum.outcome).toBe("not-assessable");
    expect(rowSum.message).toContain("导入时无法辨认");
    expect(rowSum.message).not.toContain("空白");
    expect(rowSum.messageEn).toContain("could not be read when imported");
    expect(rowSum.cells.find((cell) => cell.pointer === CELL)?.unreadable).toBe(true);
  });

  it("a blank cell keeps the blank wording", () => {
    const result = validate(withNullCell(false), { today: TODAY, profile: "audit" });
    const rowSum = result.diagnostics.find((diagnostic) => diagnostic.ruleId === "T3-SUM-ROW")!;
    expect(rowSum.message).toContain("空白");
    expect(rowSum.message).not.toContain("导入时无法辨认");
  });
});
