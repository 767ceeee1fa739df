import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { cellsOf, EDITIONS } from "@xxgk/schema";
import { describe, expect, it } from "vitest";
import { RULES } from "./rules.js";
import { exampleInputs, sampleReport } from "./sample.js";
import { validate } from "./validate.js";
import { validateWellFormed } from "./validate-well-formed.js";

describe("validateWellFormed (no zod) gives exactly what validate gives", () => {
  it("on every failing example of the catalog, in every edition it applies to", () => {
    let compared = 0;
    for (const rule of RULES) {
      for (const example of rule.examples ?? []) {
        for (const edition of example.editions ?? rule.editions) {
          const { input, previous } = exampleInputs(example, edition);
          const fast = validateWellFormed(input, { previous, today: new Date("2026-06-01") });
          const full = validate(input, { previous, today: new Date("2026-06-01") });
          if (fast === undefined) expect(full.diagnostics.some((item) => item.ruleId === "SCHEMA" || item.ruleId === "CELL-VALUE")).toBe(true);
          else {
            expect(fast).toEqual(full);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it("on random corruptions of the sample report", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EDITIONS),
        fc.nat(),
        fc.oneof(fc.integer({ min: -2, max: 50 }), fc.constant(null), fc.constant("3"), fc.constant(2.5)),
        fc.constantFrom("publish" as const, "audit" as const),
        (edition, index, value, profile) => {
          const report = sampleReport(edition) as unknown as Record<string, Record<string, Record<string, unknown>>>;
          const cells = cellsOf(edition);
          const cell = cells[index % cells.length]!;
          report[cell.section]![cell.row]![cell.column] = value;
          const fast = validateWellFormed(report, { profile, today: new Date("2026-06-01") });
          const full = validate(report, { profile, today: new Date("2026-06-01") });
          if (fast === undefined) expect(full.ok).toBe(false);
          else expect(fast).toEqual(full);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("returns undefined for a malformed value instead of guessing", () => {
    expect(validateWellFormed({ edition: "2021" })).toBeUndefined();
    expect(validateWellFormed("not a report")).toBeUndefined();
  });
});

describe("the built `@xxgk/validators/core` entry", () => {
  // Walks the import graph of the built files: the point of the entry is that it never loads zod.
  it("reaches neither zod nor the zod-based main entry of @xxgk/schema", () => {
    const dist = fileURLToPath(new URL("../dist/", import.meta.url));
    const schemaDist = fileURLToPath(new URL("../../schema/dist/", import.meta.url));
    expect(existsSync(`${dist}core.js`), "build the package first (npm test does)").toBe(true);
    const seen = new Set<string>();
    const specifiers: string[] = [];
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const match of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*["']([^"']+)["']/g)) {
        const specifier = match[1]!;
        specifiers.push(specifier);
        if (specifier.startsWith("./")) visit(new URL(specifier, `file://${file}`).pathname);
        else if (specifier === "@xxgk/schema/layout") visit(`${schemaDist}layout.js`);
      }
    };
    visit(`${dist}core.js`);
    expect(specifiers).toContain("@xxgk/schema/layout");
    expect(specifiers.filter((specifier) => specifier === "zod" || specifier.startsWith("zod/") || specifier === "@xxgk/schema")).toEqual([]);
  });
});
