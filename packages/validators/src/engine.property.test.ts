import { cellsOf, createEmptyReport, EDITIONS, LAYOUTS, type Edition, type Report } from "@xxgk/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validate } from "./validate.js";
import { fillTable3, SAMPLE_CREDIT_CODE, type Table3Column } from "./sample.js";
import type { Diagnostic, ValidationResult } from "./types.js";

const TODAY = new Date("2025-06-01T00:00:00Z");

function failures(result: ValidationResult): Diagnostic[] {
  return result.diagnostics.flatMap((diagnostic) =>
    diagnostic.outcome === "fail" ? [diagnostic, ...(diagnostic.related ?? [])] : []
  );
}

const small = fc.nat({ max: 40 });

/** A consistent table-3 column: random outcomes, carried over and forward (一 stays non-negative). */
function column(edition: Edition): fc.Arbitrary<Table3Column> {
  const outcomeRows = LAYOUTS[edition].table3.rows.filter((row) => row.role === "outcome").map((row) => row.key);
  return fc
    .record({
      outcomes: fc.tuple(...outcomeRows.map(() => fc.oneof(fc.constant(0), small))),
      carriedOver: small,
      carriedForward: small,
    })
    .map(({ outcomes, carriedOver, carriedForward }) => {
      const handled = outcomes.reduce((sum, value) => sum + value, 0);
      return {
        outcomes: Object.fromEntries(outcomeRows.map((key, index) => [key, outcomes[index]!])),
        carriedOver: Math.min(carriedOver, handled + carriedForward),
        carriedForward,
      };
    });
}

interface Generated {
  report: Report;
  previous: Report;
}

/** A random report that satisfies every rule, and a previous-year report consistent with it. */
function consistentReport(edition: Edition): fc.Arbitrary<Generated> {
  const detailColumns = LAYOUTS[edition].table3.columns.filter((item) => item.key !== "total").map((item) => item.key);
  const group = fc.tuple(small, small, small, small);
  const table2Cells = cellsOf(edition).filter((cell) => cell.table === "table2");
  return fc
    .record({
      columns: fc.tuple(...detailColumns.map(() => column(edition))),
      groups: fc.tuple(group, group, group),
      table2: fc.tuple(
        ...table2Cells.map((cell) =>
          cell.kind === "signedCount"
            ? fc.integer({ min: -50, max: 50 })
            : cell.kind === "amount"
            ? fc.integer({ min: 0, max: 1_000_000 }).map((value) => value / 100)
            : fc.nat({ max: 5000 })
        )
      ),
      year: fc.integer({ min: edition === "2021" ? 2022 : 2020, max: edition === "2021" ? 2024 : 2020 }),
      chinese: fc.boolean(),
    })
    .map(({ columns, groups, table2, year, chinese }) => {
      const make = (reportYear: number): Report => {
        const report = createEmptyReport({ edition, year: reportYear, body: "测试县测试局" });
        report.meta.creditCode = SAMPLE_CREDIT_CODE;
        report.meta.regionCode = "320100";
        report.meta.publishedOn = `${reportYear + 1}-01-15`;
        return report;
      };
      const report = make(year);
      fillTable3(report, Object.fromEntries(detailColumns.map((key, index) => [key, columns[index]!])));
      const review = report.reviewAndLitigation as unknown as Record<string, Record<string, number>>;
      LAYOUTS[edition].table4.groups.forEach((item, index) => {
        const [upheld, corrected, other, pending] = groups[index]!;
        review[item.key] = { upheld, corrected, other, pending, total: upheld + corrected + other + pending };
      });
      const proactive = report.proactiveDisclosure as unknown as Record<string, Record<string, number>>;
      table2Cells.forEach((cell, index) => (proactive[cell.row]![cell.column] = table2[index]!));

      const applications = report.applications as unknown as Record<string, Record<string, number>>;
      const received = applications.newlyReceived!.total!;
      const forward = applications.carriedForward!.total!;
      const figure = (value: number) => (chinese ? toChinese(value) : ` ${value} `);
      report.overview = {
        paragraphs: [`本年新收政府信息公开申请${figure(received)}件，结转下年度继续办理${figure(forward)}件。`],
      };
      report.problemsAndImprovements = { paragraphs: ["存在的问题和改进措施。"] };
      report.otherMatters = { paragraphs: ["本年度未收取信息处理费。"] };

      // Last year: its 四 equals this year's 二, its 现行有效件数 lead to this year's.
      const previous = make(year - 1);
      fillTable3(
        previous,
        Object.fromEntries(
          detailColumns.map((key) => [key, { outcomes: {}, carriedOver: 0, carriedForward: applications.carriedOver![key]! }])
        )
      );
      const previousReview = previous.reviewAndLitigation as unknown as Record<string, Record<string, number>>;
      for (const item of LAYOUTS[edition].table4.groups)
        previousReview[item.key] = { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 };
      if (edition === "2021") {
        const previousProactive = previous.proactiveDisclosure as unknown as Record<string, Record<string, number>>;
        for (const row of ["rules", "normativeDocuments"]) {
          const { issued, repealed, inForce } = proactive[row]!;
          // Keep last year's stock non-negative: raise this year's stock when needed.
          const lastYear = inForce! - issued! + repealed!;
          if (lastYear < 0) proactive[row]!.inForce = inForce! - lastYear;
          previousProactive[row]!.inForce = Math.max(lastYear, 0);
        }
      }
      previous.overview = { paragraphs: ["上年情况。"] };
      previous.problemsAndImprovements = { paragraphs: ["上年问题。"] };
      previous.otherMatters = { paragraphs: ["上年未收取信息处理费。"] };
      return { report, previous };
    });
}

const DIGITS = "零一二三四五六七八九";

/** 0–99999 in Chinese numerals (二十一, 一百零三, 三千零五十). */
function toChinese(value: number): string {
  if (value === 0) return "零";
  const units = ["", "十", "百", "千", "万"];
  const digits = String(value).split("").map(Number);
  let text = "";
  let zero = false;
  digits.forEach((digit, index) => {
    const unit = units[digits.length - 1 - index]!;
    if (digit === 0) zero = true;
    else {
      if (zero && text) text += "零";
      zero = false;
      text += (digit === 1 && unit === "十" && index === 0 ? "" : DIGITS[digit]) + unit;
    }
  });
  return text;
}

const anyEdition = fc.constantFrom(...EDITIONS);
const generated = anyEdition.chain(consistentReport);

describe("property: consistent reports", () => {
  it("a consistent random report yields no failures and nothing not assessable, with or without last year", () => {
    fc.assert(
      fc.property(generated, fc.boolean(), ({ report, previous }, withPrevious) => {
        const result = validate(report, { today: TODAY, ...(withPrevious ? { previous } : {}) });
        expect(result.diagnostics).toEqual([]);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 150 }
    );
  });

  it("blanking cells never produces an arithmetic failure: only BLANK-CELL fails, the rest is pass or not assessable", () => {
    fc.assert(
      fc.property(generated, fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), ({ report }, picks) => {
        const cells = cellsOf(report.edition);
        const copy = structuredClone(report) as unknown as Record<string, Record<string, Record<string, number | null>>>;
        for (const pick of picks) {
          const cell = cells[pick % cells.length]!;
          copy[cell.section]![cell.row]![cell.column] = null;
        }
        const result = validate(copy, { today: TODAY, profile: "audit" });
        expect(new Set(failures(result).map((diagnostic) => diagnostic.ruleId))).toEqual(new Set(["BLANK-CELL"]));
        expect(result.ok).toBe(true);
      }),
      { numRuns: 150 }
    );
  });
});

describe("property: one corrupted cell", () => {
  const corruption = generated.chain((value) =>
    fc.record({
      generated: fc.constant(value),
      cell: fc.constantFrom(...cellsOf(value.report.edition).filter((cell) => cell.table !== "table2")),
      replacement: fc.nat({ max: 200 }),
      withPrevious: fc.boolean(),
    })
  );

  it("whenever a cell is pinpointed, it is the corrupted cell, with its original value as the suggestion", () => {
    fc.assert(
      fc.property(corruption, ({ generated: { report, previous }, cell, replacement, withPrevious }) => {
        const table = report[cell.section] as unknown as Record<string, Record<string, number>>;
        const original = table[cell.row]![cell.column]!;
        fc.pre(replacement !== original);
        const copy = structuredClone(report) as unknown as Record<string, Record<string, Record<string, number>>>;
        copy[cell.section]![cell.row]![cell.column] = replacement;
        const result = validate(copy, { today: TODAY, ...(withPrevious ? { previous } : {}) });
        const arithmetic = failures(result).filter(
          (diagnostic) => diagnostic.ruleId.startsWith("T") || diagnostic.ruleId === "X-CARRY-OVER"
        );
        expect(arithmetic.length).toBeGreaterThan(0); // every table-3/4 cell takes part in an identity: always detectable
        for (const diagnostic of result.diagnostics) {
          if (diagnostic.pinpoint)
            expect(diagnostic.pinpoint).toMatchObject({ pointer: cell.pointer, stated: replacement, suggested: original });
        }
        if (cell.table === "table3") {
          // In 表三 every cell sits in a row identity and a column identity: the corrupted cell is always the unique explanation,
          // and every arithmetic failure is grouped under it.
          const grouped = result.diagnostics.filter(
            (diagnostic) => diagnostic.outcome === "fail" && diagnostic.ruleId !== "PROSE-FIGURES"
          );
          expect(grouped).toHaveLength(1);
          expect(grouped[0]!.pinpoint?.pointer).toBe(cell.pointer);
        }
      }),
      { numRuns: 300 }
    );
  });
});

describe("property: suggestions repair", () => {
  const ARITHMETIC = new Set(["T3-SUM-ROW", "T3-SUM-COLUMN", "T3-BALANCE", "T4-SUM-GROUP", "X-CARRY-OVER"]);
  const arithmetic = (result: ValidationResult) => failures(result).filter((diagnostic) => ARITHMETIC.has(diagnostic.ruleId));
  type Cells = Record<string, Record<string, Record<string, number | null>>>;
  const setCell = (report: unknown, pointer: string, value: number | null) => {
    const [, section, row, column] = pointer.split("/");
    (report as Cells)[section!]![row!]![column!] = value;
  };
  const arithmeticCells = (edition: Edition) => cellsOf(edition).filter((cell) => cell.table !== "table2");

  it("one planted error: applying every suggested value yields a report that passes every arithmetic rule", () => {
    const planted = generated.chain((value) =>
      fc.record({
        generated: fc.constant(value),
        cell: fc.constantFrom(...arithmeticCells(value.report.edition)),
        replacement: fc.nat({ max: 200 }),
        withPrevious: fc.boolean(),
      })
    );
    fc.assert(
      fc.property(planted, ({ generated: { report, previous }, cell, replacement, withPrevious }) => {
        const original = (report as unknown as Cells)[cell.section]![cell.row]![cell.column];
        fc.pre(replacement !== original);
        const copy = structuredClone(report);
        setCell(copy, cell.pointer, replacement);
        const options = { today: TODAY, ...(withPrevious ? { previous } : {}) };
        const result = validate(copy, options);
        const suggestions = result.diagnostics.flatMap((diagnostic) => (diagnostic.pinpoint ? [diagnostic.pinpoint] : []));
        // Candidates are named only when they include the planted cell.
        for (const diagnostic of arithmetic(result))
          if (diagnostic.candidates) expect(diagnostic.candidates.map((candidate) => candidate.pointer)).toContain(cell.pointer);
        if (suggestions.length === 0) return;
        for (const suggestion of suggestions) setCell(copy, suggestion.pointer, suggestion.suggested);
        expect(arithmetic(validate(copy, options))).toEqual([]);
      }),
      { numRuns: 200 }
    );
  });

  it("any errors, blanks and rules turned off: a suggested value makes every identity its cell is in hold", () => {
    const edit = fc.record({ pick: fc.nat(), value: fc.oneof(fc.nat({ max: 60 }), fc.constant(null)) });
    const damaged = generated.chain((value) =>
      fc.record({
        generated: fc.constant(value),
        edits: fc.array(edit, { minLength: 1, maxLength: 4 }),
        off: fc.subarray(["T3-SUM-ROW", "T3-SUM-COLUMN", "T3-BALANCE", "X-CARRY-OVER"]),
        withPrevious: fc.boolean(),
      })
    );
    fc.assert(
      fc.property(damaged, ({ generated: { report, previous }, edits, off, withPrevious }) => {
        const cells = arithmeticCells(report.edition);
        const copy = structuredClone(report);
        for (const { pick, value } of edits) setCell(copy, cells[pick % cells.length]!.pointer, value);
        const base = { today: TODAY, profile: "audit" as const, ...(withPrevious ? { previous } : {}) };
        const result = validate(copy, { ...base, rules: Object.fromEntries(off.map((id) => [id, "off" as const])) });
        for (const diagnostic of result.diagnostics) {
          if (!diagnostic.pinpoint) continue;
          const { pointer, suggested } = diagnostic.pinpoint;
          const repaired = structuredClone(copy);
          setCell(repaired, pointer, suggested);
          // Checked with every rule on: no failed identity involves the cell any more.
          const left = arithmetic(validate(repaired, base)).filter((failure) => failure.pointers.includes(pointer));
          expect(left).toEqual([]);
        }
      }),
      { numRuns: 200 }
    );
  });
});

describe("property: any input", () => {
  it("any JSON value yields a result with diagnostics and never throws", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = validate(value);
        expect(result.ok).toBe(false);
        expect(result.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 }
    );
  });

  it("a report with random parts replaced by arbitrary values never throws and keeps evaluating the rest", () => {
    const paths = fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.anything()), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(generated, paths, fc.anything(), ({ report }, edits, previous) => {
        const copy = structuredClone(report) as unknown as Record<string, unknown>;
        for (const [first, second, third, value] of edits) {
          let node: unknown = copy;
          for (const pick of [first, second, third]) {
            if (node === null || typeof node !== "object") break;
            const keys = Object.keys(node);
            if (keys.length === 0) break;
            const key = keys[pick % keys.length]!;
            const child = (node as Record<string, unknown>)[key];
            if (pick % 3 === 0 || child === null || typeof child !== "object") {
              (node as Record<string, unknown>)[key] = value;
              break;
            }
            node = child;
          }
        }
        const result = validate(copy, { previous, today: TODAY });
        expect(Array.isArray(result.diagnostics)).toBe(true);
        expect(result.outcomes.length).toBeGreaterThan(0);
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.message.length).toBeGreaterThan(0);
          expect(diagnostic.messageEn.length).toBeGreaterThan(0);
          expect(["error", "warning", "info"]).toContain(diagnostic.severity);
        }
      }),
      { numRuns: 300 }
    );
  });
});
