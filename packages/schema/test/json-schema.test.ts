import { readFileSync, readdirSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildJsonSchemas, JSON_SCHEMA_FILES, parseReport, createEmptyReport, EDITIONS, cellsOf } from "../src/index.js";
// @ts-expect-error -- plain .mjs build script without type declarations
import { generateTypesSource, GENERATED_TYPES_FILE } from "../scripts/generate-types.mjs";

const committed = (file: string) =>
  JSON.parse(readFileSync(new URL(`../json-schema/${file}`, import.meta.url), "utf8")) as Record<string, unknown>;

describe("committed JSON Schema", () => {
  it("matches what the zod source generates (run `npm run build -w @xxgk/schema` to refresh)", () => {
    const generated = buildJsonSchemas();
    expect(Object.keys(generated).sort()).toEqual(Object.values(JSON_SCHEMA_FILES).sort());
    for (const [file, schema] of Object.entries(generated)) {
      expect(committed(file), `${file} drifted from the zod source`).toEqual(schema);
    }
  });

  it("is draft 2020-12 with a stable $id", () => {
    const schema = committed(JSON_SCHEMA_FILES.any);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.$id).toBe("https://unpkg.com/@xxgk/schema/json-schema/report.schema.json");
  });

  it("the TypeScript that json-schema-to-typescript makes of it is committed and current", async () => {
    const source = (await generateTypesSource()) as string;
    expect(readFileSync(GENERATED_TYPES_FILE as string, "utf8"), "run node packages/schema/scripts/generate-types.mjs").toBe(
      source,
    );
  });
});

const examplesDir = new URL("../../../examples/", import.meta.url);
const invalidDir = new URL("invalid/", examplesDir);
const load = (dir: URL, file: string): unknown => JSON.parse(readFileSync(new URL(file, dir), "utf8"));
const validFiles = readdirSync(examplesDir).filter((file) => file.endsWith(".json"));
const invalidFiles = readdirSync(invalidDir).filter((file) => file.endsWith(".json"));

function ajvValidator() {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(ajv);
  return ajv.compile(committed(JSON_SCHEMA_FILES.any));
}

describe("an independent validator (ajv, draft 2020-12) agrees with zod", () => {
  const ajvValidate = ajvValidator();

  it("there are valid and invalid examples of both editions to compare", () => {
    expect(validFiles.length).toBeGreaterThanOrEqual(2);
    expect(invalidFiles.length).toBeGreaterThanOrEqual(6);
  });

  it.each(validFiles)("accepts examples/%s", (file) => {
    const report = load(examplesDir, file);
    expect(parseReport(report).issues).toEqual([]);
    expect(ajvValidate(report), JSON.stringify(ajvValidate.errors)).toBe(true);
  });

  it.each(invalidFiles)("rejects examples/invalid/%s", (file) => {
    const report = load(invalidDir, file);
    expect(parseReport(report).success).toBe(false);
    expect(ajvValidate(report)).toBe(false);
  });

  it("agrees on random single-cell corruptions of valid reports", () => {
    const values = fc.oneof(
      fc.integer({ min: -5, max: 1_000_000 }),
      fc.double({ noNaN: true, noDefaultInfinity: true, min: -10, max: 10 }),
      fc.constant(null),
      fc.string({ maxLength: 4 }),
      fc.boolean(),
      fc.constant([]),
    );
    fc.assert(
      fc.property(fc.constantFrom(...EDITIONS), fc.nat(), values, (edition, index, value) => {
        const report = createEmptyReport({ edition, year: 2023, body: "某局" }) as unknown as Record<
          string,
          Record<string, Record<string, unknown>>
        >;
        const cells = cellsOf(edition);
        const cell = cells[index % cells.length]!;
        report[cell.section]![cell.row]![cell.column] = value;
        expect(parseReport(report).success).toBe(ajvValidate(report));
      }),
      { numRuns: 400 },
    );
  });
});
