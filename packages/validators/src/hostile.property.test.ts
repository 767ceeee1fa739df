/**
 * validate never throws on any JSON value (issue 13): arbitrary JSON, objects where strings belong, deep nesting.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validate } from "./validate.js";
import { validateWellFormed } from "./validate-well-formed.js";

const example = JSON.parse(readFileSync(new URL("../../../examples/2023-shizuishan-shangwuju.json", import.meta.url), "utf8")) as Record<string, unknown>;

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
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
});

describe("validate under hostile input", () => {
  it("never throws, and a report with a malformed place gets findings about it rather than one opaque SCHEMA error", () => {
    fc.assert(
      fc.property(fc.oneof(hostile, mutated), fc.option(mutated, { nil: undefined }), (input, previous) => {
        const result = validate(input, previous === undefined ? {} : { previous });
        expect(typeof result.ok).toBe("boolean");
        for (const diagnostic of result.diagnostics) expect(diagnostic.messageEn).not.toMatch(/could not be checked/);
        validateWellFormed(input, {});
      }),
      { numRuns: 300 },
    );
  });

  it("checks the rest of a report whose meta.body is an object with length/toString keys", () => {
    const input = { ...example, meta: { ...(example.meta as object), body: { length: 0, toString: 1 } } };
    const result = validate(input);
    expect(result.diagnostics).toContainEqual(expect.objectContaining({ ruleId: "SCHEMA", pointers: ["/meta/body"] }));
    expect(result.counts.passed).toBeGreaterThan(5);
  });
});
