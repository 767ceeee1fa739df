import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { isReportJson } from "./review.js";

const bytes = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, "utf16le")]);

describe("isReportJson", () => {
  it("takes .json files as JSON whatever they hold, so a broken one gets the JSON syntax message", () => {
    expect(isReportJson("2024/a.JSON", bytes("not json"))).toBe(true);
    expect(isReportJson("a.json", new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBe(true);
  });

  it("tells JSON from documents by the first character after a byte order mark and white space", () => {
    expect(isReportJson("report.txt", bytes('\ufeff \r\n\t{"meta": {}}'))).toBe(true);
    expect(isReportJson("report.txt", utf16le('  {"meta": {}}'))).toBe(true);
    expect(isReportJson("report.pdf", bytes("%PDF-1.7\n"))).toBe(false);
    expect(isReportJson("report.html", bytes("<!doctype html><p>{</p>"))).toBe(false);
    expect(isReportJson("report.txt", bytes("一、总体情况\n{"))).toBe(false);
    expect(isReportJson("report.md", bytes(""))).toBe(false);
    expect(isReportJson("report.md", bytes("   "))).toBe(false);
  });

  it("takes UTF-8 text for JSON exactly when it opens with { or [ after a byte order mark and white space", () => {
    const expected = (text: string) => {
      const rest = (text.startsWith("\ufeff") ? text.slice(1) : text).replace(/^[ \t\r\n]*/u, "");
      return rest.startsWith("{") || rest.startsWith("[");
    };
    fc.assert(
      fc.property(
        fc.constantFrom("", "\ufeff"),
        fc.stringMatching(/^[ \t\r\n]*$/u),
        fc.constantFrom("", "{", "[", "a", "一", "<", "\u00a0"),
        fc.string(),
        (bom, space, first, rest) => {
          const text = `${bom}${space}${first}${rest}`;
          expect(isReportJson("x.txt", bytes(text))).toBe(expected(text));
        },
      ),
    );
  });
});
