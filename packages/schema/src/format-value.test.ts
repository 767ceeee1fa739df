import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCellValue } from "./format-value.js";

describe("formatCellValue", () => {
  it.each([
    [null, ""],
    [undefined, ""],
    [0, "0"],
    [-0, "0"],
    [3985758, "3985758"],
    [-8, "-8"],
    [4068.208, "4068.208"],
    [96171.6, "96171.6"],
    [0.1 + 0.2, "0.3"],
    [1e-7, "0.0000001"],
    [1.5e-10, "0.00000000015"],
    [1e21, "1000000000000000000000"],
  ])("%s → %s", (value, text) => {
    expect(formatCellValue(value)).toBe(text);
  });

  it("never writes an exponent, and reads back as the same double to 15 significant digits", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (value) => {
        const text = formatCellValue(value);
        expect(text).not.toMatch(/e/i);
        expect(Number(text)).toBeCloseTo(Number(value.toPrecision(15)), 6);
      }),
    );
  });
});
