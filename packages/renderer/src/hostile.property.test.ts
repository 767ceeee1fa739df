/**
 * Every renderer on any JSON value (issue 13): it renders, or throws a RenderError — never a TypeError or a
 * RangeError, whatever sits where a string, a list or a number belongs.
 */
import type { Report } from "@xxgk/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exampleReport } from "../test/fixtures.js";
import { renderDocx } from "./docx.js";
import { RenderError } from "./errors.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./plain-text.js";

const example = exampleReport() as unknown as Record<string, unknown>;

const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom<unknown>({ length: 0, toString: 1 }, { toString: {}, valueOf: {} }, JSON.parse('{"__proto__":{"x":1},"constructor":1}')),
  fc.dictionary(fc.constantFrom("length", "toString", "valueOf", "constructor", "__proto__", "0"), fc.jsonValue()),
);

function places(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => places(child, [...prefix, key]))];
}
const PLACES = places(example).filter((path) => path.length > 0);
const mutated = fc.tuple(fc.constantFrom(...PLACES), hostile).map(([path, value]) => {
  const copy = structuredClone(example);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
});

function deep(depth: number): unknown {
  let value: unknown = [];
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

async function renderAll(input: unknown): Promise<void> {
  const report = input as Report;
  for (const render of [() => renderHtml(report), () => renderHtml(report, { fragment: true }), () => renderMarkdown(report), () => renderText(report)]) {
    try {
      expect(typeof render()).toBe("string");
    } catch (error) {
      expect(error).toBeInstanceOf(RenderError);
    }
  }
}

describe("renderers under hostile input", () => {
  it("render or throw RenderError on arbitrary JSON and on the example with any place replaced", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(hostile, mutated), renderAll), { numRuns: 150 });
  });

  it("DOCX too, on the example with any place replaced", async () => {
    await fc.assert(
      fc.asyncProperty(mutated, async (input) => {
        try {
          expect((await renderDocx(input as unknown as Report)).length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(RenderError);
        }
      }),
      { numRuns: 15 },
    );
  });

  it("refuses an edition that is an object with toString, or 10,000 nested arrays, with UNKNOWN_EDITION", () => {
    for (const edition of [{ length: 0, toString: 1 }, deep(10_000)]) {
      expect(() => renderMarkdown({ ...example, edition } as unknown as Report)).toThrow(expect.objectContaining({ code: "UNKNOWN_EDITION" }));
    }
  });

  it("renders the rest of a report whose meta.title is an object with length/toString keys", () => {
    const report = { ...example, meta: { ...(example.meta as object), title: { length: 0, toString: 1 } } } as unknown as Report;
    expect(renderMarkdown(report)).toContain("年政府信息公开工作年度报告");
  });
});
