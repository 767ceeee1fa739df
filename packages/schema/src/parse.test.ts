import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseReport, createEmptyReport, isReport, isWellFormedReport } from "./index.js";

const example = JSON.parse(
  readFileSync(new URL("../../../examples/2023-shizuishan-shangwuju.json", import.meta.url), "utf8"),
) as Record<string, unknown>;

const clone = <T>(value: T): T => structuredClone(value);

function setCell(report: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  let node = report as Record<string, unknown>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return report;
}

describe("parseReport on bad input", () => {
  it.each([
    ["a string", "12"],
    ["an array", [1, 2]],
    ["null", null],
    ["a number", 3],
    ["an empty object", {}],
  ])("returns issues for %s, never throws", (_name, value) => {
    const result = parseReport(value);
    expect(result.success).toBe(false);
    expect(result.issues.length).toBeGreaterThan(0);
    for (const issue of result.issues) {
      expect(issue.message).toMatch(/\S/);
      expect(issue.messageEn).toMatch(/\S/);
      expect(typeof issue.pointer).toBe("string");
    }
  });

  it("names the edition problem when the edition is unknown or missing", () => {
    expect(parseReport({ ...example, edition: "2022" }).issues).toEqual([
      expect.objectContaining({ code: "unknown_edition", pointer: "/edition", message: expect.stringContaining("2022") }),
    ]);
    const { edition: _edition, ...withoutEdition } = example;
    expect(parseReport(withoutEdition).issues[0]).toMatchObject({ code: "unknown_edition", pointer: "/edition" });
  });

  it("a count written as a string is reported at its cell, with its label and a hint", () => {
    const result = parseReport(setCell(clone(example), ["applications", "total", "naturalPerson"], "12"));
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: "invalid_type",
        pointer: "/applications/total/naturalPerson",
        label: "表三 / 自然人 / （七）总计",
        message: expect.stringContaining("数字不要加引号"),
      }),
    ]);
  });

  it.each([
    ["1e309 (Infinity after JSON.parse)", JSON.parse("1e309") as number, "invalid_type"],
    ["12.5", 12.5, "not_integer"],
    ["-3", -3, "too_small"],
  ])("a count of %s is rejected at its path", (_name, value, code) => {
    const result = parseReport(setCell(clone(example), ["applications", "newlyReceived", "total"], value));
    expect(result.issues).toEqual([expect.objectContaining({ code, pointer: "/applications/newlyReceived/total" })]);
  });

  it("-0 is accepted as zero (JSON Schema and zod agree that -0 = 0)", () => {
    expect(parseReport(setCell(clone(example), ["applications", "newlyReceived", "total"], JSON.parse("-0"))).success).toBe(
      true,
    );
  });

  it("signed counts accept negatives only where the format allows them (2019 本年增/减)", () => {
    const report2019 = createEmptyReport({ edition: "2019", year: 2020, body: "某县" }) as unknown as Record<string, unknown>;
    expect(parseReport(setCell(report2019, ["proactiveDisclosure", "licensing", "change"], -8)).success).toBe(true);
    expect(parseReport(setCell(report2019, ["proactiveDisclosure", "licensing", "decisions"], -8)).success).toBe(false);
  });

  it("fees are decimals in 万元 but never negative", () => {
    expect(parseReport(setCell(clone(example), ["proactiveDisclosure", "fees", "amount"], 4068.208)).success).toBe(true);
    expect(parseReport(setCell(clone(example), ["proactiveDisclosure", "fees", "amount"], -1)).success).toBe(false);
  });

  it("__proto__ keys are reported as unknown and never pollute prototypes", () => {
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, "edition": "2021", "meta": {"__proto__": {"polluted": 1}}}`);
    const result = parseReport(hostile);
    expect(result.success).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    const withProto = JSON.parse(JSON.stringify(example).replace('"meta":{', '"meta":{"__proto__":{"x":1},'));
    expect(parseReport(withProto).issues).toEqual([expect.objectContaining({ code: "unknown_key", pointer: "/meta/__proto__" })]);
  });

  it("survives a 10,000-deep nesting", () => {
    const deep = JSON.parse(`${"[".repeat(10_000)}1${"]".repeat(10_000)}`);
    const result = parseReport({ ...example, overview: deep });
    expect(result.success).toBe(false);
    expect(result.issues[0]).toMatchObject({ pointer: "/overview" });
  });

  it("any JSON value at all yields a result, never an exception", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        const result = parseReport(value);
        expect(typeof result.success).toBe("boolean");
        if (!result.success) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("arbitrary values placed anywhere in a valid report never throw", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom("meta", "overview", "applications", "proactiveDisclosure"), (value, key) => {
        const result = parseReport({ ...clone(example), [key]: value });
        expect(Array.isArray(result.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("parseReport on good input", () => {
  it("returns a copy: changing the result never changes the input", () => {
    const input = clone(example);
    const result = parseReport(input);
    expect(result.success).toBe(true);
    if (!result.success) return;
    result.report.meta.body = "changed";
    expect((input.meta as { body: string }).body).toBe("石嘴山市商务局");
  });

  it("keeps blank cells blank", () => {
    const result = parseReport(example);
    expect(result.success && result.report.reviewAndLitigation.reconsideration.total).toBeNull();
  });

  it("isReport narrows", () => {
    expect(isReport(example)).toBe(true);
    expect(isReport({})).toBe(false);
  });
});

describe("messages for malformed metadata", () => {
  it("say what the field should look like, in Chinese and English", () => {
    const report = clone(example);
    (report.meta as Record<string, unknown>).regionCode = "64020";
    (report.meta as Record<string, unknown>).publishedOn = "2024-02-30";
    const issues = parseReport(report).issues;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          pointer: "/meta/regionCode",
          label: "报告信息 / 行政区划代码",
          message: expect.stringContaining("6 位数字"),
          messageEn: expect.stringContaining("six digits"),
        }),
        expect.objectContaining({ pointer: "/meta/publishedOn", message: expect.stringContaining("真实日期") }),
      ]),
    );
  });
});

describe("the import record", () => {
  const record = {
    tool: "@xxgk/importer",
    version: "0.1.0",
    source: { fileName: "report.txt", format: "text" },
    unreadable: ["/applications/total/total"],
    inferred: ["/applications/newlyReceived/total"],
    absent: ["/proactiveDisclosure/rules/issued"],
    positions: { "/applications/total/total": "line 3, column 5" },
  };

  it("is accepted by parseReport and the fast structure check alike", () => {
    const report = { ...clone(example), import: record };
    expect(parseReport(report).success).toBe(true);
    expect(isReport(report)).toBe(true);
    expect(isWellFormedReport(report)).toBe(true);
  });

  it.each([
    ["an unknown format", { ...record, source: { format: "rtf" } }],
    ["a pointer that is not a string", { ...record, unreadable: [3] }],
    ["a missing list", { tool: "x", version: "1", inferred: [] }],
    ["an unknown field", { ...record, guessed: [] }],
  ])("is rejected with %s by both", (_name, bad) => {
    const report = { ...clone(example), import: bad };
    expect(parseReport(report).success).toBe(false);
    expect(isReport(report)).toBe(false);
    expect(isWellFormedReport(report)).toBe(false);
  });
});
