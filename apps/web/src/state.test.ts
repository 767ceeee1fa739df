import { readFileSync } from "node:fs";
import type { Report } from "@xxgk/schema/layout";
import { describe, expect, it } from "vitest";
import { checkReport } from "./checking.js";
import { parseClipboardTable } from "./clipboard.js";
import { Drafts } from "./drafts.js";
import { History } from "./history.js";
import { setCell } from "./report-edit.js";

const example = JSON.parse(readFileSync(new URL("../../../examples/2023-shizuishan-shangwuju.json", import.meta.url), "utf8")) as Report;

function memoryStorage() {
  const map = new Map<string, string>();
  return { map, getItem: (key: string) => map.get(key) ?? null, setItem: (key: string, value: string) => void map.set(key, value), removeItem: (key: string) => void map.delete(key) };
}

describe("History", () => {
  it("undoes and redoes, and merges typing in one cell into one step", () => {
    const history = new History("a");
    history.push("ab", "cell", 0);
    history.push("abc", "cell", 100);
    history.push("x", "other", 200);
    expect(history.undo()).toBe("abc");
    expect(history.undo()).toBe("a");
    expect(history.canUndo).toBe(false);
    expect(history.redo()).toBe("abc");
    history.push("new", undefined, 300);
    expect(history.canRedo).toBe(false);
  });
});

describe("Drafts", () => {
  it("keeps several drafts and re-opens the current one exactly", () => {
    const storage = memoryStorage();
    const drafts = new Drafts(storage);
    const edited = setCell(example, "/applications/disclosed/naturalPerson", 4);
    expect(drafts.save({ id: "a", report: example })).toBe(true);
    expect(drafts.save({ id: "b", report: edited, previous: example })).toBe(true);
    expect(drafts.list().map((draft) => draft.id)).toEqual(["b", "a"]);
    expect(drafts.current()).toMatchObject({ id: "b", report: edited, previous: example });
    drafts.remove("b");
    expect(drafts.list().map((draft) => draft.id)).toEqual(["a"]);
    expect(drafts.current()).toBeUndefined();
  });

  it("says so when the browser refuses to store, instead of throwing", () => {
    const drafts = new Drafts({ getItem: () => null, setItem: () => { throw new Error("QuotaExceededError"); }, removeItem: () => undefined });
    expect(drafts.save({ id: "a", report: example })).toBe(false);
  });
});

describe("parseClipboardTable", () => {
  it("reads Excel's tab-separated rows, quoted cells and the trailing line break", () => {
    expect(parseClipboardTable("1\t2\n3\t4\n")).toEqual([["1", "2"], ["3", "4"]]);
    expect(parseClipboardTable('"1,234"\t5\r\n')).toEqual([["1,234", "5"]]);
    expect(parseClipboardTable("42")).toEqual([["42"]]);
    expect(parseClipboardTable("")).toEqual([]);
  });
});

describe("checkReport", () => {
  it("marks the cells of a failed total and pinpoints the wrong one with its fix", () => {
    const wrong = setCell(example, "/applications/newlyReceived/total", 5);
    const { marks, findings } = checkReport(wrong, undefined);
    const mark = marks.get("/applications/newlyReceived/total");
    expect(mark).toMatchObject({ severity: "error", pinpoint: true, suggested: 0 });
    expect(marks.get("/applications/newlyReceived/naturalPerson")?.pinpoint).toBe(false);
    expect(findings.some((finding) => finding.ruleId === "T3-SUM-ROW")).toBe(true);
    // The example's blank 表四 行政复议 is marked as unfilled, not as wrong.
    expect(marks.get("/reviewAndLitigation/reconsideration/upheld")).toMatchObject({ severity: "error", onlyBlank: true });
    expect(mark?.onlyBlank).toBe(false);
  });

  it("offers a one-click fix only with a value that repairs: none when two cells are wrong or either of two could be", () => {
    // A row typed 6 too high in 自然人 and in its 总计 alike: the row adds up, the two columns do not, and putting any
    // one cell back would break another identity.
    let twoWrong = setCell(example, "/applications/withheldStateSecret/naturalPerson", 6);
    twoWrong = setCell(twoWrong, "/applications/withheldStateSecret/total", 6);
    // 行政诉讼 直接起诉: 维持 5, 总计 0 — 总计 or 维持 is wrong, nothing says which.
    twoWrong = setCell(twoWrong, "/reviewAndLitigation/litigationDirect/upheld", 5);
    const { marks, findings } = checkReport(twoWrong, undefined);
    expect(findings.filter((finding) => finding.ruleId === "T3-SUM-COLUMN")).toHaveLength(2);
    expect(findings.find((finding) => finding.ruleId === "T4-SUM-GROUP")?.candidates).toHaveLength(2);
    expect([...marks.values()].filter((cell) => cell.pinpoint || cell.suggested !== undefined)).toEqual([]);
  });
});
