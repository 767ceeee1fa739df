/**
 * One file's work — validate in every output format, export in every form — never throws on any JSON value
 * (issue 13): it comes back as findings, an "invalid" outcome or a syntax error, as data.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runTask, type ExportJob, type ValidateJob } from "./tasks.js";
import type { ValidateFormat } from "./validate-output.js";

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
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path.at(-1)!] = value;
  return copy;
});

const FORMATS: ValidateFormat[] = ["pretty", "json", "ndjson", "sarif", "csv"];
const validateJob = (format: ValidateFormat): ValidateJob => ({ kind: "validate", format, lang: "zh", color: false, single: true });
const exportJobs: ExportJob[] = [
  { kind: "export", format: "csv", wide: false, lang: "zh" },
  { kind: "export", format: "csv", wide: true, lang: "en" },
  { kind: "export", format: "ndjson", wide: false, lang: "zh" },
  { kind: "export", format: "ndjson", wide: true, lang: "zh" },
];

async function runAll(value: unknown): Promise<void> {
  const bytes = Buffer.from(JSON.stringify(value) ?? "null");
  const file = { path: "-", name: "hostile.json" };
  for (const format of FORMATS) {
    const outcome = await runTask(validateJob(format), file, bytes);
    expect(["ok", "syntax"]).toContain(outcome.status);
  }
  for (const job of exportJobs) {
    const outcome = await runTask(job, file, bytes);
    expect(["ok", "partial", "invalid"]).toContain(outcome.status);
  }
}

describe("runTask under hostile input", () => {
  it("validates and exports any JSON value, or the example with any place replaced, without throwing", async () => {
    await fc.assert(fc.asyncProperty(fc.oneof(hostile, mutated), runAll), { numRuns: 120 });
  });

  it("handles the cases of issue 13: object meta.body/title, 10,000-deep edition", async () => {
    let deep: unknown = [];
    for (let level = 0; level < 10_000; level++) deep = [deep];
    for (const value of [
      { edition: "2021", meta: { body: { length: 0, toString: 1 }, year: 2023 } },
      { edition: "2021", meta: { title: { length: 0, toString: 1 }, body: "某某市商务局", year: 2023 } },
      { edition: deep },
    ]) {
      // JSON.stringify cannot write 10,000 levels either: the file's text is built by hand.
      const text = value.edition === deep ? `{"edition":${"[".repeat(10_001)}${"]".repeat(10_001)}}` : JSON.stringify(value);
      const outcome = await runTask(validateJob("ndjson"), { path: "-", name: "x.json" }, Buffer.from(text));
      expect(outcome.status).toBe("ok");
      expect(outcome.text).not.toMatch(/could not be checked|无法检查/);
    }
  });
});
