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

  it("guards text that starts like a formula, never a number", () => {
    expect(csvField('=HYPERLINK("http://evil","点击"),某局')).toBe(`"'=HYPERLINK(""http://evil"",""点击""),某局"`);
    for (const text of ["+1", "-x", "@a", "\tx", "\rx"]) expect(csvField(text).replace(/^"/, "").startsWith("'")).toBe(true);
    expect(csvField(-8)).toBe("-8");
    expect(csvField(0.1 + 0.2)).toBe("0.3");
    expect(csvField(1e-7)).toBe("0.0000001");
  });
});
