// Acceptance tests on real published reports: every corpus text is imported and compared, cell by cell and
// section by section, with its golden report written by hand from the document. The importer may leave a cell
// unread (and say why), but it must never put a wrong figure in one.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parseReport } from "@xxgk/schema";
import { RULES, validate } from "@xxgk/validators";
import { corpusResults, renderCorpusSection, GOLDEN, type CorpusResult } from "./corpus-results.js";

const DOC = fileURLToPath(new URL("../../../docs/importer.md", import.meta.url));
const START = "<!-- corpus-results:start -->";
const END = "<!-- corpus-results:end -->";
const TODAY = new Date("2026-06-01T00:00:00Z");
const ARITHMETIC = new Set(
  RULES.filter((rule) => !rule.crossYear && (rule.basis === "layout" || rule.basis === "official-note")).map((rule) => rule.id),
);
const publishedErrors = JSON.parse(readFileSync(`${GOLDEN}published-errors.json`, "utf8")) as Record<string, string[]>;

/** Reports every cell of which must come out right: neat tables, PDF text, OCR pipes, crawled single spaces. */
const EXACT = [
  "000-2023-shizuishan-shangwuju.txt",
  "006-2023-huaian-hongzequ.txt",
  "007-2024-huaian-hongzequ.txt",
  "008-2024-huaian-shi.txt",
  "009-2025-shuyang-xian.txt",
  "014-2023-shuyang-fagaiju.txt",
  "202-2019-pingtan-shehuishiyeju.txt",
  "pdf/006-2023-huaian-hongzequ.pdf",
  "pdf/007-2024-huaian-hongzequ.pdf",
  "pdf/008-2024-huaian-shi.pdf",
  "html/014-2023-shuyang-fagaiju.html",
  "html/213-2024-pingtan-ziranziyuan-shengtaihuanjingju.html",
];
/** Bodies read as printed where the golden corrects the print: 009's OCR text reads 沐阳 for 沭阳 throughout. */
const BODY_AS_PRINTED: Record<string, string> = { "009-2025-shuyang-xian.txt": "沐阳县人民政府" };
/** Scrambled conversions whose section 五 heading is lost: their problems section cannot be found. */
const HEADING_LOST = ["011-2025-shanghai-shizhengfu-bgt.txt", "012-2024-shanghai-kewei.txt"];

let results: CorpusResult[] = [];
beforeAll(async () => {
  results = await corpusResults();
});
const byFile = (file: string) => results.find((item) => item.file === file)!;

describe("the corpus", () => {
  it("has a golden report for every text", () => {
    expect(results.length).toBeGreaterThanOrEqual(19);
    expect(results.filter((item) => !item.golden).map((item) => item.file)).toEqual([]);
  });

  it("never gets a figure wrong: every cell is right or left unread", () => {
    const wrong = results.filter((item) => item.wrong.length > 0).map((item) => `${item.file}: ${item.wrong.join(", ")}`);
    expect(wrong).toEqual([]);
  });

  it.each(EXACT)("reads every cell of %s right", (file) => {
    const item = byFile(file);
    expect(item.result.status).toBe("imported");
    expect(item.right).toBe(item.present);
  });

  it("leaves unread only cells it explains in a finding", () => {
    for (const item of results) {
      const explained = new Set(item.result.findings.flatMap((finding) => finding.pointers ?? []));
      const rowLevel = item.result.findings.some((finding) => finding.code === "ROW_NOT_FOUND" || finding.code === "ROWS_UNALIGNED");
      for (const [pointer, provenance] of Object.entries(item.result.provenance)) {
        if (provenance.how !== "unreadable") continue;
        expect(explained.has(pointer) || rowLevel, `${item.file} ${pointer}`).toBe(true);
      }
    }
  });

  it("produces reports the schema accepts, with the year, edition and body of the golden", () => {
    for (const item of results) {
      const parsed = parseReport(item.result.report);
      expect(parsed.success, `${item.file}: ${parsed.success ? "" : JSON.stringify(parsed.issues.slice(0, 3))}`).toBe(true);
      expect(item.result.report!.meta.year).toBe(item.golden!.meta.year);
      expect(item.result.report!.edition).toBe(item.golden!.edition);
      expect(item.result.report!.meta.body, item.file).toBe(BODY_AS_PRINTED[item.file] ?? item.golden!.meta.body);
    }
  });

  it("reads the publication date the document states (the page's, else the signature's) as the golden has it", () => {
    // The golden takes the page's 发布时间/公开日期 when the document has one; PDFs 006–008 state no date at all.
    const dated = results.filter((item) => item.golden!.meta.publishedOn !== undefined);
    expect(dated.length).toBeGreaterThanOrEqual(8);
    for (const item of dated) expect(item.result.report!.meta.publishedOn, item.file).toBe(item.golden!.meta.publishedOn);
    for (const item of results.filter((item) => item.golden!.meta.publishedOn === undefined))
      expect(item.result.report!.meta.publishedOn, `${item.file}: no date in the document, none invented`).toBeUndefined();
  });

  it("reads the prose of every section it finds as the golden has it", () => {
    for (const item of results) {
      const expected = HEADING_LOST.includes(item.file) ? ["problemsAndImprovements"] : [];
      expect(item.proseWrong, item.file).toEqual(expected);
    }
  });

  it("reads the reports that are wrong in the published document as published, so the validators flag them", () => {
    for (const file of EXACT) {
      const item = byFile(file);
      const failures = validate(item.result.report, { profile: "audit", today: TODAY })
        .diagnostics.filter((diagnostic) => diagnostic.outcome === "fail" && ARITHMETIC.has(diagnostic.ruleId))
        .map((diagnostic) => diagnostic.ruleId)
        .sort();
      expect(failures, file).toEqual([...(publishedErrors[file.replace(/^(pdf|html)\//u, "").replace(/\.(txt|pdf|html)$/u, ".json")] ?? [])].sort());
    }
    // 006's 四 as printed: 行政复议 维持 10, 纠正 1, 总计 0.
    expect(byFile("006-2023-huaian-hongzequ.txt").result.report!.reviewAndLitigation.reconsideration).toEqual({
      upheld: 10,
      corrected: 1,
      other: 0,
      pending: 0,
      total: 0,
    });
  });

  it("keeps docs/importer.md's corpus table current (XXGK_UPDATE_DOCS=1 rewrites it)", () => {
    const generated = renderCorpusSection(results);
    const doc = readFileSync(DOC, "utf8");
    const start = doc.indexOf(START);
    const end = doc.indexOf(END);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const current = doc.slice(start + START.length, end).trim();
    if (process.env.XXGK_UPDATE_DOCS === "1" && current !== generated) {
      writeFileSync(DOC, `${doc.slice(0, start + START.length)}\n${generated}\n${doc.slice(end)}`);
      return;
    }
    expect(current).toBe(generated);
  });
});
