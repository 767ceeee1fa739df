/**
 * Issue 12, part 6: SARIF with positions. `validate --format sarif` on corpus reports with findings, a JSON syntax
 * error, a repeated key, an unreadable file, CRLF line ends and a Chinese file name: every result carries the region
 * of its value (checked by reading that region back out of the file), the run has automationDetails, driver.fullName,
 * %SRCROOT%, and distinct rule names; the SARIF Multitool finds no error and no warning in the log, with its default
 * rules and with GitHub's (GHAS).
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanEnv, exampleReport, requireBuild, tempDir, xxgk } from "./helpers.js";

interface Region {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}
interface Result {
  ruleId: string;
  ruleIndex?: number;
  level?: string;
  message: { text: string };
  locations?: { physicalLocation?: { artifactLocation: { uri: string; uriBaseId?: string }; region?: Region }; logicalLocations?: { fullyQualifiedName: string }[] }[];
  relatedLocations?: { physicalLocation?: { region?: Region }; logicalLocations?: { fullyQualifiedName: string }[] }[];
}
interface Log {
  runs: {
    tool: { driver: { name: string; fullName?: string; rules: { id: string; name?: string }[] } };
    automationDetails?: { id: string };
    originalUriBaseIds?: Record<string, { uri: string }>;
    results: Result[];
    invocations?: { executionSuccessful: boolean }[];
  }[];
}

const CORPUS = new URL("../../validators/test/fixtures/", import.meta.url);
let dir: string;

beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-sarif-positions-");
  mkdirSync(join(dir, "报告"));
  for (const name of readdirSync(CORPUS).filter((file) => /^\d{3}-.*\.json$/.test(file))) copyFileSync(new URL(name, CORPUS), join(dir, "报告", name));
  const broken = exampleReport() as { applications: Record<string, Record<string, number>> };
  broken.applications.newlyReceived!.naturalPerson! += 7;
  // CRLF line ends and a tab indent: columns are counted in characters on each line.
  writeFileSync(join(dir, "报告", "不一致 (CRLF).json"), JSON.stringify(broken, null, "\t").replace(/\n/g, "\r\n"));
  writeFileSync(join(dir, "syntax.json"), '{\n  "edition": "2021"，\n  "meta": {}\n}\n');
  writeFileSync(join(dir, "duplicate.json"), JSON.stringify(exampleReport(), null, 2).replace('"year": 2023,', '"year": 2023,\n    "year": 2023,'));
  writeFileSync(join(dir, "unreadable.json"), Buffer.from("%PDF-1.7\n%\u00e2\u00e3\n", "latin1"));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sarifOf(...args: string[]): { log: Log; text: string; status: number | null } {
  const result = xxgk(["validate", "报告", "syntax.json", "duplicate.json", "unreadable.json", "--format", "sarif", "-o", "out.sarif", "--force", ...args], { cwd: dir });
  const text = readFileSync(join(dir, "out.sarif"), "utf8");
  return { log: JSON.parse(text) as Log, text, status: result.status };
}

/** The text of a region of a file (lines and columns in code points, end column exclusive). */
function regionText(file: string, region: Region): string {
  const lines = file.split("\n").map((line) => Array.from(line.replace(/\r$/, "")));
  const { startLine, startColumn = 1, endLine = startLine, endColumn = lines[endLine - 1]!.length + 1 } = region;
  if (startLine === endLine) return lines[startLine - 1]!.slice(startColumn - 1, endColumn - 1).join("");
  return [
    lines[startLine - 1]!.slice(startColumn - 1).join(""),
    ...lines.slice(startLine, endLine - 1).map((line) => line.join("")),
    lines[endLine - 1]!.slice(0, endColumn - 1).join(""),
  ].join("\n");
}

/** The value at a JSON Pointer, or at its closest existing ancestor. */
function valueAt(value: unknown, pointer: string): unknown {
  let node = value;
  for (const segment of pointer.split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"))) {
    if (node === null || typeof node !== "object" || !(segment in node)) return node;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}

describe("xxgk validate --format sarif: positions", () => {
  it("gives every finding on a JSON value the region of that value in the file", () => {
    const { log, status } = sarifOf();
    expect(status).toBe(2); // the unreadable file
    const results = log.runs[0]!.results;
    const onValues = results.filter((result) => !["JSON-SYNTAX", "READ-ERROR"].includes(result.ruleId));
    expect(new Set(onValues.map((result) => result.ruleId))).toEqual(
      new Set(["BLANK-CELL", "T4-SUM-GROUP", "PROSE-FIGURES", "T3-SUM-ROW", "T3-SUM-COLUMN", "T3-BALANCE", "PROSE-FEE-MENTION", "JSON-DUPLICATE-KEY"]),
    );
    for (const result of onValues) {
      const [location] = result.locations!;
      const physical = location!.physicalLocation!;
      expect(physical.region, `${result.ruleId} ${physical.artifactLocation.uri}`).toBeDefined();
      const file = readFileSync(join(dir, decodeURIComponent(physical.artifactLocation.uri)), "utf8");
      const pointer = location!.logicalLocations![0]!.fullyQualifiedName;
      const expected = valueAt(JSON.parse(file), pointer);
      expect(JSON.parse(regionText(file, physical.region!)), `${result.ruleId} ${pointer}`).toEqual(expected);
      for (const related of result.relatedLocations ?? []) {
        const relatedPointer = related.logicalLocations![0]!.fullyQualifiedName;
        expect(JSON.parse(regionText(file, related.physicalLocation!.region!))).toEqual(valueAt(JSON.parse(file), relatedPointer));
      }
    }
  });

  it("places a JSON syntax error at its line and column, and an unreadable file at its start", () => {
    const { log } = sarifOf();
    const results = log.runs[0]!.results;
    const syntax = results.find((result) => result.ruleId === "JSON-SYNTAX")!;
    expect(syntax.locations![0]!.physicalLocation!.region).toEqual({ startLine: 2, startColumn: 20, endLine: 2, endColumn: 21 });
    expect(syntax.message.text).toContain("全角逗号");
    const unreadable = results.find((result) => result.ruleId === "READ-ERROR")!;
    expect(unreadable.locations![0]!.physicalLocation!.region).toEqual({ startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 });
  });

  it("names the run, the tool, the source root and each rule as SARIF and code scanning expect", () => {
    const { log } = sarifOf("--lang", "en");
    const run = log.runs[0]!;
    expect(run.automationDetails!.id).toMatch(/^xxgk\/validate\/\d{4}-\d{2}-\d{2}T/);
    expect(run.tool.driver.fullName).toMatch(/^@xxgk\/validators \d+\.\d+\.\d+/);
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: `${pathToFileURL(dir).href}/` } });
    for (const result of run.results) {
      expect(result.locations![0]!.physicalLocation!.artifactLocation.uriBaseId).toBe("%SRCROOT%");
      expect(run.tool.driver.rules[result.ruleIndex!]!.id).toBe(result.ruleId);
    }
    const rules = run.tool.driver.rules;
    expect(rules.map((rule) => rule.id)).toEqual(expect.arrayContaining(["JSON-SYNTAX", "JSON-DUPLICATE-KEY", "READ-ERROR"]));
    for (const rule of rules) {
      expect(rule.name, rule.id).toMatch(/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*$/);
      expect(rule.name!.toLowerCase()).not.toBe(rule.id.toLowerCase());
    }
    expect(new Set(rules.map((rule) => rule.name)).size).toBe(rules.length);
  });
});

/** The SARIF Multitool binary (optional dependency, Linux x64/arm64 only). */
function multitool(): string {
  return createRequire(import.meta.url)("@microsoft/sarif-multitool-linux") as string;
}

describe.runIf(process.platform === "linux")("the SARIF Multitool on this log", () => {
  it.each([
    ["its default rules", "Sarif"],
    ["GitHub's rules (GHAS)", "Sarif;Ghas"],
  ])("finds no error and no warning with %s", (_name, ruleKinds) => {
    for (const lang of ["zh", "en"]) {
      sarifOf("--lang", lang);
      const checked = join(dir, `multitool-${lang}.sarif`);
      const tool = spawnSync(
        multitool(),
        ["validate", join(dir, "out.sarif"), "-o", checked, "--log", "ForceOverwrite", "--rule-kind", ruleKinds, "--level", "Error;Warning", "--quiet"],
        { env: { ...cleanEnv(), DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" }, encoding: "utf8" },
      );
      expect(tool.status, tool.stdout + tool.stderr).toBe(0);
      const report = JSON.parse(readFileSync(checked, "utf8")) as Log;
      expect(report.runs[0]!.invocations![0]!.executionSuccessful).toBe(true);
      const problems = (report.runs[0]!.results ?? []).filter((result) => result.level === "error" || result.level === "warning" || result.level === undefined);
      expect(problems.map((result) => `${result.ruleId}: ${result.message.text ?? ""}`)).toEqual([]);
    }
  }, 60_000);
});
