// The proof with real non-TypeScript tools: Python's jsonschema and the reference evaluator of rules.json in
// examples/python/ must reproduce the conformance suite, and the classes quicktype generates from the edition schema
// files must read every valid case and write it back unchanged. Never skipped: without python3 and jsonschema this
// fails and says how to install them (CI's .ci/run installs python3-jsonschema).
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cellsOf, createEmptyReport, EDITIONS as REPORT_EDITIONS, parseReport } from "@xxgk/schema";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error -- plain .mjs script without type declarations
import { EDITIONS, generatePythonTypes, pythonTypesFile } from "../../../examples/python/generate-types.mjs";

const pythonDir = fileURLToPath(new URL("../../../examples/python/", import.meta.url));
const validatorsDir = fileURLToPath(new URL("../", import.meta.url));

function python(script: string, ...args: string[]) {
  const result = spawnSync("python3", ["-B", join(pythonDir, script), ...args], {
    cwd: pythonDir,
    encoding: "utf8",
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1", PYTHONIOENCODING: "utf-8" },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}`, error: result.error };
}

describe("Python proves the contract", () => {
  it("has python3 with jsonschema (Draft 2020-12)", () => {
    const probe = spawnSync("python3", ["-c", "import jsonschema; jsonschema.Draft202012Validator"], { encoding: "utf8" });
    expect(
      probe.error === undefined && probe.status === 0,
      `python3 with the jsonschema package (4.0 or later) is required for these tests: on Debian run ` +
        `"apt-get update && apt-get install -y python3-jsonschema" (CI's .ci/run does). ${probe.error?.message ?? probe.stderr}`
    ).toBe(true);
  });

  it("the reference evaluator of rules.json and jsonschema reproduce every case of the suite", () => {
    const { status, output } = python("check_conformance.py");
    expect(output).toMatch(/^\d+ cases; .*disagreements: 0$/m);
    expect(status, output).toBe(0);
    // The data rules were really compared, on nearly every case.
    for (const rule of ["SCHEMA", "CELL-VALUE", "BLANK-CELL", "T3-SUM-ROW", "T3-SUM-COLUMN", "T3-BALANCE", "T4-SUM-GROUP", "X-CARRY-OVER", "X-IN-FORCE"]) {
      expect(output).toMatch(new RegExp(`'${rule}': [1-9]`));
    }
  });

  describe("a disagreement fails the check", () => {
    const copy = mkdtempSync(join(tmpdir(), "xxgk-conformance-"));
    afterAll(() => rmSync(copy, { recursive: true, force: true }));

    it("a wrong sign in one identity of rules.json is caught", () => {
      for (const name of ["rules.schema.json", "conformance"]) cpSync(join(validatorsDir, name), join(copy, name), { recursive: true });
      const rules = JSON.parse(readFileSync(join(validatorsDir, "rules.json"), "utf8")) as {
        rules: { id: string; identities?: { expected: { sign: number }[] }[] }[];
      };
      rules.rules.find((rule) => rule.id === "T3-BALANCE")!.identities![0]!.expected[1]!.sign = -1;
      writeFileSync(join(copy, "rules.json"), JSON.stringify(rules));
      const { status, output } = python("check_conformance.py", "--validators", copy);
      expect(status).toBe(1);
      expect(output).toContain("DISAGREEMENT valid-sample-2021: T3-BALANCE is fail here, pass in the manifest");
    });
  });

  it("Python's jsonschema on report.schema.json agrees with zod on random corruptions of either edition", () => {
    const values = fc.oneof(
      fc.integer({ min: -5, max: 1_000_000 }),
      fc.constantFrom(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 1, 0.5, -0.5, 12.25),
      fc.constant(null),
      fc.string({ maxLength: 4 }),
      fc.boolean(),
      fc.constant([]),
      fc.constant({})
    );
    const reports = fc.sample(
      fc.tuple(fc.constantFrom(...REPORT_EDITIONS), fc.nat(), values, fc.constantFrom("2021", "2019", "2022", undefined)).map(
        ([edition, index, value, declared]) => {
          const report = createEmptyReport({ edition, year: 2023, body: "某局" }) as unknown as Record<string, Record<string, Record<string, unknown>>>;
          const cells = cellsOf(edition);
          const cell = cells[index % cells.length]!;
          report[cell.section]![cell.row]![cell.column] = value;
          // Now and then the declared edition disagrees with the tables, or is missing or unknown.
          if (index % 5 === 0) (report as Record<string, unknown>).edition = declared;
          return report;
        }
      ),
      { numRuns: 300, seed: 20261203 }
    );
    const dir = mkdtempSync(join(tmpdir(), "xxgk-random-"));
    try {
      const file = join(dir, "reports.ndjson");
      writeFileSync(file, reports.map((report) => JSON.stringify(report)).join("\n"));
      const script = [
        "import json, sys, jsonschema",
        "schema = json.load(open(sys.argv[1], encoding='utf-8'))",
        "validator = jsonschema.Draft202012Validator(schema)",
        "print(''.join('1' if validator.is_valid(json.loads(line)) else '0' for line in open(sys.argv[2], encoding='utf-8')))",
      ].join("\n");
      const schemaFile = fileURLToPath(new URL("../../schema/json-schema/report.schema.json", import.meta.url));
      const result = spawnSync("python3", ["-c", script, schemaFile, file], { encoding: "utf8" });
      expect(result.status, result.stderr).toBe(0);
      const verdicts = result.stdout.trim();
      expect(verdicts).toHaveLength(reports.length);
      const zod = reports.map((report) => (parseReport(report).success ? "1" : "0")).join("");
      expect(verdicts).toBe(zod);
      // Both verdicts occur, so the comparison says something.
      expect(new Set(zod)).toEqual(new Set(["0", "1"]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the Python classes quicktype generates from the edition files are committed and current", async () => {
    for (const edition of EDITIONS as string[]) {
      const source = (await generatePythonTypes(edition)) as string;
      expect(readFileSync(pythonTypesFile(edition) as string, "utf8"), "run node examples/python/generate-types.mjs").toBe(source);
      // One class per shape: every 表三 row is an ApplicationRow.
      expect(source.match(/^class ApplicationRow\w*:/gm)).toEqual(["class ApplicationRow:"]);
      expect(source).toContain("Optional[int]");
    }
  });

  it("every valid case reads into the generated classes and writes back unchanged", () => {
    const { status, output } = python("round_trip.py");
    expect(output).toMatch(/^(\d+) reports read and written back; 0 changed/m);
    expect(Number(/^(\d+) reports read/m.exec(output)?.[1])).toBeGreaterThan(50);
    expect(status, output).toBe(0);
  });
});
