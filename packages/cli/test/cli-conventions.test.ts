/**
 * Issue 12, part 8: the conventions of linters. --quiet, --max-warnings, --format as the one spelling of the output
 * format (old spellings kept as hidden aliases), -f for --format and never for --force, choices in any case.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleReport, requireBuild, tempDir, xxgk } from "./helpers.js";

let dir: string;
const run = (args: string[]) => xxgk(args, { cwd: dir });

beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-conventions-");
  // The example report has one blank row in 表四: a BLANK-CELL warning under the audit profile, an error otherwise.
  writeFileSync(join(dir, "good.json"), JSON.stringify(exampleReport(), null, 2));
  const broken = exampleReport() as { applications: Record<string, Record<string, number>> };
  broken.applications.newlyReceived!.naturalPerson! += 7;
  writeFileSync(join(dir, "broken.json"), JSON.stringify(broken, null, 2));
});

describe("--quiet", () => {
  it("prints and counts errors only, in every format", () => {
    const loud = run(["validate", "good.json", "--profile", "audit", "--format", "json"]);
    expect(JSON.parse(loud.stdout).summary).toMatchObject({ error: 0, warning: 1 });
    const quiet = run(["validate", "good.json", "--profile", "audit", "--format", "json", "--quiet"]);
    const output = JSON.parse(quiet.stdout) as { summary: { warning: number; notAssessable: number }; files: { diagnostics: { severity: string }[] }[] };
    expect(output.summary).toMatchObject({ warning: 0, notAssessable: 0 });
    expect(output.files[0]!.diagnostics).toEqual([]);
    const pretty = run(["validate", "good.json", "--profile", "audit", "-q", "--lang", "en"]);
    expect(pretty.stdout).not.toContain("BLANK-CELL");
    expect(pretty.status).toBe(0);
  });

  it("keeps the errors and their exit code", () => {
    const result = run(["validate", "broken.json", "good.json", "--profile", "audit", "--quiet", "--format", "ndjson"]);
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { diagnostics: { ruleId: string; severity: string }[] });
    const all = lines.flatMap((line) => line.diagnostics);
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((diagnostic) => diagnostic.severity === "error")).toBe(true);
  });
});

describe("--max-warnings", () => {
  it("exits 1 with a message when there are more warnings than allowed, 0 otherwise", () => {
    const over = run(["validate", "good.json", "--profile", "audit", "--max-warnings", "0", "--lang", "en"]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain("1 warning, more than --max-warnings 0");
    expect(run(["validate", "good.json", "--profile", "audit", "--max-warnings", "1"]).status).toBe(0);
  });

  it("does not count warnings under --quiet (as eslint)", () => {
    expect(run(["validate", "good.json", "--profile", "audit", "--max-warnings", "0", "--quiet"]).status).toBe(0);
  });

  it("refuses a limit that is not a whole number", () => {
    for (const bad of ["-1", "1.5", "many"]) {
      const result = run(["validate", "good.json", `--max-warnings=${bad}`, "--lang", "en"]);
      expect(result.status).toBe(2);
      expect(result.stderr).toContain("--max-warnings must be a whole number");
    }
  });
});

describe("--format everywhere, -f for short", () => {
  it("is the output format of render, export and rules; the old --to and --json still work", () => {
    const byFormat = run(["render", "good.json", "-f", "md"]);
    expect(byFormat.status).toBe(0);
    expect(run(["render", "good.json", "--to", "md"]).stdout).toBe(byFormat.stdout);
    expect(run(["export", "good.json", "--format", "ndjson"]).stdout).toBe(run(["export", "good.json", "--to", "ndjson"]).stdout);
    const rules = JSON.parse(run(["rules", "-f", "json"]).stdout) as { id: string }[];
    expect(rules.map((rule) => rule.id)).toContain("T3-SUM-ROW");
    expect(run(["rules", "--json"]).stdout).toBe(run(["rules", "--format", "json"]).stdout);
  });

  it("refuses an old spelling that disagrees with --format", () => {
    const result = run(["render", "good.json", "--to", "md", "--format", "txt", "--lang", "en"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--to is the old spelling of --format");
  });

  it("shows --format in help, and neither --to nor --json", () => {
    for (const command of ["render", "export", "rules", "validate", "review", "import"]) {
      const help = run([command, "--help", "--lang", "en"]).stdout;
      expect(help).toMatch(/-f, --format </);
      expect(help).not.toMatch(/--to |--json/);
      expect(help).not.toMatch(/-f, --force/);
    }
  });

  it("fails clearly where -f once meant --force, and writes nothing", () => {
    writeFileSync(join(dir, "out.html"), "old");
    for (const args of [
      ["render", "good.json", "-o", "out.html", "-f"],
      ["render", "good.json", "-f", "-o", "out.html"],
      ["render", "-f", "good.json", "-o", "out.html"],
      ["validate", "good.json", "-o", "out.json", "-f"],
      ["init", "--body", "某局", "-o", "out.html", "-f"],
      ["schema", "-f", "-o", "out.html"],
      ["render", "good.json", "-fo", "out.html"],
      ["init", "--body", "某局", "-fo", "out.html"],
    ]) {
      const result = run([...args, "--lang", "en"]);
      expect(result.status, args.join(" ")).toBe(2);
      expect(result.stderr, args.join(" ")).toContain("write --force (-f no longer means --force)");
    }
    expect(readFileSync(join(dir, "out.html"), "utf8")).toBe("old");
    expect(existsSync(join(dir, "out.json"))).toBe(false);
    expect(run(["render", "good.json", "-o", "out.html", "--force"]).status).toBe(0);
  });
});

describe("choices in any case", () => {
  it("accepts --profile AUDIT and --format SARIF as their lower-case names", () => {
    const upper = run(["validate", "good.json", "--profile", "AUDIT", "--format", "NDJSON"]);
    expect(upper.status).toBe(0);
    expect(upper.stdout).toBe(run(["validate", "good.json", "--profile", "audit", "--format", "ndjson"]).stdout);
    const sarif = run(["validate", "good.json", "-f", "SARIF"]);
    expect(JSON.parse(sarif.stdout).version).toBe("2.1.0");
  });

  it("still names the valid choices for a wrong value", () => {
    const result = run(["validate", "good.json", "--profile", "strict", "--lang", "en"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('invalid value "strict" for --profile; choose one of: publish, audit');
  });
});
