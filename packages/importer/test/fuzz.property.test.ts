// Bad input: random text built from the report's own vocabulary (headings, row labels, digits, separators) and
// from arbitrary characters. The importer must never throw, never put a figure in a cell that the source does not
// contain, and stay fast on a very long table; oversized input is refused before it is read.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LAYOUTS, SECTION_LAYOUTS, cellsOf, readCell } from "@xxgk/schema";
import { importDocument, importReport, MAX_INPUT_BYTES, readText } from "../src/index.js";

const LABELS = [
  ...SECTION_LAYOUTS.map((section) => section.heading),
  ...LAYOUTS["2021"].table2.blocks.flatMap((block) => [block.caption, ...block.rows.map((row) => row.label), ...block.columns.map((column) => column.label)]),
  ...LAYOUTS["2019"].table2.blocks.flatMap((block) => block.rows.map((row) => row.label)),
  ...LAYOUTS["2021"].table3.rows.map((row) => row.label),
  ...LAYOUTS["2021"].table4.columns.map((column) => column.label),
  "某县人民政府2023年政府信息公开工作年度报告",
  "2018年政府信息公开工作年度报告",
];
const piece = fc.oneof(
  fc.constantFrom(...LABELS),
  fc.integer({ min: -999, max: 99_999_999 }).map(String),
  fc.constantFrom(" ", "  ", "\t", "\n", "|", "| --- |", "-", "—", "/", "- 3 -", "万元", "元", "0000000", "（六）其他处理"),
  fc.string({ maxLength: 6 }),
);
const document = fc.array(piece, { maxLength: 300 }).map((pieces) => pieces.join(""));

function digitsOf(text: string): string {
  return text.normalize("NFKC").replace(/[^\d]/gu, "");
}

describe("random input", () => {
  it("never throws, and every figure it reports is made of digits that are in the source, in order", () => {
    fc.assert(
      fc.property(document, (text) => {
        const result = importDocument(readText(text));
        expect(["imported", "partial", "refused"]).toContain(result.status);
        if (!result.report) return;
        const source = digitsOf(text);
        for (const cell of cellsOf(result.report.edition)) {
          const value = readCell(result.report, cell);
          if (value === null || value === undefined) continue;
          const how = result.provenance[cell.pointer]?.how;
          expect(how === "read" || how === "inferred", cell.pointer).toBe(true);
          expect(source, `${cell.pointer} = ${value}`).toContain(digitsOf(String(Math.abs(value))));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on arbitrary Unicode or bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ unit: "binary", maxLength: 2000 }), fc.uint8Array({ maxLength: 2000 })), async (input) => {
        const result = await importReport(input);
        expect(["imported", "partial", "refused"]).toContain(result.status);
        if (result.status === "refused") expect(result.refusal?.message).toMatch(/\S/u);
      }),
      { numRuns: 200 },
    );
  });
});

describe("limits", () => {
  it("refuses input larger than the limit before reading it", async () => {
    const big = new Uint8Array(MAX_INPUT_BYTES + 1);
    const started = performance.now();
    const result = await importReport(big, { fileName: "huge.txt" });
    expect(result.status).toBe("refused");
    expect(result.refusal?.code).toBe("TOO_LARGE");
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("reads a table of 10,000 rows in bounded time", () => {
    const rows = Array.from({ length: 10_000 }, (_, index) => `${LAYOUTS["2021"].table3.rows[index % 24]!.label}\t${index}\t0\t0\t0\t0\t0\t${index}`);
    const text = [
      "某县人民政府2023年政府信息公开工作年度报告",
      SECTION_LAYOUTS[0]!.heading,
      "概述。",
      SECTION_LAYOUTS[1]!.heading,
      SECTION_LAYOUTS[2]!.heading,
      ...rows,
      SECTION_LAYOUTS[3]!.heading,
      SECTION_LAYOUTS[4]!.heading,
      SECTION_LAYOUTS[5]!.heading,
    ].join("\n");
    const started = performance.now();
    const result = importDocument(readText(text));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(result.status).not.toBe("refused");
  });

  it("splits a 60-digit glued run within its budget, leaving the cells unread rather than guessing", () => {
    const run = "1234567890".repeat(6);
    const text = [
      "某县人民政府2023年政府信息公开工作年度报告",
      SECTION_LAYOUTS[0]!.heading,
      SECTION_LAYOUTS[1]!.heading,
      SECTION_LAYOUTS[2]!.heading,
      `${LAYOUTS["2021"].table3.rows[0]!.label}${run}`,
      SECTION_LAYOUTS[3]!.heading,
    ].join("\n");
    const started = performance.now();
    const result = importDocument(readText(text));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(result.provenance["/applications/newlyReceived/total"]?.how).toBe("unreadable");
  });
});

describe("refusals", () => {
  it.each([
    ["an empty file", new Uint8Array(0), "NOT_A_DOCUMENT"],
    ["binary junk", Uint8Array.from({ length: 512 }, (_, index) => (index * 7) % 9), "NOT_A_DOCUMENT"],
    ["a page with no report", "欢迎访问本网站。\n联系我们\n版权所有", "NO_REPORT"],
    [
      "a report from before 2019",
      `某县人民政府2018年政府信息公开工作年度报告\n${SECTION_LAYOUTS[0]!.heading}\n概述\n${SECTION_LAYOUTS[1]!.heading}\n${SECTION_LAYOUTS[2]!.heading}`,
      "PRE_2019",
    ],
    [
      "tables published as images",
      `某县人民政府2023年政府信息公开工作年度报告\n${SECTION_LAYOUTS.map((section) => section.heading).join("\n（图片）\n")}`,
      "TABLES_AS_IMAGES",
    ],
    ["a damaged PDF", new TextEncoder().encode("%PDF-1.7\n..."), "UNREADABLE"],
    ["an image", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "NOT_A_DOCUMENT"],
  ] as const)("refuses %s with a reason in both languages", async (_name, input, code) => {
    const result = await importReport(input);
    expect(result.status).toBe("refused");
    expect(result.refusal?.code).toBe(code);
    expect(result.refusal?.message).toMatch(/\S/u);
    expect(result.refusal?.messageEn).toMatch(/\S/u);
    expect(result.report).toBeUndefined();
  });

  it("reports a report cut off half-way as partial, with what was read", async () => {
    const text = [
      "某县人民政府2023年政府信息公开工作年度报告",
      SECTION_LAYOUTS[0]!.heading,
      "本年度工作概述。",
      SECTION_LAYOUTS[1]!.heading,
      "第二十条第（一）项",
      "规章\t1\t0\t3",
    ].join("\n");
    const result = await importReport(text);
    expect(result.status).toBe("partial");
    expect(result.report?.proactiveDisclosure.rules).toEqual({ issued: 1, repealed: 0, inForce: 3 });
    expect(result.findings.some((finding) => finding.code === "SECTION_NOT_FOUND")).toBe(true);
    expect(result.provenance["/applications/total/total"]?.how).toBe("absent");
  });
});
