// Round trip: random reports of both editions, rendered by @xxgk/renderer as plain text, Markdown, HTML and DOCX,
// come back from the importer with the same figures and prose, blank cells included: plain text aligns its columns
// with spaces under a ruler of dashes, and the importer reads a figure by the ruler column it sits under, so a blank
// cell stays blank there too. A row left wholly blank is the exception in plain text: its label alone on a line cannot
// be told from the first line of a wrapped label, so such a row is reported, never guessed (tested below).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellsOf, createEmptyReport, readCell, type CellInfo, type Edition, type Report } from "@xxgk/schema";
import { renderDocx, renderHtml, renderMarkdown, renderText } from "@xxgk/renderer";
import { importDocument, importReport, readText, type ImportResult } from "../src/index.js";
import { proseKey } from "./corpus-results.js";

const SENTENCES = [
  "全年通过政府门户网站主动公开政府信息。",
  "完善公开前保密审查机制，定期清理已公开的文件。",
  "优化政府信息公开专栏，统一栏目设置和信息标准。",
  "将政务公开纳入年度绩效考核，开展业务培训。",
  "部分单位更新不及时，政策解读形式单一。",
  "本年度未收取信息处理费。",
];
const BODIES = ["示例县人民政府", "某市生态环境局", "某区发展和改革局", "某某市人民政府办公室"];

const paragraph = fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(""));
const prose = fc.array(paragraph, { minLength: 1, maxLength: 2 }).map((paragraphs) => ({ paragraphs }));

function cellValue(cell: CellInfo, blanks: boolean): fc.Arbitrary<number | null> {
  const value =
    cell.kind === "count"
      ? fc.integer({ min: 0, max: 999_999 })
      : cell.kind === "signedCount"
        ? fc.integer({ min: -9_999, max: 9_999 })
        : fc.integer({ min: 0, max: 9_999_999 }).map((cents) => cents / 100);
  return blanks ? fc.option(value, { freq: 8, nil: null }) : value;
}

function reportArbitrary(edition: Edition, blanks: boolean): fc.Arbitrary<Report> {
  const cells = cellsOf(edition);
  return fc
    .record({
      body: fc.constantFrom(...BODIES),
      year: edition === "2019" ? fc.integer({ min: 2019, max: 2020 }) : fc.integer({ min: 2021, max: 2026 }),
      values: fc.tuple(...cells.map((cell) => cellValue(cell, blanks))),
      overview: prose,
      problems: prose,
      other: prose,
    })
    .map(({ body, year, values, overview, problems, other }) => {
      const report = createEmptyReport({ edition, year, body, fill: null }) as Report;
      const tables = report as unknown as Record<string, Record<string, Record<string, number | null>>>;
      cells.forEach((cell, index) => {
        tables[cell.section]![cell.row]![cell.column] = values[index]!;
      });
      report.meta.title = `${body}${year}年政府信息公开工作年度报告`;
      report.overview = overview;
      report.problemsAndImprovements = problems;
      report.otherMatters = other;
      return report;
    });
}

/** The report with one figure put back into every row left wholly blank (see the header comment). */
function noWhollyBlankRow(report: Report): Report {
  const tables = report as unknown as Record<string, Record<string, Record<string, number | null>>>;
  for (const cell of cellsOf(report.edition)) {
    const row = tables[cell.section]![cell.row]!;
    if (Object.values(row).every((value) => value === null)) row[cell.column] = 1;
  }
  return report;
}

function expectSameReport(original: Report, text: string, format: "text" | "markdown") {
  expectSameResult(original, importDocument(readText(text, format)));
}

function expectSameResult(original: Report, result: ImportResult) {
  expect(result.status, JSON.stringify(result.findings.slice(0, 3))).toBe("imported");
  const imported = result.report!;
  expect(imported.edition).toBe(original.edition);
  expect(imported.meta.body).toBe(original.meta.body);
  expect(imported.meta.year).toBe(original.meta.year);
  for (const cell of cellsOf(original.edition)) {
    expect(readCell(imported, cell), `${cell.pointer} (${result.provenance[cell.pointer]?.how})`).toBe(readCell(original, cell));
    expect(result.provenance[cell.pointer]?.how, cell.pointer).toBe("read");
  }
  for (const section of ["overview", "problemsAndImprovements", "otherMatters"] as const) {
    expect(proseKey(imported[section]), section).toBe(proseKey(original[section]));
  }
}

describe.each(["2021", "2019"] as const)("round trip of edition %s", (edition) => {
  it("through plain text (no blank cells) gives back every figure and the prose", () => {
    fc.assert(
      fc.property(reportArbitrary(edition, false), (report) => expectSameReport(report, renderText(report), "text")),
      { numRuns: 40 },
    );
  });

  it("through plain text with blank cells gives back every figure and every blank, by column position", () => {
    fc.assert(
      fc.property(reportArbitrary(edition, true).map(noWhollyBlankRow), (report) =>
        expectSameReport(report, renderText(report), "text"),
      ),
      { numRuns: 40 },
    );
  });

  it("through plain text, a wholly blank row is reported or read blank, never filled with another row's figures", () => {
    fc.assert(
      fc.property(reportArbitrary(edition, true), (report) => {
        const result = importDocument(readText(renderText(report), "text"));
        expect(result.status).not.toBe("refused");
        for (const cell of cellsOf(edition)) {
          const how = result.provenance[cell.pointer]?.how;
          if (how === "read") expect(readCell(result.report!, cell), cell.pointer).toBe(readCell(report, cell));
          else expect(readCell(result.report!, cell), cell.pointer).toBeNull();
        }
      }),
      { numRuns: 40 },
    );
  });

  it("through Markdown (blank cells included) gives back every figure, blank and prose", () => {
    fc.assert(
      fc.property(reportArbitrary(edition, true), (report) => expectSameReport(report, renderMarkdown(report), "markdown")),
      { numRuns: 40 },
    );
  });

  it("through HTML (blank cells included) gives back every figure, blank and prose", async () => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary(edition, true), async (report) => {
        expectSameResult(report, await importReport(renderHtml(report), { fileName: "report.html" }));
      }),
      { numRuns: 25 },
    );
  });

  it("through DOCX (blank cells included) gives back every figure, blank and prose", async () => {
    await fc.assert(
      fc.asyncProperty(reportArbitrary(edition, true), async (report) => {
        expectSameResult(report, await importReport(await renderDocx(report), { fileName: "report.docx" }));
      }),
      { numRuns: 10 },
    );
  });
});
