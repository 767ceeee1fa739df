import { describe, expect, it } from "vitest";
import { formatValue } from "./values.js";

describe("formatValue", () => {
  it("prints blank and missing cells as the empty string, never 0", () => {
    expect(formatValue(null)).toBe("");
    expect(formatValue(undefined)).toBe("");
    expect(formatValue(Number.NaN)).toBe("");
    expect(formatValue(Number.POSITIVE_INFINITY)).toBe("");
  });

  it("prints numbers as stated: signs, decimals, no grouping, no exponent", () => {
    expect(formatValue(0)).toBe("0");
    expect(formatValue(-0)).toBe("0");
    expect(formatValue(-8)).toBe("-8");
    expect(formatValue(4068.208)).toBe("4068.208");
    expect(formatValue(96171.6)).toBe("96171.6");
    expect(formatValue(1234567)).toBe("1234567");
    expect(formatValue(1e21)).toBe("1000000000000000000000");
    expect(formatValue(1e-7)).toBe("0.0000001");
  });
});
