import { describe, expect, it } from "vitest";
import { checkCreditCode, checkRegionCode, creditCodeCheckCharacter } from "./codes.js";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts published codes", () => {
    // 北京小米科技有限责任公司, 深圳市腾讯计算机系统有限公司 (public business registrations)
    expect(checkCreditCode("91110108551385082Q")).toEqual({ ok: true });
    expect(checkCreditCode("91440300708461136T")).toEqual({ ok: true });
  });

  it("computes the check character with weights modulo 31, mapping 31 to 0", () => {
    expect(creditCodeCheckCharacter("91110108551385082")).toBe("Q");
    expect(creditCodeCheckCharacter("9111010855138508")).toBeUndefined();
    // Every check character of the alphabet is reachable, including 0 (sum ≡ 0 mod 31).
    const seen = new Set<string>();
    for (let serial = 0; serial < 2000; serial += 1)
      seen.add(creditCodeCheckCharacter(`11320100${String(serial).padStart(9, "0")}`)!);
    expect(seen.size).toBe(31);
  });

  it("names what is wrong", () => {
    expect(checkCreditCode("91440300708461136A")).toEqual({ ok: false, reason: "checksum", expectedCheck: "T" });
    expect(checkCreditCode("9144030070846113")).toEqual({ ok: false, reason: "length" });
    expect(checkCreditCode("91440300708461136I")).toEqual({ ok: false, reason: "character" });
    expect(checkCreditCode("9144A300708461136T")).toEqual({ ok: false, reason: "shape" });
  });

  it("detects every single-character substitution", () => {
    const valid = "91440300708461136T";
    const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    for (let position = 0; position < 17; position += 1) {
      for (const character of alphabet) {
        if (character === valid[position]) continue;
        const changed = `${valid.slice(0, position)}${character}${valid.slice(position + 1)}`;
        expect(checkCreditCode(changed).ok).toBe(false);
      }
    }
  });
});

describe("行政区划代码", () => {
  it("checks six digits and a province prefix", () => {
    expect(checkRegionCode("640200")).toEqual({ ok: true });
    expect(checkRegionCode("320813")).toEqual({ ok: true });
    expect(checkRegionCode("64020")).toEqual({ ok: false, reason: "shape" });
    expect(checkRegionCode("990100")).toEqual({ ok: false, reason: "province" });
  });
});
