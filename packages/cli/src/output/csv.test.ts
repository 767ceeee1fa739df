import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv.js";

describe("csv", () => {
  it("quotes commas, quotes, line breaks and edge spaces; leaves Chinese text alone", () => {
    expect(csvField("（三）不予公开/1.属于国家秘密")).toBe("（三）不予公开/1.属于国家秘密");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("a\nb")).toBe('"a\nb"');
    expect(csvField(" a")).toBe('" a"');
  });

  it("writes blank as empty, never 0, and ends lines with CRLF", () => {
    expect(csvLine(["x", null, 0, undefined, 4068.208])).toBe("x,,0,,4068.208\r\n");
  });
});
