import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseReport } from "@xxgk/schema";
import { RULES } from "@xxgk/validators";
import { beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cleanEnv, EXAMPLES, exampleReport, DIST, requireBuild, tempDir, xxgk } from "./helpers.js";

let dir: string;
const run = (args: string[], options: { input?: string; env?: Record<string, string> } = {}) => xxgk(args, { cwd: dir, ...options });
const COMMANDS = ["init", "validate", "render", "import", "schema", "rules", "export"];
const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

beforeAll(() => {
  requireBuild();
  dir = tempDir();
  writeFileSync(join(dir, "report.json"), JSON.stringify(exampleReport(), null, 2));
  const broken = exampleReport() as { applications: Record<string, Record<string, number>> };
  broken.applications.newlyReceived!.naturalPerson! += 7;
  writeFileSync(join(dir, "inconsistent.json"), JSON.stringify(broken));
  writeFileSync(join(dir, "invalid.json"), readFileSync(join(EXAMPLES, "invalid/unknown-edition.json")));
});

describe("xxgk (no arguments)", () => {
  it("validates and renders the bundled example with a short summary", () => {
    const result = run([]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("石嘴山市商务局");
    expect(result.stdout).toMatch(/HTML [\d.]+ KB/);
    expect(result.stdout).toMatch(/DOCX）[\d.]+ KB/);
    expect(result.stdout).toContain("xxgk init --example");
    expect(result.stdout.split("\n").length).toBeLessThan(60);
    // The six section headings, and no table rows that merely start like one (一、本年新收…).
    for (const heading of ["一、总体情况", "二、主动公开政府信息情况", "六、其他需要报告的事项"]) expect(result.stdout).toContain(`  ${heading}\n`);
    expect(result.stdout).not.toContain("本年新收政府信息公开申请数量");
  });
});

describe("the executable", () => {
  it("checks a well-formed report without loading any on-demand module (zod, renderer, iconv-lite)", () => {
    // A copy of the build without dist/lazy/: validating a well-formed report must not need it; a malformed one does.
    const copy = tempDir("xxgk-no-lazy-");
    cpSync(DIST, join(copy, "dist"), { recursive: true });
    writeFileSync(join(copy, "package.json"), '{"type":"module"}');
    rmSync(join(copy, "dist/lazy"), { recursive: true });
    const copied = (args: string[]) => spawnSync(process.execPath, [join(copy, "dist/cli.cjs"), ...args], { cwd: dir, env: cleanEnv(), encoding: "utf8" });
    const wellFormed = copied(["validate", "report.json", "inconsistent.json"]);
    expect(wellFormed.stderr).toBe("");
    expect(wellFormed.stdout).toContain("检查了 2 份报告");
    expect(wellFormed.status).toBe(1);
    const malformed = copied(["validate", "invalid.json"]);
    expect(malformed.status).toBe(2);
    expect(malformed.stderr).toContain("lazy/validators.js");
  });
});

describe("--help and --version", () => {
  it("prints the version of the package", () => {
    expect(run(["--version"]).stdout).toBe(`${version}\n`);
    expect(run(["-V"]).status).toBe(0);
  });

  it("lists every command, in Chinese by default and in English with --lang en", () => {
    const zh = run(["--help"]);
    expect(zh.status).toBe(0);
    for (const command of COMMANDS) expect(zh.stdout).toContain(`  ${command} `);
    expect(zh.stdout).toContain("命令：");
    expect(run(["--help", "--lang", "en"]).stdout).toContain("Commands:");
  });

  it("has help with examples for every command", () => {
    for (const command of COMMANDS) {
      const result = run([command, "--help"]);
      expect(result.status, command).toBe(0);
      expect(result.stdout).toContain(`xxgk ${command}`);
      expect(result.stdout).toContain("示例：");
      expect(run(["help", command, "--lang", "en"]).stdout).toContain("Examples:");
    }
  });

  it("suggests the right command for a typo and exits 2", () => {
    const result = run(["valdiate", "x.json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("xxgk validate");
  });
});

describe("xxgk init", () => {
  it("prints a new all-zero report with $schema to stdout", () => {
    const result = run(["init", "--year", "2024", "--body", "某某市商务局"]);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { $schema: string; edition: string; meta: { body: string; year: number }; applications: Record<string, Record<string, number>> };
    expect(report.$schema).toBe("https://xxgk.github.io/schema/v1/report.schema.json");
    expect(report.edition).toBe("2021");
    expect(report.meta).toEqual({ body: "某某市商务局", year: 2024 });
    expect(Object.values(report.applications).flatMap((row) => Object.values(row)).every((value) => value === 0)).toBe(true);
    expect(parseReport(report).success).toBe(true);
  });

  it("chooses edition 2019 for 2020 and honours --edition", () => {
    expect((JSON.parse(run(["init", "--year", "2020", "--body", "某县"]).stdout) as { edition: string }).edition).toBe("2019");
    const forced = run(["init", "--year", "2023", "--body", "某县", "--edition", "2019"]);
    expect((JSON.parse(forced.stdout) as { edition: string }).edition).toBe("2019");
    expect(forced.stderr).toContain("2021 版");
  });

  it("writes -o atomically and refuses to overwrite without --force", () => {
    expect(run(["init", "--body", "甲", "-o", "new.json"]).status).toBe(0);
    const before = readFileSync(join(dir, "new.json"), "utf8");
    const again = run(["init", "--body", "乙", "-o", "new.json"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("已存在");
    expect(readFileSync(join(dir, "new.json"), "utf8")).toBe(before);
    expect(run(["init", "--body", "乙", "-o", "new.json", "--force"]).status).toBe(0);
    expect(readFileSync(join(dir, "new.json"), "utf8")).toContain("乙");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("writes out the bundled example byte for byte", () => {
    const result = run(["init", "--example"]);
    expect(result.stdout).toBe(readFileSync(join(EXAMPLES, "2023-shizuishan-shangwuju.json"), "utf8"));
  });

  it("needs --body and a year in range", () => {
    expect(run(["init"]).status).toBe(2);
    const old = run(["init", "--body", "某县", "--year", "2018"]);
    expect(old.status).toBe(2);
    expect(old.stderr).toContain("2019");
  });
});

describe("xxgk render", () => {
  it("renders HTML, Markdown, text and DOCX", () => {
    expect(run(["render", "report.json", "--to", "html", "-o", "report.html"]).status).toBe(0);
    expect(readFileSync(join(dir, "report.html"), "utf8")).toContain("<html");
    const markdown = run(["render", "report.json", "--to", "md"]);
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toContain("石嘴山市商务局");
    expect(run(["render", "report.json", "--to", "txt"]).stdout).toContain("一、本年新收政府信息公开申请数量");
    expect(run(["render", "report.json", "--to", "docx", "-o", "report.docx"]).status).toBe(0);
    expect(readFileSync(join(dir, "report.docx")).subarray(0, 2).toString("latin1")).toBe("PK");
  });

  it("marks findings with --annotate (html only) and exits 1 when they include errors", () => {
    const result = run(["render", "inconsistent.json", "--annotate", "-o", "annotated.html"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/已标注 [1-9]\d* 个错误/);
    const plain = readFileSync(join(dir, "report.html"), "utf8");
    const annotated = readFileSync(join(dir, "annotated.html"), "utf8");
    expect(annotated.length).toBeGreaterThan(plain.length);
    expect(run(["render", "report.json", "--annotate", "--to", "md"]).status).toBe(2);
  });

  it("never overwrites the input and refuses an existing output without --force", () => {
    const before = readFileSync(join(dir, "report.json"), "utf8");
    const intoInput = run(["render", "report.json", "--to", "txt", "-o", "report.json", "--force"]);
    expect(intoInput.status).toBe(2);
    expect(readFileSync(join(dir, "report.json"), "utf8")).toBe(before);
    const exists = run(["render", "report.json", "-o", "report.html"]);
    expect(exists.status).toBe(2);
    expect(exists.stderr).toContain("--force");
  });

  it("exits 1 for a structurally invalid report and 2 for a missing one", () => {
    const invalid = run(["render", "invalid.json", "-o", "invalid.html"]);
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toContain("edition");
    expect(existsSync(join(dir, "invalid.html"))).toBe(false);
    expect(run(["render", "missing.json"]).status).toBe(2);
  });
});

describe("xxgk schema", () => {
  const committed = (file: string) => readFileSync(new URL(`../../schema/json-schema/${file}`, import.meta.url), "utf8");

  it("prints the committed JSON Schema of either edition or of one edition", () => {
    expect(run(["schema"]).stdout).toBe(committed("report.schema.json"));
    expect(run(["schema", "--edition", "2019"]).stdout).toBe(committed("report-2019.schema.json"));
    expect(run(["schema", "--edition", "2021"]).stdout).toBe(committed("report-2021.schema.json"));
  });

  it("writes it with -o", () => {
    expect(run(["schema", "-o", "schema.json"]).status).toBe(0);
    expect(readFileSync(join(dir, "schema.json"), "utf8")).toBe(committed("report.schema.json"));
    expect(run(["schema", "-o", "schema.json"]).status).toBe(2);
  });
});

describe("xxgk rules", () => {
  it("lists every rule in the terminal and as JSON", () => {
    const table = run(["rules"]);
    expect(table.status).toBe(0);
    for (const rule of RULES) expect(table.stdout).toContain(rule.id);
    const json = JSON.parse(run(["rules", "--json"]).stdout) as { id: string }[];
    expect(json.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
  });
});
