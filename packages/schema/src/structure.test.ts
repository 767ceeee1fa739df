import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import {
  cellsOf,
  createEmptyReport,
  EDITIONS,
  isWellFormedReport,
  ISO_DATE_PATTERN,
  META_FIELD_CHECKS,
  parseReport,
  ReportMeta,
  type Edition,
} from "./index.js";

const examples = new URL("../../../examples/", import.meta.url);
const files = [
  ...readdirSync(examples).filter((file) => file.endsWith(".json")).map((file) => new URL(file, examples)),
  ...readdirSync(new URL("invalid/", examples)).map((file) => new URL(`invalid/${file}`, examples)),
];

type Json = Record<string, unknown>;
const agree = (value: unknown): void => {
  expect(isWellFormedReport(value)).toBe(parseReport(value).success);
};

/** Sets `value` at a path, creating nothing: a path that does not exist is left alone. */
function setAt(root: Json, path: readonly string[], value: unknown): Json {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== "object") return root;
    node = (node as Json)[key];
  }
  if (node !== null && typeof node === "object") (node as Json)[path.at(-1)!] = value;
  return root;
}

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.integer({ min: -3, max: 3000 }),
  fc.double({ noNaN: true }),
  fc.constantFrom(null, undefined, "", "2024-02-29", "2023-02-29", "640200", "064020", "11100000000013127D", 2019, 2101, -0),
);

// Every place a value can sit, whatever the edition: cells, metadata, prose, the root.
function paths(edition: Edition): string[][] {
  return [
    ...cellsOf(edition).map((cell) => [...cell.path]),
    ...Object.keys(META_FIELD_CHECKS).map((key) => ["meta", key]),
    ["meta", "unknown"],
    ["edition"],
    ["$schema"],
    ["preamble"],
    ["overview"],
    ["overview", "paragraphs"],
    ["overview", "parts"],
    ["otherMatters", "paragraphs", "0"],
    ["applications", "newlyReceived"],
    ["applications", "otherHandling"],
    ["applications", "otherOther"],
    ["proactiveDisclosure", "procurement"],
    ["reviewAndLitigation"],
    ["extra"],
  ];
}

describe("isWellFormedReport (zod-free) agrees with parseReport (zod) on every input", () => {
  it.each(files.map((file) => [file.pathname.split("/examples/")[1]!, file]))("on examples/%s", (_name, file) => {
    agree(JSON.parse(readFileSync(file, "utf8")));
  });

  it("checks exactly the metadata fields the zod schema defines", () => {
    expect(Object.keys(META_FIELD_CHECKS)).toEqual(Object.keys(ReportMeta.shape));
  });

  it("uses the same date pattern as zod's z.iso.date()", () => {
    const generated = z.toJSONSchema(z.iso.date()) as { pattern: string };
    expect(ISO_DATE_PATTERN.source).toBe(generated.pattern);
  });

  it("on random values placed anywhere in a valid report of either edition", () => {
    fc.assert(
      fc.property(fc.constantFrom(...EDITIONS), fc.nat(), anyValue, fc.boolean(), (edition, index, value, delete_) => {
        const report = createEmptyReport({ edition, year: 2023, body: "某局" }) as unknown as Json;
        (report.overview as Json).parts = [{ title: "（一）", paragraphs: ["甲"] }];
        const all = paths(edition);
        const path = all[index % all.length]!;
        if (delete_) {
          const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Json | undefined)?.[key], report);
          if (parent && typeof parent === "object") delete (parent as Json)[path.at(-1)!];
        } else setAt(report, path, value);
        agree(report);
      }),
      { numRuns: 2000 },
    );
  });

  it("on arbitrary JSON", () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), agree), { numRuns: 500 });
    fc.assert(
      fc.property(fc.constantFrom(...EDITIONS), fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (edition, extra) =>
        agree({ ...extra, edition }),
      ),
      { numRuns: 300 },
    );
  });

  it("on values JSON cannot express: sparse arrays, inherited fields, throwing getters", () => {
    const base = () => createEmptyReport({ edition: "2021", year: 2023, body: "某局" }) as unknown as Json;
    const sparse = base();
    // eslint-disable-next-line no-sparse-arrays
    (sparse.overview as Json).paragraphs = [, "甲"];
    agree(sparse);
    expect(isWellFormedReport(sparse)).toBe(false);
    agree(Object.create(base()));
    const throwing = base();
    Object.defineProperty(throwing, "meta", { enumerable: true, get: () => { throw new Error("boom"); } });
    expect(isWellFormedReport(throwing)).toBe(false);
    agree(throwing);
  });

  it("rejects __proto__ keys", () => {
    const report = JSON.parse(JSON.stringify(createEmptyReport({ edition: "2021", year: 2023, body: "某局" })).replace('"meta":{', '"meta":{"__proto__":{},'));
    expect(isWellFormedReport(report)).toBe(false);
    agree(report);
  });
});
