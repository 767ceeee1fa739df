import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chineseCounting, formatNumber } from "./docx-numbering.js";

describe("Word number formats", () => {
  it("counts in Chinese as Word prints headings", () => {
    expect([1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 105, 110, 999].map(chineseCounting)).toEqual([
      "一", "二", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百〇五", "一百一十", "九百九十九",
    ]);
  });

  it("writes the other formats reports use", () => {
    expect(formatNumber(3, "decimal")).toBe("3");
    expect(formatNumber(3, "ideographTraditional")).toBe("丙");
    expect(formatNumber(2, "decimalEnclosedCircle")).toBe("②");
    expect(formatNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatNumber(28, "lowerLetter")).toBe("bb");
    expect(formatNumber(14, "upperRoman")).toBe("XIV");
    expect(formatNumber(7, "unknownFormat")).toBe("7");
  });

  it("gives every number from 1 to 999 a distinct Chinese form", () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), (value) => {
        expect(chineseCounting(value)).toMatch(/^[〇一二三四五六七八九十百]+$/u);
      }),
    );
    for (let value = 1; value < 1000; value++) seen.add(chineseCounting(value));
    expect(seen.size).toBe(999);
  });
});
