import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse } from "csv-parse/sync";
import { parquetReadObjects } from "hyparquet";
import { generateTestRegion, type RegionReview, type TestRegion } from "@xxgk/validators/region";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleReport, requireBuild, tempDir, xxgk } from "./helpers.js";

let dir: string;
let region: TestRegion;
const run = (args: string[]) => xxgk(args, { cwd: dir });
const TODAY = ["--today", "2025-06-01"];
const REVIEW = ["review", "2024", "--previous", "2023", "--bodies", "bodies.csv", ...TODAY];

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-review-");
  region = generateTestRegion();
  for (const input of [...region.reports, ...region.previous]) write(input.file, JSON.stringify(input.report, null, 2));
  write("bodies.csv", `\ufeff机关名称,层级\r\n${region.bodies.map((body) => `${body.name},${body.level}`).join("\r\n")}\r\n`);
});

type ReviewJson = RegionReview & { baseline?: { newFindings: number; decided: number; stale: unknown[] }; unreadable: { file: string; problem: string }[] };

function failed(review: ReviewJson, ruleId: string): string[] {
  return [...new Set([...review.regionFindings, ...review.bodies.flatMap((body) => body.findings)].filter((finding) => finding.ruleId === ruleId && finding.outcome === "fail").map((finding) => finding.body))].sort();
}

describe("xxgk review", () => {
  it("writes one self-contained HTML page with charts, every body and every finding", () => {
    const result = run([...REVIEW, "-o", "review.html"]);
    expect(result.status).toBe(1); // late reports and a wrong total are errors
    expect(result.stderr).toContain("已审阅 29 份 2024 年度报告（应报 30，缺报 2）");
    const html = readFileSync(join(dir, "review.html"), "utf8");
    // Nothing is fetched: no external script, stylesheet, image or font.
    expect(html).not.toMatch(/<(script|img|link|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
    expect(html.match(/<svg /g)?.length).toBe(3);
    expect(html).toContain("<style>");
    for (const body of region.bodies.filter((candidate) => !region.truth.missing.includes(candidate.name))) expect(html).toContain(body.name);
    for (const name of region.truth.missing) expect(html).toContain(`名单上的“${name}”没有 2024 年度报告。`);
    const json = JSON.parse(run([...REVIEW, "--format", "json"]).stdout) as ReviewJson;
    const fingerprints = [...json.regionFindings, ...json.bodies.flatMap((body) => body.findings)].map((finding) => finding.fingerprint);
    for (const fingerprint of fingerprints) expect(html).toContain(`data-fingerprint="${fingerprint}"`);
    // The repeated passages are shown side by side.
    expect(html).toContain('<table class="passages">');
  });

  it("gives the same data as JSON, with every planted problem found", () => {
    const result = run([...REVIEW, "--format", "json"]);
    const review = JSON.parse(result.stdout) as ReviewJson;
    expect(review.year).toBe(2024);
    expect(review.summary).toMatchObject({ reports: 29, expected: 30, missing: 2, late: region.truth.late.length });
    expect(failed(review, "REGION-DEADLINE")).toEqual([...region.truth.late].sort());
    expect(failed(review, "REGION-REPEAT-PREVIOUS")).toEqual([...region.truth.copiedFromPrevious].sort());
    expect(failed(review, "REGION-REPEAT-PEER")).toEqual(region.truth.copiedFromPeer.flat().sort());
    expect(failed(review, "REGION-MISSING")).toEqual([...region.truth.missing].sort());
    expect(review.rollup.cells.length).toBeGreaterThan(100);
  });

  it("gives the same data as CSV: one row per finding, every body present", () => {
    const result = run([...REVIEW, "-o", "review.csv"]);
    const text = readFileSync(join(dir, "review.csv"), "utf8");
    expect(text.startsWith("\ufeff")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    const json = JSON.parse(run([...REVIEW, "--format", "json"]).stdout) as ReviewJson;
    const findings = json.regionFindings.length + json.bodies.reduce((sum, body) => sum + body.findings.length, 0);
    const clean = json.bodies.filter((body) => body.findings.length === 0).length;
    expect(rows).toHaveLength(findings + clean);
    expect(new Set(rows.map((row) => row.file).filter(Boolean)).size).toBe(json.bodies.length);
    const late = rows.find((row) => row.ruleId === "REGION-DEADLINE")!;
    expect(late.onTime).toBe("false");
    expect(Number(late.daysLate)).toBeGreaterThan(0);
    expect(result.status).toBe(1);
  });

  it("keeps review decisions in a baseline: a re-run shows only what is new", () => {
    const first = run([...REVIEW, "--write-baseline", "baseline.json", "-o", "first.html"]);
    expect(first.stderr).toContain("已写入基线 baseline.json");
    const baseline = JSON.parse(readFileSync(join(dir, "baseline.json"), "utf8")) as { version: number; decisions: Record<string, { state: string }> };
    expect(Object.values(baseline.decisions).every((decision) => decision.state === "accepted")).toBe(true);
    const again = run([...REVIEW, "--baseline", "baseline.json", "--format", "json"]);
    expect(again.status).toBe(0);
    expect((JSON.parse(again.stdout) as ReviewJson).baseline!.newFindings).toBe(0);
    expect(again.stderr).toContain("新问题 0 个");

    // Next week: the city government publishes late.
    const file = "2024/示范市人民政府.json";
    const report = JSON.parse(readFileSync(join(dir, file), "utf8")) as { meta: { publishedOn: string } };
    const original = JSON.stringify(report, null, 2);
    report.meta.publishedOn = "2025-04-03";
    write(file, JSON.stringify(report));
    try {
      const later = run([...REVIEW, "--baseline", "baseline.json", "--format", "json"]);
      expect(later.status).toBe(1);
      const review = JSON.parse(later.stdout) as ReviewJson;
      expect(review.baseline!.newFindings).toBe(1);
      const page = run([...REVIEW, "--baseline", "baseline.json", "-o", "later.html", "--force"]);
      expect(page.stderr).toContain("其中新问题 1 个");
      expect(readFileSync(join(dir, "later.html"), "utf8")).toContain('class="finding sev-warning decided"');
    } finally {
      write(file, original);
    }
  });

  it("writes annotated renderings the page links to", () => {
    const result = run([...REVIEW, "--renderings", "renderings", "-o", "linked.html"]);
    expect(result.status).toBe(1);
    const files = readdirSync(join(dir, "renderings"));
    expect(files.length).toBe(29);
    const html = readFileSync(join(dir, "linked.html"), "utf8");
    const links = [...html.matchAll(/<a href="(renderings\/[^"]+)">标注稿<\/a>/g)].map((match) => decodeURIComponent(match[1]!));
    expect(links).toHaveLength(29);
    for (const link of links) expect(existsSync(join(dir, link))).toBe(true);
    const wrongTotal = files.find((name) => name.includes(region.truth.wrongTotal[0]!.slice(3)))!;
    expect(readFileSync(join(dir, "renderings", wrongTotal), "utf8")).toContain("T3-SUM-ROW");
    // Again without --force: refused before anything is written, the page included.
    const again = run([...REVIEW, "--renderings", "renderings", "-o", "linked-again.html"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("文件已存在");
    expect(existsSync(join(dir, "linked-again.html"))).toBe(false);
  });

  it("speaks English with --lang en", () => {
    const result = run([...REVIEW, "--lang", "en", "-o", "review-en.html"]);
    expect(result.stderr).toContain("Reviewed 29 reports for 2024 (30 expected, 2 missing)");
    const html = readFileSync(join(dir, "review-en.html"), "utf8");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("is on the list but has no report for 2024.");
  });

  it("says which file, line and problem when the list of bodies is wrong", () => {
    write("bad-bodies.csv", "name,level\n示范市商务局,市局\n,municipal-department\n");
    const result = run(["review", "2024", "--bodies", "bad-bodies.csv", ...TODAY, "-o", "bad.html"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("bad-bodies.csv：2 处问题");
    expect(result.stderr).toContain("第 2 行：层级“市局”无效");
    expect(result.stderr).toContain("第 3 行：机关名称为空");
    expect(existsSync(join(dir, "bad.html"))).toBe(false);
    write("no-name.csv", "机关,x\n");
    expect(run(["review", "2024", "--bodies", "no-name.csv", ...TODAY, "--format", "json"]).stderr).toContain("只有表头，没有机关");
  });

  it("says what is wrong with a bad baseline file, and never overwrites an input", () => {
    write("bad-baseline.json", JSON.stringify({ version: 1, decisions: { "0123456789abcdef": { state: "maybe" } } }));
    const result = run([...REVIEW, "--baseline", "bad-baseline.json", "--format", "json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("bad-baseline.json：不是有效的基线文件");
    expect(result.stderr).toContain("/decisions/0123456789abcdef/state");
    const before = readFileSync(join(dir, "bodies.csv"), "utf8");
    const refused = run([...REVIEW, "--format", "csv", "-o", "bodies.csv", "--force"]);
    expect(refused.status).toBe(2);
    expect(readFileSync(join(dir, "bodies.csv"), "utf8")).toBe(before);
    const exists = run([...REVIEW, "-o", "review.html"]);
    expect(exists.status).toBe(2);
    expect(exists.stderr).toContain("文件已存在");
  });

  it("reports unreadable files and still reviews the others", () => {
    write("mixed/good.json", JSON.stringify(exampleReport()));
    write("mixed/broken.json", "{ \"edition\": ");
    const result = run(["review", "mixed", ...TODAY, "--format", "json"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("mixed/broken.json");
    const review = JSON.parse(result.stdout) as ReviewJson;
    expect(review.bodies).toHaveLength(1);
    expect(review.unreadable.map((item) => item.file)).toEqual(["mixed/broken.json"]);
    write("empty/broken.json", "not json");
    expect(run(["review", "empty", ...TODAY, "--format", "json"]).status).toBe(2);
  });

  it("checks its options before doing any work", () => {
    expect(run(["review", "2024", "--rule", "REGION-NOPE=off", "--format", "json"]).stderr).toContain("未知规则“REGION-NOPE”");
    expect(run(["review", "2024", "--year", "1999", "--format", "json"]).stderr).toContain("--year 应为 2019 到 2100 之间的年份");
    const noYear = run(["review", "2024", "--year", "2022", "--format", "json"]);
    expect(noYear.status).toBe(2);
    expect(noYear.stderr).toContain("没有 2022 年度的报告（输入的报告年度为 2024）");
    expect(run(["review", "2024", "--renderings", "r", "--format", "json"]).status).toBe(2);
    const off = JSON.parse(run([...REVIEW, "--rule", "region-deadline=off", "--format", "json"]).stdout) as ReviewJson;
    expect(failed(off, "REGION-DEADLINE")).toEqual([]);
    expect(run(["review", "--help"]).stdout).toContain("--baseline");
    expect(run(["--help"]).stdout).toContain("review");
  });
});

describe("xxgk export --to parquet", () => {
  it("writes the long form that reads back equal to the CSV, blanks as null", async () => {
    const exported = run(["export", "2024", "-o", "cells.parquet"]);
    expect(exported.status).toBe(0);
    const csv = parse(run(["export", "2024"]).stdout, { bom: true, columns: true }) as Record<string, string>[];
    const bytes = readFileSync(join(dir, "cells.parquet"));
    const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as Record<string, string | number | null>[];
    expect(rows).toHaveLength(csv.length);
    rows.forEach((row, index) => {
      const line = csv[index]!;
      for (const column of ["file", "body", "edition", "table", "row", "column", "pointer"]) expect(row[column]).toBe(line[column]);
      expect(row.year).toBe(Number(line.year));
      expect(row.value).toBe(line.value === "" ? null : Number(line.value));
      expect(row.problem).toBe(line.problem === "" ? null : line.problem);
    });
  });

  it("keeps a blank cell null, refuses --wide and a terminal", async () => {
    const report = exampleReport() as { reviewAndLitigation: { reconsideration: { total: number | null } } };
    expect(report.reviewAndLitigation.reconsideration.total).toBeNull();
    write("one/example.json", JSON.stringify(report));
    expect(run(["export", "one", "-o", "one.parquet"]).status).toBe(0);
    const bytes = readFileSync(join(dir, "one.parquet"));
    const rows = (await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer })) as Record<string, unknown>[];
    expect(rows.find((row) => row.pointer === "/reviewAndLitigation/reconsideration/total")!.value).toBeNull();
    const wide = run(["export", "one", "--wide", "-o", "wide.parquet"]);
    expect(wide.status).toBe(2);
    expect(wide.stderr).toContain("--wide");
  });
});
