/**
 * `xxgk review` over a folder that mixes report JSON with published documents (the corpus PDF and texts, imported on
 * the fly) and files that are neither: every report is reviewed, last year's documents pair with this year's, the
 * cells the importer could not read reach the validators, and a refused file is listed with the importer's reason.
 */
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RegionReview } from "@xxgk/validators/region";
import { beforeAll, describe, expect, it } from "vitest";
import { exampleReport, requireBuild, tempDir, xxgk } from "./helpers.js";

const CORPUS = fileURLToPath(new URL("../../importer/test/fixtures/corpus/", import.meta.url));

type ReviewJson = RegionReview & {
  unreadable: { file: string; problem: string }[];
  imported: { file: string; format: string; status: string; counts: { read: number; inferred: number; unreadable: number } }[];
};

let dir: string;
const run = (args: string[]) => xxgk(args, { cwd: dir });
const REVIEW = ["review", "2024", "--previous", "2023", "--today", "2025-06-01"];

function write(path: string, content: string | Buffer): void {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), content);
}

function copy(corpusFile: string, target: string): void {
  mkdirSync(dirname(join(dir, target)), { recursive: true });
  copyFileSync(join(CORPUS, corpusFile), join(dir, target));
}

beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-review-import-");
  // 淮安市洪泽区: 2024 as the published PDF, 2023 as the text taken from its PDF (it names itself 洪泽区人民政府).
  copy("pdf/007-2024-huaian-hongzequ.pdf", "2024/007-2024-huaian-hongzequ.pdf");
  copy("006-2023-huaian-hongzequ.txt", "2023/006-2023-huaian-hongzequ.txt");
  // 上海市科学技术委员会 2024: a scrambled text whose 表三 has cells the importer cannot read.
  copy("012-2024-shanghai-kewei.txt", "2024/012-2024-shanghai-kewei.txt");
  // 石嘴山市商务局 as report JSON, both years.
  const previous = exampleReport();
  const current = structuredClone(previous) as { meta: { year: number; title: string } };
  current.meta.year = 2024;
  current.meta.title = current.meta.title.replace("2023", "2024");
  write("2023/shizuishan-2023.json", JSON.stringify(previous, null, 2));
  write("2024/shizuishan-2024.json", JSON.stringify(current, null, 2));
  // Neither a report nor JSON: bytes that are no document, and a note with no report in it.
  write("2024/scan.docx", Buffer.from(Array.from({ length: 512 }, (_, index) => (index * 37) % 256)));
  write("2024/notes.txt", "会议纪要\n\n今天讨论了办公室搬迁事宜。\n");
  // Broken JSON stays a JSON problem (not sent to the importer).
  write("2024/broken.json", '{ "meta": { "year": 2024, }');
});

describe("xxgk review with published documents", () => {
  it("reviews JSON and imported documents together, pairs last year's document and lists refused files with the reason", () => {
    const result = run([...REVIEW, "--format", "json"]);
    expect(result.status).toBe(1); // files that could not be reviewed
    const review = JSON.parse(result.stdout) as ReviewJson;
    expect(review.summary.reports).toBe(3);
    const byFile = new Map(review.bodies.map((body) => [body.file, body]));
    expect([...byFile.keys()].sort()).toEqual(["2024/007-2024-huaian-hongzequ.pdf", "2024/012-2024-shanghai-kewei.txt", "2024/shizuishan-2024.json"]);

    const hongze = byFile.get("2024/007-2024-huaian-hongzequ.pdf")!;
    expect(hongze.body).toBe("淮安市洪泽区人民政府");
    expect(hongze.previousFile).toBe("2023/006-2023-huaian-hongzequ.txt");
    // Figures from the PDF compared with last year's text: 表二 行政许可 550 → 9487, as published.
    const jump = hongze.findings.find((finding) => finding.ruleId === "REGION-JUMP" && finding.outcome === "fail");
    expect(jump?.message).toContain("上年 550，本年 9487");
    expect(byFile.get("2024/shizuishan-2024.json")!.previousFile).toBe("2023/shizuishan-2023.json");

    // The import block travels with the report: the validators name the cells that could not be read.
    const kewei = byFile.get("2024/012-2024-shanghai-kewei.txt")!;
    const notAssessable = kewei.findings.filter((finding) => finding.outcome === "not-assessable" && finding.message.includes("导入时无法辨认"));
    expect(notAssessable.map((finding) => finding.ruleId)).toContain("T3-SUM-ROW");

    expect(review.imported.map((item) => [item.file, item.format, item.status]).sort()).toEqual([
      ["2023/006-2023-huaian-hongzequ.txt", "text", "imported"],
      ["2024/007-2024-huaian-hongzequ.pdf", "pdf", "imported"],
      ["2024/012-2024-shanghai-kewei.txt", "markdown", "partial"],
    ]);
    expect(review.imported.find((item) => item.file.startsWith("2024/012"))!.counts.unreadable).toBeGreaterThan(0);

    // Refused and broken files are never dropped, never reviewed, never counted on time or without errors.
    const unreadable = new Map(review.unreadable.map((item) => [item.file, item.problem]));
    expect([...unreadable.keys()].sort()).toEqual(["2024/broken.json", "2024/notes.txt", "2024/scan.docx"]);
    expect(unreadable.get("2024/notes.txt")).toMatch(/^未能导入：文件中没有找到政府信息公开工作年度报告/);
    expect(unreadable.get("2024/scan.docx")).toMatch(/^未能导入：.+/);
    expect(unreadable.get("2024/broken.json")).not.toContain("未能导入");
    expect(review.bodies.some((body) => ["2024/notes.txt", "2024/scan.docx", "2024/broken.json"].includes(body.file))).toBe(false);
    expect(review.summary.onTime + review.summary.late + review.summary.timelinessUnknown).toBe(3);
    expect(result.stderr).toContain("2024/notes.txt：未能导入：");
    expect(result.stderr).toContain("3 份报告（其中上年 1 份）由已发布的文件（PDF、Word、网页、文本）导入。");
  });

  it("writes the page saying which reports were imported and which files could not be reviewed (and in English)", () => {
    expect(run([...REVIEW, "-o", "review.html"]).status).toBe(1);
    const html = readFileSync(join(dir, "review.html"), "utf8");
    expect(html).toContain("由PDF导入：推断 21 格，无法辨认 0 格");
    expect(html).toMatch(/由Markdown 文本导入（部分）：推断 0 格，无法辨认 [1-9]\d* 格/);
    expect(html).toContain("上年：2023/006-2023-huaian-hongzequ.txt（由文本导入");
    // The table of bodies flags the report whose cells could not all be read, and only that one.
    expect(html.match(/<span class="import-gap">导入时 [1-9]\d* 格无法辨认<\/span>/g)).toHaveLength(1);
    expect(html).toMatch(/<div class="value">3<\/div><div class="label">无法审阅的文件/);
    expect(html).toContain("2024/scan.docx：未能导入：");
    expect(run([...REVIEW, "--lang", "en", "-o", "review-en.html"]).status).toBe(1);
    const english = readFileSync(join(dir, "review-en.html"), "utf8");
    expect(english).toContain("imported from a PDF: 21 cells inferred, 0 unreadable");
    expect(english).toContain("2024/notes.txt: could not be imported: ");
  });

  it("stops with every reason when no input could be reviewed, writing nothing", () => {
    const result = run(["review", "2024/notes.txt", "2024/scan.docx", "-o", "none.html"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("2024/notes.txt：未能导入：");
    expect(result.stderr).toContain("2024/scan.docx：未能导入：");
    expect(result.stderr).toContain("没有可审阅的报告（输入中没有能读取的报告 JSON，也没有能导入的报告文件）");
    expect(existsSync(join(dir, "none.html"))).toBe(false);
  });

  it("reviews report JSON alone as before: nothing imported, nothing refused", () => {
    const result = run(["review", "2024/shizuishan-2024.json", "--previous", "2023/shizuishan-2023.json", "--today", "2025-06-01", "--format", "json"]);
    const review = JSON.parse(result.stdout) as ReviewJson;
    expect(review.imported).toEqual([]);
    expect(review.unreadable).toEqual([]);
    expect(review.bodies[0]!.previousFile).toBe("2023/shizuishan-2023.json");
  });
});
