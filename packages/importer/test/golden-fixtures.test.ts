// The golden fixtures (test/fixtures/golden/*.json) are hand transcriptions of the corpus reports: the truth the
// importer's acceptance tests compare against. A transcription slip in them would silently move that truth, so this
// file checks that every fixture is a valid report of the edition and year its name says, and that the arithmetic
// rules of @xxgk/validators fail on it exactly where the published document itself is inconsistent — the list in
// golden/published-errors.json (one rule id per failing finding; a rule failing twice is listed twice).
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { editionForYear, parseReport, walkCells, type Report } from "@xxgk/schema";
import { RULES, validate } from "@xxgk/validators";

const GOLDEN = fileURLToPath(new URL("fixtures/golden/", import.meta.url));
const ERRORS_FILE = "published-errors.json";
/** The date the deadline rules are judged against: after every fixture's reporting year and publication. */
const TODAY = new Date("2026-06-01T00:00:00Z");
const NAME = /^(\d{3})-(\d{4})-[a-z0-9]+(?:-[a-z0-9]+)*\.json$/;

/** The table-arithmetic rules, from the catalog: the identities of the layout and the note printed on 表三. */
const ARITHMETIC = new Set(
  RULES.filter((rule) => !rule.crossYear && (rule.basis === "layout" || rule.basis === "official-note")).map((rule) => rule.id),
);

const files = readdirSync(GOLDEN)
  .filter((name) => name.endsWith(".json") && name !== ERRORS_FILE)
  .sort();
const publishedErrors = JSON.parse(readFileSync(`${GOLDEN}${ERRORS_FILE}`, "utf8")) as Record<string, unknown>;

function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(`${GOLDEN}${name}`, "utf8"));
}

/** The failing arithmetic findings of `validate`, as a sorted list of rule ids (one per finding). */
function arithmeticFailures(report: unknown): string[] {
  return validate(report, { profile: "audit", today: TODAY })
    .diagnostics.filter((diagnostic) => diagnostic.outcome === "fail" && ARITHMETIC.has(diagnostic.ruleId))
    .map((diagnostic) => diagnostic.ruleId)
    .sort();
}

function parsed(name: string): Report {
  const result = parseReport(readFixture(name));
  if (!result.success) {
    const issues = result.issues.map((issue) => `${issue.pointer || "/"}: ${issue.messageEn}`).join("\n");
    throw new Error(`${name} is not a valid report:\n${issues}`);
  }
  return result.report;
}

describe("the golden folder", () => {
  it("holds the transcriptions of golden-a (the five earlier fixtures and 009, 011, 012)", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "000-2023-shizuishan-shangwuju.json",
        "006-2023-huaian-hongzequ.json",
        "007-2024-huaian-hongzequ.json",
        "008-2024-huaian-shi.json",
        "009-2025-shuyang-xian.json",
        "011-2025-shanghai-shizhengfu-bgt.json",
        "012-2024-shanghai-kewei.json",
        "014-2023-shuyang-fagaiju.json",
      ]),
    );
  });

  it("names every fixture like its corpus file: number, report year, body", () => {
    expect(files.filter((name) => !NAME.test(name))).toEqual([]);
  });

  it("lists published errors for exactly the fixtures present, and only arithmetic rule ids", () => {
    expect(Object.keys(publishedErrors).sort()).toEqual(files);
    for (const [name, ids] of Object.entries(publishedErrors)) {
      expect(Array.isArray(ids), `${ERRORS_FILE}: the entry of ${name} must be an array`).toBe(true);
      for (const id of ids as unknown[]) {
        expect(ARITHMETIC.has(String(id)), `${ERRORS_FILE}: ${name} lists ${String(id)}, which is not an arithmetic rule`).toBe(true);
      }
    }
  });
});

describe.each(files)("golden %s", (name) => {
  const [, , year] = NAME.exec(name) ?? [];

  it("is a valid report (parseReport)", () => {
    expect(() => parsed(name)).not.toThrow();
  });

  it("has the year its file name says, and the edition of that year", () => {
    const report = parsed(name);
    expect(report.meta.year).toBe(Number(year));
    expect(report.edition).toBe(editionForYear(Number(year)));
  });

  it("fails the arithmetic rules exactly where the published document is inconsistent", () => {
    const expected = [...((publishedErrors[name] as string[] | undefined) ?? [])].sort();
    expect(arithmeticFailures(readFixture(name))).toEqual(expected);
  });
});

// The check above is only worth having if a slip would change its result. In a fixture whose tables add up, every
// filled cell of 表三 and 表四 takes part in at least one assessable identity (a row, a column or 表四's group sum),
// so changing any one of them by any amount must make an arithmetic rule fail.
describe("a transcription slip in 表三 or 表四 is caught", () => {
  const consistent = files.filter((name) => Array.isArray(publishedErrors[name]) && (publishedErrors[name] as unknown[]).length === 0);

  it.each(consistent)("in %s", (name) => {
    const report = parsed(name);
    const cells = walkCells(report).filter(
      (cell) => (cell.table === "table3" || cell.table === "table4") && typeof cell.value === "number",
    );
    expect(cells.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...cells), fc.integer({ min: 1, max: 100_000 }), fc.boolean(), (cell, amount, down) => {
        const value = cell.value as number;
        const slipped = down && value >= amount ? value - amount : value + amount;
        const copy = structuredClone(report) as unknown as Record<string, Record<string, Record<string, number | null>>>;
        const [section, row, column] = cell.path;
        copy[section]![row]![column] = slipped;
        expect(arithmeticFailures(copy), `${cell.pointer}: ${value} → ${slipped}`).not.toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
