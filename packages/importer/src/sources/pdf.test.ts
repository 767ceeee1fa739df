import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceDocument, SourceLine } from "../source-document.js";
import { buildPdf, textContent } from "../../test/pdf-builder.js";
import { readPdf, SourceReadError } from "./index.js";

const cache = new Map<string, Promise<SourceDocument>>();
/** Each corpus PDF is read once for all the tests that look at it. */
const readCorpus = (name: string) => {
  if (!cache.has(name)) cache.set(name, readPdf(pdf(name)));
  return cache.get(name)!;
};
const pdf = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/corpus/pdf/${name}.pdf`, import.meta.url)));
/** The hand-transcribed reports of the validators' tests (transcribed from the documents, not from any importer). */
const transcribed = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../../validators/test/fixtures/${name}.json`, import.meta.url), "utf8")) as {
    applications: Record<string, Record<string, number | null>>;
  };

const NUMBER = /^\d+(?:\.\d+)?$/u;
const texts = (line: SourceLine) => line.cells.map((cell) => cell.text);
/** The line's last seven cells as numbers, when they are all numbers. */
function sevenFigures(line: SourceLine): number[] | undefined {
  const tail = texts(line).slice(-7);
  return tail.length === 7 && tail.every((text) => NUMBER.test(text)) ? tail.map(Number) : undefined;
}

/** The lines of 表三: from its section heading to the next one. */
function table3(document: SourceDocument): SourceLine[] {
  const start = document.lines.findIndex((line) => line.cells[0]!.text.startsWith("三、收到和处理政府信息公开申请情况"));
  const end = document.lines.findIndex((line, index) => index > start && line.cells[0]!.text.startsWith("四、政府信息公开行政复议"));
  expect(start).toBeGreaterThan(0);
  expect(end).toBeGreaterThan(start);
  return document.lines.slice(start, end);
}

/** Where each row of the transcription is printed: the start of its label in the PDF (typos and all) → row key. */
const PRINTED_LABELS: Record<string, string> = {
  "一、本年新收政府信息公开申请数量": "newlyReceived",
  "二、上年结转政府信息公开申请数量": "carriedOver",
  "（一）予以公开": "disclosed",
  "1.属于国家秘密": "withheldStateSecret",
  "3.危及“三安全一稳定”": "withheldEndangersSecurity",
  "4.保护第三方合法权益": "withheldThirdPartyRights",
  "5.属于三类内部事务信息": "withheldInternalAffairs",
  "7.属于行政执法案卷": "withheldEnforcementFiles",
  "8.属于行政查询事项": "withheldQueryMatters",
  "2.没有现成信息需要另行制作": "unableNeedsCreation",
  "3.补正后申请内容仍不明确": "unableStillUnclear",
  "1.信访举报投诉类申请": "notProcessedComplaint",
  "2.重复申请": "notProcessedDuplicate",
  "4.无正当理由大量反复": "notProcessedExcessive",
  "（七）总计": "total",
  "四、结转下年度继续办理": "carriedForward",
};

describe.each([
  ["006-2023-huaian-hongzequ", 5],
  ["007-2024-huaian-hongzequ", 5],
  ["008-2024-huaian-shi", 6],
])("readPdf on %s", (name, pages) => {
  it("reads 表三's rows as lines whose figures match the hand transcription", async () => {
    const document = await readCorpus(name);
    expect(document.format).toBe("pdf");
    expect(document.pages).toBe(pages);
    const expected = transcribed(name).applications;
    const lines = table3(document);
    let matched = 0;
    for (const [label, key] of Object.entries(PRINTED_LABELS)) {
      const line = lines.find((candidate) => candidate.cells.some((cell) => cell.text.startsWith(label)) && sevenFigures(candidate));
      if (!line) continue;
      matched++;
      expect(sevenFigures(line), `${name} ${label}`).toEqual(Object.values(expected[key]!));
    }
    expect(matched).toBeGreaterThanOrEqual(14);
    // （二）部分公开's label wraps onto two lines; its figures sit on their own baseline between them.
    const partial = lines.findIndex((line) => line.cells[0]!.text.startsWith("（二）部分公开"));
    expect(sevenFigures(lines[partial + 1]!)).toEqual(Object.values(expected.partiallyDisclosed!));
    // Every row of figures appears in the transcription's order.
    const transcription = Object.values(expected).map((row) => Object.values(row).join(","));
    let cursor = 0;
    for (const figures of lines.map(sevenFigures).filter((value) => value !== undefined)) {
      const found = transcription.indexOf(figures.join(","), cursor);
      expect(found, `${name}: ${figures.join(" ")} out of order`).toBeGreaterThanOrEqual(cursor);
      cursor = found + 1;
    }
  });

  it("keeps page footers as lines of their own, last on their page, and gives every cell its extent", async () => {
    const document = await readCorpus(name);
    for (let page = 1; page <= pages; page++) {
      const onPage = document.lines.filter((line) => line.position.kind === "pdf" && line.position.page === page);
      expect(texts(onPage[onPage.length - 1]!)).toEqual([`- ${page} -`]);
      const ys = onPage.map((line) => (line.position.kind === "pdf" ? line.position.y : 0));
      expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    }
    const received = document.lines.find((line) => line.cells[0]!.text === "一、本年新收政府信息公开申请数量")!;
    const x0s = received.cells.map((cell) => cell.x0!);
    expect([...x0s].sort((a, b) => a - b)).toEqual(x0s);
    for (const cell of received.cells) {
      expect(cell.x1!).toBeGreaterThan(cell.x0!);
      expect(cell.position).toMatchObject({ kind: "pdf", x: cell.x0 });
    }
  });
});

describe("readPdf on made-up PDFs", () => {
  it("splits a line into cells at wide gaps and keeps words of one cell together", async () => {
    const bytes = buildPdf([
      {
        content: textContent([
          { text: "Rules", x: 72, y: 700 },
          { text: "of", x: 107, y: 700 },
          { text: "12", x: 300, y: 701 },
          { text: "7", x: 400, y: 699 },
          { text: "Next line", x: 72, y: 680 },
        ]),
      },
    ]);
    const document = await readPdf(bytes);
    expect(document.lines.map(texts)).toEqual([["Rules of", "12", "7"], ["Next line"]]);
    expect(document.lines[0]!.cells[1]!.position).toEqual({ kind: "pdf", page: 1, x: 300, y: 141 });
  });

  it("refuses a PDF without any text as a scan", async () => {
    const bytes = buildPdf([{ content: "0 0 m 100 100 l S" }, { content: "" }]);
    await expect(readPdf(bytes, { fileName: "scan.pdf" })).rejects.toMatchObject({ name: "SourceReadError", code: "no-text-layer", message: expect.stringContaining("scan.pdf：PDF 共 2 页，但没有文字层") });
  });

  it("refuses a PDF that needs a password, and reads one that is only restricted by an owner password", async () => {
    // Made with `qpdf --encrypt user owner 256` and `qpdf --encrypt "" owner 256` from a one-line PDF.
    const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/${name}.pdf`, import.meta.url)));
    await expect(readPdf(fixture("encrypted-user-password"))).rejects.toMatchObject({ code: "encrypted" });
    const restricted = await readPdf(fixture("encrypted-owner-password-only"));
    expect(restricted.lines.map(texts)).toEqual([["Secret 2024"]]);
  });

  it("refuses what is not a PDF, and a damaged one", async () => {
    await expect(readPdf(new TextEncoder().encode("hello"))).rejects.toMatchObject({ code: "invalid-pdf" });
    await expect(readPdf(pdf("006-2023-huaian-hongzequ").subarray(0, 2_000))).rejects.toBeInstanceOf(SourceReadError);
  });

  it("refuses a PDF bomb before PDF.js inflates it", async () => {
    // 8 MiB of operators that compress to a few kilobytes, against a 4 MiB limit.
    const bomb = new Uint8Array(8 * 1024 * 1024).fill(0x20);
    const bytes = buildPdf([{ content: bomb, compress: true }]);
    expect(bytes.length).toBeLessThan(64 * 1024);
    await expect(readPdf(bytes, { limits: { maxInflatedBytes: 4 * 1024 * 1024 } })).rejects.toMatchObject({ code: "decompression-limit" });
    // Many small streams that each stay under the limit but not together.
    const page = { content: new Uint8Array(1024 * 1024).fill(0x20), compress: true };
    const many = buildPdf(Array.from({ length: 24 }, () => page));
    await expect(readPdf(many, { limits: { maxInflatedBytes: 16 * 1024 * 1024 } })).rejects.toMatchObject({ code: "decompression-limit" });
  });

  it("refuses more pages or text items than the limits allow", async () => {
    const page = { content: textContent([{ text: "x", x: 72, y: 700 }]) };
    await expect(readPdf(buildPdf([page, page, page]), { limits: { maxPdfPages: 2 } })).rejects.toMatchObject({ code: "limit-exceeded" });
    await expect(readPdf(pdf("007-2024-huaian-hongzequ"), { limits: { maxPdfTextItems: 100 } })).rejects.toMatchObject({ code: "limit-exceeded" });
  });

  it("reads a corrupted corpus PDF or refuses it with SourceReadError, never anything else", async () => {
    const original = pdf("007-2024-huaian-hongzequ");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.nat({ max: 255 })), { minLength: 1, maxLength: 40 }), fc.option(fc.nat({ max: original.length })), async (changes, cut) => {
        const bytes = original.slice(0, cut ?? original.length);
        for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value;
        try {
          const document = await readPdf(bytes);
          expect(document.format).toBe("pdf");
        } catch (error) {
          expect(error).toBeInstanceOf(SourceReadError);
        }
      }),
      { numRuns: 12 },
    );
  });

  it("refuses input over the size limit", async () => {
    await expect(readPdf(pdf("006-2023-huaian-hongzequ"), { limits: { maxInputBytes: 1000 } })).rejects.toMatchObject({ code: "too-large" });
  });
});
