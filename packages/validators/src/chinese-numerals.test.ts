import { describe, expect, it } from "vitest";
import { parseChineseNumeral, parseFigure } from "./chinese-numerals.js";

describe("Chinese numerals", () => {
  it.each([
    ["零", 0],
    ["十", 10],
    ["十五", 15],
    ["二十一", 21],
    ["一百零三", 103],
    ["一百一十", 110],
    ["两千", 2000],
    ["三千一百一十九", 3119],
    ["三万五千", 35000],
    ["十万", 100000],
    ["贰拾壹", 21],
    ["二〇二三", 2023],
  ])("%s = %d", (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it("rejects what is not a numeral", () => {
    expect(parseChineseNumeral("")).toBeUndefined();
    expect(parseChineseNumeral("万")).toBeUndefined();
    expect(parseChineseNumeral("三件")).toBeUndefined();
  });
});

describe("figures", () => {
  it("reads Arabic digits, full-width digits, separators and 万", () => {
    expect(parseFigure("21")).toBe(21);
    expect(parseFigure("２１")).toBe(21);
    expect(parseFigure("3,119")).toBe(3119);
    expect(parseFigure("1.2万")).toBe(12000);
    expect(parseFigure("二十一")).toBe(21);
    expect(parseFigure("abc")).toBeUndefined();
  });
});
