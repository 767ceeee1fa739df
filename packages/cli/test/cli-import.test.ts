// `xxgk import` end to end, on real published reports from the importer's corpus (copied into a temporary
// directory without the corpus's header block, as a user would have them).
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseReport } from "@xxgk/schema";
import { requireBuild, tempDir, xxgk } from "./helpers.js";

const CORPUS = new URL("../../importer/test/fixtures/corpus/", import.meta.url);
let dir = "";
const run = (args: string[]) => xxgk(args, { cwd: dir });

function copyReport(stem: string, name = `${stem}.txt`) {
  const text = readFileSync(new URL(`${stem}.txt`, CORPUS), "utf8");
  writeFileSync(join(dir, name), text.slice(text.indexOf("\n---\n") + 5));
}

beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-import-");
  copyReport("006-2023-huaian-hongzequ", "006.txt");
  copyReport("008-2024-huaian-shi", "008.txt");
  copyReport("215-2025-pingtan-shehuishiyeju", "215.txt");
  writeFileSync(join(dir, "junk.txt"), "欢迎访问本网站。\n联系我们\n");
  writeFileSync(join(dir, "008.pdf"), readFileSync(new URL("pdf/008-2024-huaian-shi.pdf", CORPUS)));
});

describe("xxgk import", () => {
  it("imports a consistent report to JSON on standard output, exit 0", () => {
    const result = run(["import", "008.txt"]);
    expect(result.status, result.stderr).toBe(0);
    const parsed = parseReport(JSON.parse(result.stdout));
    expect(parsed.success).toBe(true);
    if (!parsed.success) return;
    expect(parsed.report.applications.newlyReceived.total).toBe(3119);
    expect(parsed.report.import?.tool).toBe("@xxgk/importer");
    expect(result.stderr).toContain("已导入");
  });

  it("is the first half of the reviewer's pipeline: import -o, then validate flags what the publication got wrong", () => {
    const imported = run(["import", "006.txt", "-o", "006.json"]);
    expect(imported.status).toBe(1); // 006's 四 is inconsistent as published
    expect(imported.stdout).toBe("");
    const validated = run(["validate", "006.json", "--profile", "audit"]);
    expect(validated.status).toBe(1);
    expect(validated.stdout).toContain("T4-SUM-GROUP");
  });

  it("imports a published PDF (the format told from its bytes) and validates it clean", () => {
    const result = run(["import", "008.pdf", "-o", "008-from-pdf.json"]);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "008-from-pdf.json"), "utf8"));
    expect(report.import.source).toEqual({ fileName: "008.pdf", format: "pdf" });
    expect(report.reviewAndLitigation.reconsideration.total).toBe(351);
    expect(run(["validate", "008-from-pdf.json", "--profile", "audit"]).status).toBe(0);
  });

  it("refuses to overwrite an output without --force, and overwrites with it", () => {
    writeFileSync(join(dir, "exists.json"), "{}");
    const refused = run(["import", "008.txt", "-o", "exists.json"]);
    expect(refused.status).toBe(2);
    expect(readFileSync(join(dir, "exists.json"), "utf8")).toBe("{}");
    expect(run(["import", "008.txt", "-o", "exists.json", "--force"]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "exists.json"), "utf8")).meta.year).toBe(2024);
  });

  it("refuses a file that holds no report: exit 2, the reason, nothing written", () => {
    const result = run(["import", "junk.txt", "-o", "junk.json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("未导入");
    expect(existsSync(join(dir, "junk.json"))).toBe(false);
    expect(run(["import", "junk.txt", "--lang", "en"]).stderr).toContain("not imported");
  });

  it("imports many files into a directory, one JSON each, with a summary of cells read, inferred and unreadable", () => {
    // The folder is created when missing, parents included.
    const out = join(tempDir("xxgk-import-out-"), "imported", "2024");
    const result = run(["import", "006.txt", "008.txt", "215.txt", "--out-dir", out, "--lang", "en"]);
    expect(result.status).toBe(1);
    expect(readdirSync(out).sort()).toEqual(["006.json", "008.json", "215.json"]);
    expect(result.stderr).toMatch(/imported 3 files: 2 complete, 1 partial, 0 refused; cells: \d+ read, \d+ inferred, 3 unreadable/u);
    const partial = JSON.parse(readFileSync(join(out, "215.json"), "utf8"));
    expect(partial.import.absent).toContain("/proactiveDisclosure/rules/issued");
  });

  it("writes one NDJSON line per input, refusals included, and exits 2 when one was refused", () => {
    const result = run(["import", "008.txt", "junk.txt", "--format", "ndjson"]);
    expect(result.status).toBe(2);
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines.map((line) => line.status)).toEqual(["imported", "refused"]);
    expect(lines[0].report.meta.body).toBe("淮安市人民政府");
    expect(lines[1].code).toBe("NO_REPORT");
  });

  it("asks for --out-dir or --format ndjson when several reports would go to one JSON document", () => {
    const result = run(["import", "006.txt", "008.txt", "--format", "json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--out-dir");
  });
});
