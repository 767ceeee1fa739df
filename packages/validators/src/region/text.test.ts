import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { boilerplateShingles, candidatePairs, minHash, MIN_PASSAGE, prepareText, repetition, shingleSet } from "./text.js";

const CHARACTERS = "政府信息公开工作年度报告主动依申请平台建设监督保障规范完善健全推进落实深化梳理更新目录指南审查机制发布流程解读方式办理程序网站栏目台账保密文件答复考核培训意见征集数据开放";
const chinese = (min: number, max: number) =>
  fc.array(fc.constantFrom(...CHARACTERS), { minLength: min, maxLength: max }).map((characters) => characters.join(""));
const NONE = new Set<number>();

describe("repetition", () => {
  it("finds a text entirely in itself and in a copy with other digits, whitespace and body name", () => {
    fc.assert(
      fc.property(chinese(80, 300), (text) => {
        const prepared = prepareText([`2023年，某某局${text}共 12 件。`], "某某局");
        const copy = prepareText([`2024 年，另一局${text}共 34 件。`], "另一局");
        expect(repetition(prepared, prepared, NONE, 60)!.share).toBe(1);
        expect(repetition(prepared, copy, NONE, 60)!.share).toBe(1);
      }),
      { numRuns: 50 },
    );
  });

  it("is a share between 0 and 1 whose passages are in both texts as written", () => {
    fc.assert(
      fc.property(chinese(60, 200), chinese(60, 200), chinese(0, 60), (left, right, shared) => {
        const a = prepareText([left + shared], undefined);
        const b = prepareText([shared + right], undefined);
        const result = repetition(a, b, NONE, 60)!;
        expect(result.share).toBeGreaterThanOrEqual(0);
        expect(result.share).toBeLessThanOrEqual(1);
        for (const passage of result.passages) {
          expect(a.original).toContain(passage.text);
          expect(b.original).toContain(passage.otherText);
          expect(passage.text.length).toBeGreaterThanOrEqual(MIN_PASSAGE);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("does not compare texts too short once boilerplate is removed", () => {
    const text = prepareText(["本机关未收取信息处理费。"], undefined);
    expect(repetition(text, text, NONE, 60)).toBeUndefined();
    const long = prepareText(["本年度围绕重点领域逐项梳理公开目录并修订公开指南，办理程序进一步规范，答复文书全部经过法制审核，群众满意度稳步提升。"], undefined);
    expect(repetition(long, long, NONE, 20)!.share).toBe(1);
    expect(repetition(long, long, shingleSet(long), 20)).toBeUndefined();
  });
});

describe("boilerplate", () => {
  it("is the shingles most texts share, and nothing with too few texts", () => {
    const common = "根据政府信息公开条例规定编制本报告";
    const texts = Array.from({ length: 12 }, (_, index) => prepareText([`${common}${"甲乙丙丁戊己庚辛壬癸"[index % 10]!.repeat(30)}${index}`], undefined));
    const boilerplate = boilerplateShingles(texts);
    expect(boilerplate.has(texts[0]!.hashes[0]!)).toBe(true);
    expect(boilerplateShingles(texts.slice(0, 9)).size).toBe(0);
  });
});

describe("candidatePairs (MinHash with banding)", () => {
  const random = (seed: number) => {
    let state = seed;
    return () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296);
  };
  const randomText = (next: () => number, length: number) =>
    Array.from({ length }, () => CHARACTERS[Math.floor(next() * CHARACTERS.length)]).join("");

  it("finds every copied pair among many unrelated texts, deterministically", () => {
    const next = random(42);
    const texts = Array.from({ length: 300 }, () => randomText(next, 400));
    texts[250] = texts[10]!;
    texts[299] = texts[120]!.slice(0, 300) + randomText(next, 100);
    const signatures = texts.map((text) => minHash(shingleSet(prepareText([text], undefined)), NONE));
    const pairs = candidatePairs(signatures);
    expect(pairs).toContainEqual([10, 250]);
    expect(pairs).toContainEqual([120, 299]);
    expect(candidatePairs(signatures)).toEqual(pairs);
    // Unrelated texts are rarely candidates: far fewer than the 44,850 pairs a comparison of all pairs makes.
    expect(pairs.length).toBeLessThan(300);
  });

  it("leaves out texts without a signature", () => {
    const signature = minHash(shingleSet(prepareText(["政府信息公开工作年度报告主动公开依申请公开"], undefined)), NONE);
    expect(candidatePairs([signature, undefined, signature])).toEqual([[0, 2]]);
    expect(candidatePairs([minHash([], NONE), minHash([], NONE)])).toEqual([]);
  });
});
