/**
 * End-to-end tests of the review fixes (docs/cli.md describes each behaviour), on the built executable.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "@xxgk/validators";
import { REPORT_CSS } from "@xxgk/renderer";
import { beforeAll, describe, expect, it } from "vitest";
import { EXAMPLES, example2019, exampleReport, requireBuild, startXxgk, tempDir, writeReports, xxgk } from "./helpers.js";

let dir: string;
const run = (args: string[], options: { input?: string | Buffer; env?: Record<string, string> } = {}) => xxgk(args, { cwd: dir, ...options });
const read = (name: string) => readFileSync(join(dir, name), "utf8");
const HAN = /[\u4e00-\u9fff]/;

/** A CSV line split into fields (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let index = 0;
  while (index <= line.length) {
    if (line[index] === '"') {
      let value = "";
      index++;
      while (index < line.length) {
        if (line[index] === '"' && line[index + 1] === '"') {
          value += '"';
          index += 2;
        } else if (line[index] === '"') {
          index++;
          break;
        } else value += line[index++];
      }
      fields.push(value);
      index++; // the comma
    } else {
      const end = line.indexOf(",", index);
      fields.push(line.slice(index, end === -1 ? line.length : end));
      index = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return fields;
}

function csvRecords(text: string): Record<string, string>[] {
  const [header, ...lines] = text.replace(/^\ufeff/, "").trimEnd().split("\r\n").map(csvFields);
  return lines.map((fields) => Object.fromEntries(header!.map((name, index) => [name, fields[index]!])));
}

beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-review-");
  writeFileSync(join(dir, "report.json"), JSON.stringify(exampleReport(), null, 2));
  const inconsistent = exampleReport() as { applications: Record<string, Record<string, number>> };
  inconsistent.applications.newlyReceived!.naturalPerson! += 7;
  writeFileSync(join(dir, "inconsistent.json"), JSON.stringify(inconsistent));
  for (const name of ["negative-count", "fractional-count", "wrong-types-strings-for-numbers", "missing-sections", "unknown-edition"]) {
    writeFileSync(join(dir, `${name}.json`), readFileSync(join(EXAMPLES, `invalid/${name}.json`)));
  }
  const stringCell = exampleReport() as { applications: Record<string, Record<string, unknown>> };
  stringCell.applications.newlyReceived!.naturalPerson = "251000元";
  writeFileSync(join(dir, "string-cell.json"), JSON.stringify(stringCell, null, 2));
});

describe("--rule", () => {
  it("refuses an unknown rule id with a usage error that names it and points at xxgk rules", () => {
    const result = run(["validate", "report.json", "--rule", "R2=off"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("R2");
    expect(result.stderr).toContain("xxgk rules");
    expect(result.stderr).toContain("T3-SUM-ROW");
    const lower = run(["validate", "report.json", "--rule", "t3-sum-rows=off", "--lang", "en"]);
    expect(lower.status).toBe(2);
    expect(lower.stderr).toContain("t3-sum-rows");
    expect(lower.stderr).toContain("T3-SUM-ROW");
    const severity = run(["validate", "report.json", "--rule", "T3-SUM-ROW=loud"]);
    expect(severity.status).toBe(2);
    expect(severity.stderr).toContain("loud");
  });

  it("accepts rule ids in any case", () => {
    // Under the publish profile the example's blank 行政复议 cells are an error; as a warning the report passes.
    expect(run(["validate", "report.json"]).status).toBe(1);
    const result = run(["validate", "report.json", "--rule", "blank-cell=warning", "--format", "json"]);
    expect(result.status).toBe(0);
    const blank = (JSON.parse(result.stdout) as { files: { diagnostics: { ruleId: string; severity: string }[] }[] }).files[0]!.diagnostics.filter(
      (diagnostic) => diagnostic.ruleId === "BLANK-CELL",
    );
    expect(blank.length).toBeGreaterThan(0);
    expect(blank.every((diagnostic) => diagnostic.severity === "warning")).toBe(true);
  });

  it("shows a real rule id in the help example", () => {
    const help = run(["validate", "--help"]).stdout + run(["validate", "--help", "--lang", "en"]).stdout;
    expect(help).not.toContain("R2=off");
    const ids = new Set(RULES.map((rule) => rule.id));
    for (const [, id] of help.matchAll(/--rule ([A-Z0-9-]+)=/g)) expect(ids.has(id!)).toBe(true);
    expect(help).toContain("--rule T3-SUM-ROW=warning");
  });
});

describe("profiles in the help", () => {
  it("describes audit as reviewing published reports, with some publish errors as warnings", () => {
    for (const command of ["validate", "render"]) {
      const zh = run([command, "--help"]).stdout;
      const en = run([command, "--help", "--lang", "en"]).stdout;
      expect(zh).not.toContain("更严格");
      expect(en).not.toContain("stricter");
      expect(zh).toContain("已发布");
      expect(zh).toContain("警告");
      expect(en).toContain("published");
      expect(en).toContain("warnings");
    }
  });
});

describe("-o and the output format", () => {
  it("infers the format from the extension when --to/--format is not given", () => {
    expect(run(["render", "report.json", "-o", "r.docx"]).status).toBe(0);
    expect(readFileSync(join(dir, "r.docx")).subarray(0, 4).toString("latin1")).toBe("PK\u0003\u0004");
    expect(run(["render", "report.json", "-o", "r.md"]).status).toBe(0);
    expect(read("r.md")).not.toContain("<html");
    expect(read("r.md")).toContain("石嘴山市商务局");
    expect(run(["render", "report.json", "-o", "r.TXT"]).status).toBe(0);
    expect(read("r.TXT")).not.toContain("<");
    expect(run(["render", "report.json", "-o", "r.htm"]).status).toBe(0);
    expect(read("r.htm")).toContain("<html");

    expect(run(["export", "report.json", "-o", "data.ndjson"]).status).toBe(0);
    const first = read("data.ndjson").split("\n")[0]!;
    expect((JSON.parse(first) as { file: string }).file).toBe("report.json");
    expect(run(["export", "report.json", "-o", "data.jsonl"]).status).toBe(0);
    expect(read("data.jsonl").startsWith("{")).toBe(true);

    expect(run(["validate", "report.json", "-o", "res.sarif"]).status).toBe(1);
    expect((JSON.parse(read("res.sarif")) as { version: string }).version).toBe("2.1.0");
    run(["validate", "report.json", "-o", "res.json"]);
    expect((JSON.parse(read("res.json")) as { files: unknown[] }).files).toHaveLength(1);
    run(["validate", "report.json", "-o", "res.csv"]);
    expect(read("res.csv").startsWith("\ufeff")).toBe(true);
    run(["validate", "report.json", "-o", "res.ndjson"]);
    expect((JSON.parse(read("res.ndjson").split("\n")[0]!) as { file: string }).file).toBe("report.json");
  });

  it("refuses a --to/--format that contradicts the extension (exit 2, nothing written)", () => {
    for (const args of [
      ["render", "report.json", "--to", "html", "-o", "x.docx"],
      ["export", "report.json", "--to", "csv", "-o", "x.ndjson"],
      ["validate", "report.json", "--format", "pretty", "-o", "x.sarif"],
    ]) {
      const result = run(args);
      expect(result.status, args.join(" ")).toBe(2);
      expect(existsSync(join(dir, args.at(-1)!))).toBe(false);
    }
    // An agreeing or unknown extension is fine.
    expect(run(["render", "report.json", "--to", "txt", "-o", "agree.txt"]).status).toBe(0);
    expect(run(["render", "report.json", "--to", "txt", "-o", "report.out"]).status).toBe(0);
  });
});

describe("reports whose only problems are bad cell values", () => {
  it("render --annotate shows the invalid cells blank and marked, says so on stderr, exits 1", () => {
    const result = run(["render", "negative-count.json", "--annotate", "-o", "negative.html"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("1 个单元格");
    const html = read("negative.html");
    const cell = /<td id="xxgk-cell-proactiveDisclosure-normativeDocuments-repealed"([^>]*)>([\s\S]*?)<\/td>/.exec(html);
    expect(cell).not.toBeNull();
    expect(cell![1]).toContain("xxgk-error");
    expect(cell![1]).toContain("-4");
    expect(cell![2]).not.toContain("-4");
    expect(cell![2]).not.toMatch(/\d/);

    const fractional = run(["render", "fractional-count.json", "--annotate", "--lang", "en", "-o", "fractional.html"]);
    expect(fractional.status).toBe(1);
    expect(fractional.stderr).toContain("1 cell");
    expect(read("fractional.html")).toContain("2.5");
  });

  it("plain render keeps refusing and suggests --annotate", () => {
    const result = run(["render", "negative-count.json", "-o", "plain.html"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("--annotate");
    expect(existsSync(join(dir, "plain.html"))).toBe(false);
  });

  it("still refuses reports whose structure is broken elsewhere", () => {
    for (const name of ["missing-sections", "unknown-edition", "wrong-types-strings-for-numbers"]) {
      const result = run(["render", `${name}.json`, "--annotate", "-o", `${name}.html`]);
      expect(result.status, name).toBe(1);
      expect(result.stderr).toContain("报告结构无效");
      expect(existsSync(join(dir, `${name}.html`))).toBe(false);
      expect(run(["export", `${name}.json`]).stdout).not.toContain(name);
    }
  });

  it("export writes every other cell and a problem column, warns on stderr, exits 1", () => {
    const result = run(["export", "string-cell.json", "report.json"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("string-cell.json");
    expect(result.stderr).toContain("1 个单元格");
    const records = csvRecords(result.stdout);
    const own = records.filter((record) => record.file === "string-cell.json");
    expect(own).toHaveLength(records.filter((record) => record.file === "report.json").length);
    const bad = own.find((record) => record.pointer === "/applications/newlyReceived/naturalPerson")!;
    expect(bad.value).toBe("");
    expect(bad.problem).toBe("填报“251000元”，不是数字");
    expect(own.filter((record) => record.problem !== "")).toHaveLength(1);
    const good = own.find((record) => record.pointer === "/applications/total/naturalPerson")!;
    expect(good.value).not.toBe("");
    expect(good.problem).toBe("");

    const negative = csvRecords(run(["export", "negative-count.json"]).stdout);
    const repealed = negative.find((record) => record.pointer === "/proactiveDisclosure/normativeDocuments/repealed")!;
    expect(repealed.value).toBe("");
    expect(repealed.problem).toContain("-4");

    const ndjson = run(["export", "fractional-count.json", "--to", "ndjson"]);
    expect(ndjson.status).toBe(1);
    const lines = ndjson.stdout.trimEnd().split("\n").map((line) => JSON.parse(line) as { value: number | null; problem: string | null; pointer: string });
    const fraction = lines.filter((line) => line.problem !== null);
    expect(fraction).toHaveLength(1);
    expect(fraction[0]!.value).toBeNull();
    expect(fraction[0]!.problem).toContain("2.5");
  });

  it("export --wide leaves the cell empty and lists the problems in a final problems column", () => {
    const result = run(["export", "string-cell.json", "report.json", "--wide"]);
    expect(result.status).toBe(1);
    const lines = result.stdout.replace(/^\ufeff/, "").trimEnd().split("\r\n").map(csvFields);
    const header = lines[0]!;
    expect(header.at(-1)).toBe("problems");
    const [bad, good] = [lines[1]!, lines[2]!];
    expect(bad[0]).toBe("string-cell.json");
    expect(bad[header.indexOf("表三/一、本年新收政府信息公开申请数量/自然人")]).toBe("");
    expect(bad.at(-1)).toContain("填报“251000元”，不是数字");
    expect(bad.at(-1)).toContain("自然人");
    expect(good.at(-1)).toBe("");
    expect(bad).toHaveLength(header.length);
  });
});

describe("export CSV safety and numbers", () => {
  beforeAll(() => {
    const hostile = exampleReport() as { meta: { body: string } };
    hostile.meta.body = '=HYPERLINK("http://evil","点击"),某局';
    writeFileSync(join(dir, "hostile.json"), JSON.stringify(hostile));
    const numbers = example2019() as { proactiveDisclosure: Record<string, Record<string, number>> };
    numbers.proactiveDisclosure.licensing!.change = -8;
    numbers.proactiveDisclosure.procurement!.amount = 0.1 + 0.2;
    writeFileSync(join(dir, "numbers.json"), JSON.stringify(numbers));
    const tiny = example2019() as { proactiveDisclosure: Record<string, Record<string, number>> };
    tiny.proactiveDisclosure.procurement!.amount = 1e-7;
    writeFileSync(join(dir, "tiny.json"), JSON.stringify(tiny));
  });

  it("guards text fields against formulas but never numbers", () => {
    const result = run(["export", "hostile.json", "numbers.json"]);
    expect(result.status).toBe(0);
    const records = csvRecords(result.stdout);
    expect(records.find((record) => record.file === "hostile.json")!.body).toBe(`'=HYPERLINK("http://evil","点击"),某局`);
    expect(result.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m);
    const change = records.find((record) => record.file === "numbers.json" && record.pointer === "/proactiveDisclosure/licensing/change")!;
    expect(change.value).toBe("-8");
    const wide = run(["export", "hostile.json", "--wide"]).stdout;
    expect(wide).toContain(`"'=HYPERLINK(""http://evil"",""点击""),某局"`);
  });

  it("writes every figure with formatCellValue: no float noise, no exponent", () => {
    const csv = run(["export", "numbers.json", "tiny.json"]).stdout;
    const amounts = csvRecords(csv).filter((record) => record.pointer === "/proactiveDisclosure/procurement/amount");
    expect(amounts.map((record) => record.value)).toEqual(["0.3", "0.0000001"]);
    const ndjson = run(["export", "numbers.json", "tiny.json", "--to", "ndjson"]).stdout;
    expect(ndjson).toContain('"value":0.3,');
    expect(ndjson).toContain('"value":0.0000001,');
    expect(ndjson).not.toContain("0.30000000000000004");
    expect(ndjson).not.toContain("1e-7");
    const wide = run(["export", "numbers.json", "tiny.json", "--wide", "--to", "ndjson"]).stdout;
    expect(wide).toContain(":0.0000001");
    expect(wide).not.toContain("1e-7");
    expect(run(["export", "numbers.json", "tiny.json", "--wide"]).stdout).not.toContain("1e-7");
  });
});

describe("render --fragment", () => {
  it("includes the stylesheet by default, and leaves it out with --no-css", () => {
    const fragment = run(["render", "report.json", "--fragment"]);
    expect(fragment.status).toBe(0);
    // The stylesheet of the whole page (the renderer's REPORT_CSS, as built into the executable), at the top.
    const page = run(["render", "report.json"]).stdout;
    const css = /<style>\n([\s\S]*?)\n<\/style>/.exec(page)![1]!;
    expect(css).toContain(".xxgk-report");
    expect(css.slice(0, 40)).toBe(REPORT_CSS.slice(0, 40));
    expect(fragment.stdout.startsWith(`<style>\n${css}\n</style>\n`)).toBe(true);
    expect(fragment.stdout).not.toContain("<html");
    const bare = run(["render", "report.json", "--fragment", "--no-css"]);
    expect(bare.status).toBe(0);
    expect(bare.stdout).not.toContain("<style");
    expect(bare.stdout).toContain("xxgk-report");
    expect(run(["render", "report.json", "--no-css"]).status).toBe(2);
  });
});

describe("a closed pipe", () => {
  it("exits 1 when errors were found before the pipe closed", async () => {
    const many = tempDir("xxgk-pipe-");
    // Every fifth report is inconsistent, the first one among them. On worker threads the run is still going when
    // the pipe closes (in one thread all output may be queued before the closed pipe is noticed).
    writeReports(many, 600);
    const child = startXxgk(["validate", ".", "--format", "ndjson", "--jobs", "2"], many);
    child.stdin.end();
    child.stderr.resume();
    child.stdout.once("data", () => child.stdout.destroy()); // like `| head -1`
    const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(1);
  });
});

describe("messages in the chosen language", () => {
  it("shows argument placeholders in the language of the messages", () => {
    const en = run(["validate", "--lang", "en"]);
    expect(en.status).toBe(2);
    expect(en.stderr).toContain("missing argument <file|dir|glob|->");
    expect(en.stderr).not.toMatch(HAN);
    const zh = run(["render"]);
    expect(zh.stderr).toContain("缺少参数 <文件>");
    expect(zh.stderr).not.toContain("<file>");
    for (const command of ["init", "validate", "render", "export", "import", "schema", "rules"]) {
      const help = run([command, "--help", "--lang", "en"]).stdout;
      const usageAndOptions = help.split("Examples:")[0]!;
      expect(usageAndOptions, command).not.toMatch(/<[^>]*[\u4e00-\u9fff][^>]*>/);
      expect(run([command, "--help"]).stdout, command).not.toMatch(/<(file|name|rule)[^>]*>/);
    }
  });

  it("writes 1 error / 1 warning in the singular", () => {
    const summary = run(["validate", "negative-count.json", "--profile", "audit", "--format", "ndjson", "--lang", "en"]).stderr;
    expect(summary).toContain("(1 error, 1 warning)");
    const annotate = run(["render", "negative-count.json", "--annotate", "--profile", "audit", "--lang", "en", "-o", "en.html"]);
    expect(annotate.stderr).toContain("marked 1 error, 1 warning");
  });
});

describe("xxgk init", () => {
  const thisYear = new Date().getFullYear();

  it("refuses a year that has not begun and notes one that has not ended", () => {
    const future = run(["init", "--body", "某县", "--year", String(thisYear + 1)]);
    expect(future.status).toBe(2);
    expect(future.stdout).toBe("");
    const far = run(["init", "--body", "某县", "--year", "2030"]);
    expect(far.status).toBe(thisYear >= 2030 ? 0 : 2);
    const current = run(["init", "--body", "某县", "--year", String(thisYear)]);
    expect(current.status).toBe(0);
    expect(current.stderr).toContain("尚未结束");
    expect((JSON.parse(current.stdout) as { meta: { year: number } }).meta.year).toBe(thisYear);
  });

  it("refuses a year with a leading zero", () => {
    const result = run(["init", "--body", "某县", "--year", "02024"]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
  });

  it("refuses --year, --body and --edition with --example", () => {
    for (const extra of [["--year", "2024"], ["--body", "某县"], ["--edition", "2019"]]) {
      const result = run(["init", "--example", ...extra]);
      expect(result.status, extra[0]).toBe(2);
      expect(result.stderr).toContain(extra[0]);
      expect(result.stdout).toBe("");
    }
  });
});

describe("input problems", () => {
  it("says standard input exceeds the limit without a wrong size", () => {
    const result = run(["validate", "-"], { input: Buffer.alloc(20 * 1024 * 1024, 0x20) });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("超过 10 MiB 的上限");
    expect(result.stderr).not.toMatch(/\d+\.\d+ MiB/);
  });

  it("says where an undecodable file first goes wrong", () => {
    const bytes = Buffer.concat([Buffer.from('{\n  "edition": "2021",\n  "meta": {"body": "'), Buffer.from([0xff, 0xfe, 0xff]), Buffer.from('"}\n}\n')]);
    writeFileSync(join(dir, "undecodable.json"), bytes);
    const result = run(["validate", "undecodable.json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("无法识别文件编码");
    expect(result.stderr).toContain("第 3 行");
    expect(result.stderr).toContain(`字节偏移 ${bytes.indexOf(0xff)}`);
    expect(run(["validate", "undecodable.json", "--lang", "en"]).stderr).toContain(`line 3, byte offset ${bytes.indexOf(0xff)}`);
  });

  it("reports duplicate keys in validate and refuses them in render and export", () => {
    const text = readFileSync(join(dir, "report.json"), "utf8").replace('"year": 2023,', '"year": 2023,\n    "year": 2024,');
    expect(text).toContain('"year": 2024');
    writeFileSync(join(dir, "duplicate.json"), text);
    const line = text.split("\n").findIndex((candidate) => candidate.includes('"year": 2024')) + 1;

    const validated = run(["validate", "duplicate.json", "--profile", "audit", "--format", "json"]);
    expect(validated.status).toBe(1);
    const diagnostics = (JSON.parse(validated.stdout) as { files: { diagnostics: { ruleId: string; severity: string; pointers: string[]; message: string }[] }[] }).files[0]!
      .diagnostics;
    const duplicate = diagnostics.find((diagnostic) => diagnostic.ruleId === "JSON-DUPLICATE-KEY")!;
    expect(duplicate).toBeDefined();
    expect(duplicate.severity).toBe("error");
    expect(duplicate.pointers).toEqual(["/meta/year"]);
    expect(duplicate.message).toContain(`第 ${line} 行`);
    const pretty = run(["validate", "duplicate.json"]);
    expect(pretty.stdout).toContain(`duplicate.json:${line}:5`);

    const rendered = run(["render", "duplicate.json", "-o", "duplicate.html"]);
    expect(rendered.status).toBe(1);
    expect(rendered.stderr).toContain(`duplicate.json:${line}:5`);
    expect(existsSync(join(dir, "duplicate.html"))).toBe(false);
    const exported = run(["export", "duplicate.json"]);
    expect(exported.status).toBe(1);
    expect(exported.stdout).not.toContain("duplicate.json");
    expect(exported.stderr).toContain("year");
  });
});
