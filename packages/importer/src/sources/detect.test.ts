import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { detectFormat } from "./index.js";

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/corpus/${path}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe("detectFormat", () => {
  it("knows the corpus PDFs and pages by their bytes, whatever they are called", () => {
    expect(detectFormat(fixture("pdf/006-2023-huaian-hongzequ.pdf"), "report.txt")).toEqual({ supported: true, format: "pdf", basis: "signature" });
    expect(detectFormat(fixture("html/014-2023-shuyang-fagaiju.html"))).toEqual({ supported: true, format: "html", basis: "markup" });
    expect(detectFormat(fixture("html/213-2024-pingtan-ziranziyuan-shengtaihuanjingju.html"), "x.bin")).toMatchObject({ format: "html" });
    expect(detectFormat(fixture("006-2023-huaian-hongzequ.txt"))).toEqual({ supported: true, format: "text", basis: "content" });
  });

  it("finds %PDF- after leading junk within the first 1,024 bytes", () => {
    expect(detectFormat(new Uint8Array([...new Uint8Array(100), ...utf8("%PDF-1.7\n")]))).toMatchObject({ format: "pdf" });
  });

  it("tells a DOCX from other ZIPs by its directory", () => {
    expect(detectFormat(zipSync({ "word/document.xml": strToU8("<w:document/>"), "[Content_Types].xml": strToU8("<Types/>") }))).toEqual({ supported: true, format: "docx", basis: "signature" });
    expect(detectFormat(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }))).toMatchObject({ supported: false, kind: "spreadsheet" });
    expect(detectFormat(zipSync({ "ppt/presentation.xml": strToU8("<p/>") }))).toMatchObject({ supported: false, kind: "presentation" });
    expect(detectFormat(zipSync({ mimetype: strToU8("application/vnd.oasis.opendocument.text"), "content.xml": strToU8("<x/>") }))).toMatchObject({ kind: "opendocument" });
    expect(detectFormat(zipSync({ "a.txt": strToU8("hello") }))).toMatchObject({ supported: false, kind: "archive" });
    expect(detectFormat(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({ supported: false, kind: "archive" });
  });

  it("refuses old Word and Excel files, images, programs, archives and binary junk with a reason", () => {
    const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
    const doc = detectFormat(new Uint8Array(ole), "年报.doc");
    expect(doc).toMatchObject({ supported: false, kind: "legacy-word" });
    expect(doc.supported ? "" : doc.reason.zh).toContain("另存为 .docx");
    expect(detectFormat(new Uint8Array(ole), "data.xls")).toMatchObject({ kind: "spreadsheet" });
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toMatchObject({ kind: "image" });
    expect(detectFormat(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toMatchObject({ kind: "image" });
    expect(detectFormat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1]))).toMatchObject({ kind: "executable" });
    expect(detectFormat(new Uint8Array([0x1f, 0x8b, 8, 0]))).toMatchObject({ kind: "archive" });
    expect(detectFormat(utf8("{\\rtf1\\ansi"))).toMatchObject({ kind: "rtf" });
    expect(detectFormat(new Uint8Array([1, 2, 0, 4]))).toMatchObject({ supported: false, kind: "binary" });
    expect(detectFormat(new Uint8Array())).toMatchObject({ supported: false, kind: "empty" });
    expect(detectFormat(utf8(" \n\t "))).toMatchObject({ supported: false, kind: "empty" });
  });

  it("tells HTML, Markdown and plain text apart by content, and uses the name only to break ties", () => {
    expect(detectFormat(utf8("\ufeff<!DOCTYPE html><html><body>x</body></html>"))).toMatchObject({ format: "html", basis: "markup" });
    expect(detectFormat(utf8("<!-- saved --><html>"))).toMatchObject({ format: "html" });
    expect(detectFormat(utf8("正文<p>一</p><p>二</p><table><tr><td>1</td></tr></table>"))).toMatchObject({ format: "html", basis: "markup" });
    expect(detectFormat(utf8("只有一个 <b>标签</b>"), "page.htm")).toMatchObject({ format: "html", basis: "file-name" });
    expect(detectFormat(utf8("只有一个 <b>标签</b>"))).toMatchObject({ format: "text" });
    expect(detectFormat(utf8("| 项目 | 数量 |\n| --- | --- |\n| 规章 | 0 |\n"))).toMatchObject({ format: "markdown", basis: "content" });
    expect(detectFormat(utf8("# 年度报告\n\n正文"))).toMatchObject({ format: "markdown", basis: "content" });
    expect(detectFormat(utf8("一、总体情况\n正文"), "report.md")).toMatchObject({ format: "markdown", basis: "file-name" });
    expect(detectFormat(utf8("一、总体情况\n正文"), "report.txt")).toMatchObject({ format: "text" });
  });

  it("never throws, whatever the bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.option(fc.string()), (bytes, name) => {
        const detected = detectFormat(bytes, name ?? undefined);
        expect(typeof detected.supported).toBe("boolean");
      }),
      { numRuns: 300 },
    );
  });
});
