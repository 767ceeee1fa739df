import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCellInput } from "./cell-input.js";

describe("parseCellInput", () => {
  it("keeps a blank cell blank, never 0", () => {
    expect(parseCellInput("count", "")).toEqual({ ok: true, value: null });
    expect(parseCellInput("count", "   ")).toEqual({ ok: true, value: null });
    expect(parseCellInput("amount", "\t")).toEqual({ ok: true, value: null });
  });

  it("reads full-width digits and thousands separators as a spreadsheet copies them", () => {
    expect(parseCellInput("count", "１２３")).toEqual({ ok: true, value: 123 });
    expect(parseCellInput("count", "1,234")).toEqual({ ok: true, value: 1234 });
    expect(parseCellInput("amount", "4,068.208")).toEqual({ ok: true, value: 4068.208 });
    expect(parseCellInput("signedCount", "－８")).toEqual({ ok: true, value: -8 });
  });

  it("refuses units, placeholders, fractions in counts and negative counts", () => {
    for (const text of ["251000元", "-", "—", "1.5", "-3", "1,23", "12a", "0x10", "1e3"]) {
      expect(parseCellInput("count", text).ok, text).toBe(false);
    }
    expect(parseCellInput("amount", "-0.5").ok).toBe(false);
    expect(parseCellInput("signedCount", "+1036")).toEqual({ ok: true, value: 1036 });
    expect(parseCellInput("count", "99999999999999999999").ok).toBe(false);
  });

  it("explains the refusal in the interface language", () => {
    const zh = parseCellInput("count", "5元");
    const en = parseCellInput("count", "5元", "en");
    expect(zh.ok || zh.message).toMatch(/非负整数/);
    expect(en.ok || en.message).toMatch(/whole number/);
  });

  it("reads back every value the schema allows, as formatted", () => {
    fc.assert(
      fc.property(fc.nat({ max: Number.MAX_SAFE_INTEGER }), (value) => {
        expect(parseCellInput("count", String(value))).toEqual({ ok: true, value });
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (value) => {
        expect(parseCellInput("signedCount", String(value))).toEqual({ ok: true, value });
      }),
    );
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e9, noNaN: true }), (value) => {
        const text = value.toFixed(3);
        expect(parseCellInput("amount", text)).toEqual({ ok: true, value: Number(text) });
      }),
    );
  });
});
