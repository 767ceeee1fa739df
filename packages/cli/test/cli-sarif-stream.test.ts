/**
 * Issue 13: SARIF of a large batch is written incrementally. The built executable validates 3,000 reports to SARIF
 * with a 48 MB JavaScript heap (the old code, which built the whole log as one string, dies of heap exhaustion on
 * this batch; it failed at ~3,200 reports with the default heap), the log parses and matches the SARIF 2.1.0 JSON
 * Schema, and the SARIF Multitool finds no error in a log of the same run on 150 reports. The full 20,000-report run
 * is `node bench/sarif-stream.mjs` (it takes minutes; see docs/security.md).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, cleanEnv, requireBuild, tempDir, writeReports } from "./helpers.js";

/** The parts of a SARIF log these tests read. */
interface Log {
  runs: {
    results?: { ruleId?: string; level?: string; message: { text?: string }; locations?: { physicalLocation?: { artifactLocation?: { uri?: string } } }[] }[];
    artifacts?: unknown[];
    invocations?: { executionSuccessful: boolean }[];
  }[];
}

const REPORTS = 3000;
const MULTITOOL_REPORTS = 150;

let dir: string;
beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-sarif-");
  mkdirSync(join(dir, "batch"));
  writeReports(join(dir, "batch"), REPORTS);
  mkdirSync(join(dir, "small"));
  writeReports(join(dir, "small"), MULTITOOL_REPORTS);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }), 60_000);

function validateToSarif(folder: string, output: string, heapMb: number) {
  return spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, CLI, "validate", folder, "-j", "1", "--format", "sarif", "-o", output], {
    cwd: dir,
    env: cleanEnv(),
    encoding: "utf8",
  });
}

/** The SARIF Multitool binary (optional dependency, Linux x64/arm64 only). */
function multitool(): string {
  const require = createRequire(import.meta.url);
  return require("@microsoft/sarif-multitool-linux") as string;
}

describe("SARIF of a large batch", () => {
  it(`writes ${REPORTS} reports' log within a 48 MB heap; the log is complete and schema-valid`, () => {
    const run = validateToSarif("batch", "batch.sarif", 48);
    expect(run.stderr).not.toMatch(/heap|RangeError|内部错误|internal error/);
    expect(run.status).toBe(1); // findings, not a crash
    const log = JSON.parse(readFileSync(join(dir, "batch.sarif"), "utf8")) as Log;
    const results = log.runs[0]!.results!;
    // Every edition-2021 report (even index) has its BLANK-CELL finding (the example's 表四 row is blank on purpose),
    // in input order; every fifth report its inconsistency.
    const uris = (ruleId: string) => [...new Set(results.filter((result) => result.ruleId === ruleId).map((result) => result.locations![0]!.physicalLocation!.artifactLocation!.uri))];
    const name = (index: number) => `batch/${String(index).padStart(5, "0")}.json`;
    expect(uris("BLANK-CELL")).toEqual(Array.from({ length: REPORTS / 2 }, (_, index) => name(index * 2)));
    expect(uris("T3-SUM-ROW")).toEqual(expect.arrayContaining(Array.from({ length: REPORTS / 5 }, (_, index) => name(index * 5))));
    expect(log.runs[0]!.artifacts!.length).toBeGreaterThanOrEqual(REPORTS / 2);
    const schema = JSON.parse(readFileSync(new URL("./fixtures/sarif-2.1.0-rtm.5.json", import.meta.url), "utf8")) as object;
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const check = ajv.compile(schema);
    expect(check(log), JSON.stringify(check.errors?.slice(0, 3))).toBe(true);
  });

  it.runIf(process.platform === "linux")("passes the SARIF Multitool's validation with no error", () => {
    expect(validateToSarif("small", "small.sarif", 48).status).toBe(1);
    const checked = join(dir, "multitool.sarif");
    const tool = spawnSync(multitool(), ["validate", join(dir, "small.sarif"), "-o", checked, "--max-file-size-in-kb", "1000000", "--quiet"], {
      env: { ...cleanEnv(), DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
      encoding: "utf8",
    });
    expect(tool.status, tool.stdout + tool.stderr).toBe(0);
    expect(existsSync(checked)).toBe(true);
    const report = JSON.parse(readFileSync(checked, "utf8")) as Log;
    expect(report.runs[0]!.invocations![0]!.executionSuccessful).toBe(true);
    const errors = (report.runs[0]!.results ?? []).filter((result) => result.level === "error");
    expect(errors.map((result) => `${result.ruleId}: ${result.message.text ?? ""}`)).toEqual([]);
  });
});
