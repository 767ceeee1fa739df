import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText, SourceReadError } from "./index.js";

const utf8 = (text: string) => new TextEncoder().encode(text);
// 政府信息公开 in GB18030 (GBK range).
const GB = [0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa];

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    out[2 + index * 2 + (bigEndian ? 1 : 0)] = unit & 0xff;
    out[2 + index * 2 + (bigEndian ? 0 : 1)] = unit >> 8;
  }
  return out;
}

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM", () => {
    expect(decodeText(utf8("一、总体情况"))).toEqual({ text: "一、总体情况", encoding: "utf-8" });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("表三")]))).toEqual({ text: "表三", encoding: "utf-8-bom" });
  });

  it("reads UTF-16 LE and BE by their BOM", () => {
    expect(decodeText(utf16("申请 21 件", false))).toEqual({ text: "申请 21 件", encoding: "utf-16le" });
    expect(decodeText(utf16("申请 21 件", true))).toEqual({ text: "申请 21 件", encoding: "utf-16be" });
  });

  it("reads GB18030 when the bytes are not UTF-8 and clearly Chinese", () => {
    expect(decodeText(new Uint8Array([...utf8("2023 "), ...GB, ...utf8(" 21\n")]))).toEqual({ text: "2023 政府信息公开 21\n", encoding: "gb18030" });
    // UTF-8 and GB18030 mixed in one file is neither.
    expect(() => decodeText(new Uint8Array([...utf8("一、"), ...GB]))).toThrowError(expect.objectContaining({ code: "undecodable" }));
    expect(decodeText(new Uint8Array([...GB, 0x0a, ...GB]))).toEqual({ text: "政府信息公开\n政府信息公开", encoding: "gb18030" });
  });

  it("refuses Latin-1 text instead of guessing, naming the offending byte and line", () => {
    const bytes = utf8("line one\nrésumé\n");
    // "é" as Latin-1 (0xE9) instead of UTF-8.
    const latin1 = new Uint8Array([...utf8("line one\nr"), 0xe9, ...utf8("sum"), 0xe9, 0x20, 0x0a]);
    expect(decodeText(bytes).encoding).toBe("utf-8");
    const error = (() => {
      try {
        decodeText(latin1, { fileName: "a.txt" });
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(SourceReadError);
    expect(error).toMatchObject({ code: "undecodable" });
    expect((error as SourceReadError).message).toContain("a.txt：");
    expect((error as SourceReadError).message).toContain("第 2 行（字节偏移 10，0xe9）");
    expect((error as SourceReadError).messages.en).toContain("line 2, byte offset 10 (0xe9)");
  });

  it("refuses bytes with NUL as not text, and an invalid UTF-16 body", () => {
    expect(() => decodeText(new Uint8Array([0x61, 0x00, 0x62]))).toThrowError(expect.objectContaining({ code: "unsupported-format" }));
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0x61]))).toThrowError(expect.objectContaining({ code: "undecodable" }));
  });

  it("refuses input over the size limit", () => {
    expect(() => decodeText(utf8("x".repeat(200)), { limits: { maxInputBytes: 100 } })).toThrowError(expect.objectContaining({ code: "too-large" }));
  });

  it("gives back any NUL-free text exactly, in each encoding it writes", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 200 }).filter((value) => !value.includes("\u0000"));
    fc.assert(
      fc.property(text, (value) => {
        expect(decodeText(utf8(value)).text).toBe(value);
        expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(value)])).text).toBe(value);
        expect(decodeText(utf16(value, false)).text).toBe(value);
        expect(decodeText(utf16(value, true)).text).toBe(value);
      }),
    );
  });

  it("never throws anything but SourceReadError on arbitrary bytes, and stays fast", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (bytes) => {
        const started = performance.now();
        try {
          const decoded = decodeText(bytes);
          expect(typeof decoded.text).toBe("string");
        } catch (error) {
          expect(error).toBeInstanceOf(SourceReadError);
        }
        expect(performance.now() - started).toBeLessThan(200);
      }),
      { numRuns: 500 },
    );
  });
});
