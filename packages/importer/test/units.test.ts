// Focused checks of the pieces: the text reader's cell splitting, the glued-digit solver, provenance positions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importReport, readText, splitGlued } from "../src/index.js";
import { reportText } from "./corpus-results.js";

describe("readText", () => {
  it("splits cells on tabs (keeping empty cells), pipes (dropping separator rows), 2+ spaces and single spaces between numbers", () => {
    const document = readText("规章\t0\t\t3\n| 行政许可 | 24 |\n|---|---:|\n行政处罚  4119  x\n一、本年新收 1 0 0 2\n2023 年，全年");
    expect(document.lines.map((line) => line.cells.map((cell) => cell.text))).toEqual([
      ["规章", "0", "", "3"],
      ["行政许可", "24"],
      ["行政处罚", "4119", "x"],
      ["一、本年新收 1", "0", "0", "2"],
      ["2023 年，全年"],
    ]);
    expect(document.lines[2]!.position).toEqual({ kind: "text", line: 4, column: 1 });
    expect(document.lines[2]!.cells[1]!.position).toEqual({ kind: "text", line: 4, column: 7 });
  });

  it("never throws, and outside pipe tables keeps every character of its input but whitespace, in order", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }).filter((text) => !text.includes("|")), (text) => {
        const document = readText(text);
        const kept = document.lines.flatMap((line) => line.cells.map((cell) => cell.text)).join("").replace(/\s/gu, "");
        expect(kept).toBe(text.replace(/^\uFEFF/u, "").replace(/\s/gu, ""));
      }),
      { numRuns: 300 },
    );
  });
});

describe("splitGlued", () => {
  const counts = (size: number) => Array.from({ length: size }, () => "count" as const);
  const rowSum = [{ stated: [6], expected: [0, 1, 2, 3, 4, 5] }];

  it("takes the only split the digits allow", () => {
    expect(splitGlued([{ text: "2000002" }], counts(7), []).candidates).toEqual([[2, 0, 0, 0, 0, 0, 2]]);
  });

  it("keeps only the splits the row's total allows", () => {
    const outcome = splitGlued([{ text: "690000069" }], counts(7), rowSum);
    expect(outcome.candidates).toEqual([[69, 0, 0, 0, 0, 0, 69]]);
    expect(splitGlued([{ text: "690000069" }], counts(7), []).candidates.length).toBeGreaterThan(1);
  });

  it("puts a sign only on a signed column and never splits a decimal", () => {
    const kinds = ["count", "signedCount", "count"] as const;
    expect(splitGlued([{ text: "88" }, { text: "-720" }], kinds, []).candidates).toEqual([
      [88, -7, 20],
      [88, -72, 0],
    ]);
    expect(splitGlued([{ text: "45.82" }], ["count", "amount"], []).candidates).toEqual([]);
  });

  it("gives up within its budget on a 60-digit run", () => {
    const started = performance.now();
    const outcome = splitGlued([{ text: "1234567890".repeat(6) }], counts(7), rowSum);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(outcome.exhausted || outcome.candidates.length === 0).toBe(true);
  });

  it("never returns a split whose digits differ from the run", () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[0-9]{1,6}$/u), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 8 }), (tokens, size) => {
        const outcome = splitGlued(tokens.map((text) => ({ text })), counts(size), []);
        for (const candidate of outcome.candidates) {
          expect(candidate).toHaveLength(size);
          expect(candidate.join("")).toBe(tokens.join(""));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("short rows", () => {
  it("never splits figures the publisher set apart by spaces when a blank cell may explain the shortfall", async () => {
    const text = [
      "某县人民政府2023年政府信息公开工作年度报告",
      "一、总体情况",
      "概述。",
      "二、主动公开政府信息情况",
      "第二十条第（一）项",
      "信息内容  本年制发件数  本年废止件数  现行有效件数",
      "规章  0  0  0",
      "行政规范性文件  12  5",
      "三、收到和处理政府信息公开申请情况",
    ].join("\n");
    const result = await importReport(text);
    expect(result.report!.proactiveDisclosure.normativeDocuments).toEqual({ issued: null, repealed: null, inForce: null });
    expect(result.provenance["/proactiveDisclosure/normativeDocuments/issued"]?.how).toBe("unreadable");
    expect(result.findings.some((finding) => finding.code === "MISSING_VALUES" && finding.messageEn.includes("12 5"))).toBe(true);
  });
});

describe("provenance", () => {
  it("points every read cell at the line it came from, in the language asked for", async () => {
    const text = reportText("014-2023-shuyang-fagaiju.txt");
    const zh = await importReport(text);
    const en = await importReport(text, { lang: "en" });
    const pointer = "/applications/newlyReceived/total";
    const position = zh.provenance[pointer]!.position!;
    expect(position.kind).toBe("text");
    if (position.kind !== "text") return;
    expect(text.split("\n")[position.line - 1]).toContain("本年新收政府信息公开申请数量");
    expect(zh.report!.import!.positions![pointer]).toBe(`第 ${position.line} 行第 ${position.column} 列`);
    expect(en.report!.import!.positions![pointer]).toBe(`line ${position.line}, column ${position.column}`);
  });
});
