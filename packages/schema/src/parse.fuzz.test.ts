/**
 * parseReport never throws and never echoes a huge input, whatever JSON it is given (issue 13): arbitrary JSON,
 * objects where strings belong (with keys such as `length` and `toString`), 10,000-deep nesting, absurd sizes.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_REPORT_VALUES, parseReport } from "./parse.js";

const example = JSON.parse(readFileSync(new URL("../../../examples/2023-shizuishan-shangwuju.json", import.meta.url), "utf8")) as Record<string, unknown>;

/** Values a hostile file puts where a string or number belongs: JSON.parse makes all of these own properties. */
const hostile = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom<unknown>(
    { length: 0, toString: 1 },
    { toString: {}, valueOf: {} },
    { length: 1e9 },
    JSON.parse('{"__proto__":{"x":1},"constructor":1}'),
    [{ toString: 1 }],
  ),
  fc.dictionary(fc.constantFrom("length", "toString", "valueOf", "constructor", "hasOwnProperty", "__proto__", "0"), fc.jsonValue()),
);

/** Every place in the example report, containers and leaves. */
function pointers(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([key, child]) => pointers(child, [...prefix, key]))];
}
const PLACES = pointers(example).filter((path) => path.length > 0);

/** The example with one place replaced by a hostile value. */
const mutated = fc.tuple(fc.constantFrom(...PLACES), hostile).map(([path, value]) => {
  const copy = structuredClone(example);
  let node = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
});

function deep(depth: number): unknown {
  let value: unknown = [];
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

function expectIssuesArePlainText(input: unknown): void {
  const result = parseReport(input);
  for (const issue of result.issues) {
    expect(typeof issue.message).toBe("string");
    expect(typeof issue.messageEn).toBe("string");
    expect(issue.message.length).toBeLessThan(400);
  }
}

describe("parseReport under hostile input", () => {
  it("never throws on arbitrary JSON or on the example with any place replaced by a hostile value", () => {
    fc.assert(fc.property(fc.oneof(hostile, mutated), (input) => expectIssuesArePlainText(input)), { numRuns: 400 });
  });

  it("reports an object with length/toString keys in meta.body or meta.title as a type error of that field", () => {
    for (const field of ["body", "title"]) {
      const input = { edition: "2021", meta: { body: "某某市商务局", year: 2023, [field]: { length: 0, toString: 1 } } };
      const result = parseReport(input);
      expect(result.issues).toContainEqual(expect.objectContaining({ pointer: `/meta/${field}`, code: "invalid_type", messageEn: "expected a string, got an object" }));
    }
  });

  it("names an edition of 10,000 nested arrays or of 6.8 MB without echoing it", () => {
    for (const edition of [deep(10_000), "x".repeat(6_800_000)]) {
      const result = parseReport({ ...example, edition });
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ code: "unknown_edition", pointer: "/edition" });
      expect(result.issues[0]!.messageEn.length).toBeLessThan(200);
    }
    expectIssuesArePlainText({ ...example, overview: { paragraphs: [deep(10_000)] } });
  });

  it("refuses absurd sizes in milliseconds, naming the place, and lists at most 1,000 problems", () => {
    const huge = structuredClone(example) as { overview: { paragraphs: unknown[] } };
    huge.overview.paragraphs = new Array(2_000_000).fill(null);
    const started = performance.now();
    const result = parseReport(huge);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.issues).toEqual([expect.objectContaining({ code: "too_big", messageEn: expect.stringContaining("/overview/paragraphs has 2000000 entries") })]);
    const many = structuredClone(example) as { overview: { paragraphs: unknown[] } };
    many.overview.paragraphs = new Array(MAX_REPORT_VALUES - 1000).fill(null);
    const listed = parseReport(many).issues;
    expect(listed).toHaveLength(1001);
    expect(listed.at(-1)!.messageEn).toMatch(/^\d+ more structural problems not listed$/);
  });
});
