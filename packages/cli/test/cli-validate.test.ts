import iconv from "iconv-lite";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { example2019, exampleReport, requireBuild, tempDir, xxgk } from "./helpers.js";

let dir: string;
const run = (args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) => xxgk(args, { cwd: dir, ...options });

beforeAll(() => {
  requireBuild();
  dir = tempDir();
  const example = exampleReport();
  const text = `${JSON.stringify(example, null, 2)}\n`;
  writeFileSync(join(dir, "good.json"), text);
  writeFileSync(join(dir, "good-2019.json"), JSON.stringify(example2019(), null, 2));
  writeFileSync(join(dir, "gb18030.json"), iconv.encode(text, "gb18030"));
  writeFileSync(join(dir, "utf16.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
  writeFileSync(join(dir, "bom.json"), `\ufeff${text}`);
  const broken = structuredClone(example) as { applications: Record<string, Record<string, number>> };
  broken.applications.newlyReceived!.naturalPerson! += 7;
  writeFileSync(join(dir, "inconsistent.json"), JSON.stringify(broken, null, 2));
  writeFileSync(join(dir, "syntax.json"), '{\n  "edition": "2021"\n  "meta": {}\n}\n');
  writeFileSync(join(dir, "binary.json"), Buffer.from("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n", "latin1"));
});

describe("xxgk validate", () => {
  it("accepts the example report (audit profile) with exit code 0 and nothing on stderr", () => {
    const result = run(["validate", "good.json", "--profile", "audit"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("good.json");
  });

  it("exits 1 on an error-severity finding, printing it on stdout only", () => {
    const result = run(["validate", "inconsistent.json"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("inconsistent.json");
    expect(result.stdout).toContain("错误");
    expect(result.stderr).toBe("");
  });

  it("reads UTF-8 with BOM, UTF-16 and GB18030 files exactly like the UTF-8 original", () => {
    const reference = JSON.parse(run(["validate", "good.json", "--format", "ndjson"]).stdout) as { diagnostics: unknown[]; counts: unknown };
    for (const file of ["bom.json", "utf16.json", "gb18030.json"]) {
      const result = run(["validate", file, "--format", "ndjson"]);
      const line = JSON.parse(result.stdout) as { file: string; diagnostics: unknown[]; counts: unknown };
      expect(line.file).toBe(file);
      expect(line.diagnostics).toEqual(reference.diagnostics);
      expect(line.counts).toEqual(reference.counts);
    }
  });

  it("reports a JSON syntax error with file, line, column and the offending line (exit 1)", () => {
    const result = run(["validate", "syntax.json"]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("syntax.json:3:3");
    expect(result.stdout).toContain('  3 |   "meta": {}');
    expect(result.stdout).toMatch(/\| {3}\^/);
    const json = run(["validate", "syntax.json", "--format", "ndjson"]);
    const line = JSON.parse(json.stdout) as { diagnostics: { ruleId: string; message: string }[] };
    expect(line.diagnostics[0]!.ruleId).toBe("JSON-SYNTAX");
    expect(line.diagnostics[0]!.message).toContain("第 3 行第 3 列");
  });

  it("exits 2 for a missing file and for a binary file, with the reason on stderr", () => {
    const missing = run(["validate", "nope.json"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("nope.json：文件不存在");
    const binary = run(["validate", "binary.json"]);
    expect(binary.status).toBe(2);
    expect(binary.stderr).toContain("PDF");
    expect(binary.stderr).toContain("xxgk import");
  });

  it("streams NDJSON one line per report in input order, with a summary on stderr", () => {
    const result = run(["validate", "good.json", "syntax.json", "good-2019.json", "nope.json", "--format", "ndjson"]);
    expect(result.status).toBe(2);
    const lines = result.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { file: string; ok: boolean });
    expect(lines.map((line) => line.file)).toEqual(["good.json", "syntax.json", "good-2019.json", "nope.json"]);
    expect(lines[1]!.ok).toBe(false);
    expect(result.stderr).toContain("检查了 4 份报告");
  });

  it("writes one JSON document with --format json and a SARIF 2.1.0 log with --format sarif", () => {
    const json = JSON.parse(run(["validate", "good.json", "inconsistent.json", "--format", "json"]).stdout) as {
      files: { file: string; ok: boolean }[];
      summary: { files: number; failing: number };
    };
    expect(json.files.map((file) => [file.file, file.ok])).toEqual([
      ["good.json", expect.any(Boolean)],
      ["inconsistent.json", false],
    ]);
    expect(json.summary.files).toBe(2);
    const sarif = JSON.parse(run(["validate", "inconsistent.json", "--format", "sarif"]).stdout) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe("2.1.0");
    expect(sarif.runs[0]!.results.length).toBeGreaterThan(0);
  });

  it("writes CSV with a UTF-8 BOM and one header for many reports", () => {
    const result = run(["validate", "inconsistent.json", "inconsistent.json", "syntax.json", "--format", "csv"]);
    expect(result.stdoutBytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = result.stdout.split("\r\n");
    expect(lines.filter((line) => line.includes("file,rule"))).toHaveLength(1);
    expect(result.stdout).toContain("JSON-SYNTAX");
  });

  it("reads standard input with -", () => {
    const result = run(["validate", "-", "--format", "ndjson"], { input: readFileSync(join(dir, "inconsistent.json")) });
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as { file: string }).file).toBe("<stdin>");
  });

  it("writes results to a file with -o, refusing to overwrite it without --force", () => {
    const first = run(["validate", "inconsistent.json", "--format", "json", "-o", "results.json"]);
    expect(first.status).toBe(1);
    expect(first.stdout).toBe("");
    const written = readFileSync(join(dir, "results.json"), "utf8");
    expect((JSON.parse(written) as { files: unknown[] }).files).toHaveLength(1);
    const again = run(["validate", "good.json", "--format", "json", "-o", "results.json"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("--force");
    expect(readFileSync(join(dir, "results.json"), "utf8")).toBe(written);
    expect(run(["validate", "good.json", "--format", "json", "-o", "results.json", "--force"]).status).not.toBe(2);
    const intoInput = run(["validate", "good.json", "-o", "good.json", "--force"]);
    expect(intoInput.status).toBe(2);
    expect(intoInput.stderr).toContain("不会覆盖输入文件");
  });

  it("uses last year's report with --previous, and only with one report", () => {
    const result = run(["validate", "good.json", "--previous", "good-2019.json", "--format", "ndjson"]);
    expect(result.status).not.toBe(2);
    type Line = { outcomes: { ruleId: string; outcome: string }[]; previous?: { file: string } };
    const line = JSON.parse(result.stdout) as Line;
    const withoutPrevious = JSON.parse(run(["validate", "good.json", "--format", "ndjson"]).stdout) as Line;
    const carry = (entry: Line) => entry.outcomes.find((outcome) => outcome.ruleId === "X-CARRY-OVER")!.outcome;
    // Without a previous report the cross-year rules have nothing to check; with one they are evaluated (here not
    // assessable: the 2019 example is another body's report of another year).
    expect(carry(withoutPrevious)).toBe("not-applicable");
    expect(carry(line)).toBe("not-assessable");
    expect(line.previous?.file).toBe("good-2019.json");
    const misuse = run(["validate", "good.json", "good-2019.json", "--previous", "good-2019.json"]);
    expect(misuse.status).toBe(2);
  });

  it("turns a rule off with --rule", () => {
    const normal = JSON.parse(run(["validate", "inconsistent.json", "--format", "ndjson"]).stdout) as { diagnostics: { ruleId: string }[] };
    const ruleId = normal.diagnostics[0]!.ruleId;
    const off = JSON.parse(run(["validate", "inconsistent.json", "--format", "ndjson", "--rule", `${ruleId}=off`]).stdout) as {
      diagnostics: { ruleId: string }[];
    };
    expect(off.diagnostics.map((diagnostic) => diagnostic.ruleId)).not.toContain(ruleId);
    expect(run(["validate", "good.json", "--rule", "nonsense"]).status).toBe(2);
  });

  it("speaks English with --lang en or XXGK_LANG=en", () => {
    expect(run(["validate", "nope.json", "--lang", "en"]).stderr).toContain("nope.json: no such file");
    expect(run(["validate", "nope.json"], { env: { XXGK_LANG: "en" } }).stderr).toContain("no such file");
  });

  it("exits 2 on usage errors, in Chinese by default", () => {
    const unknown = run(["validate", "good.json", "--frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("未知选项");
    const badFormat = run(["validate", "good.json", "--format", "xml"]);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain("pretty、json、ndjson、sarif、csv");
    expect(run(["validate"]).status).toBe(2);
    expect(run(["validate", "no/such/**/*.json"]).stderr).toContain("没有与");
  });

  it("colors only when asked or forced, and never with NO_COLOR", () => {
    const escape = "\u001b[";
    expect(run(["validate", "inconsistent.json"]).stdout).not.toContain(escape);
    expect(run(["validate", "inconsistent.json"], { env: { FORCE_COLOR: "1" } }).stdout).toContain(escape);
    expect(run(["validate", "inconsistent.json"], { env: { FORCE_COLOR: "1", NO_COLOR: "1" } }).stdout).not.toContain(escape);
    expect(run(["validate", "inconsistent.json", "--color"]).stdout).toContain(escape);
  });

  it("draws no progress bar when stderr is not a terminal", () => {
    const result = run(["validate", "good.json", "good-2019.json", "--format", "ndjson"]);
    expect(result.stderr).not.toContain("\r");
    expect(result.stderr).not.toContain("█");
    expect(existsSync(join(dir, "good.json"))).toBe(true);
  });
});
