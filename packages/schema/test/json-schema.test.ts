import { readFileSync, readdirSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildJsonSchemas,
  JSON_SCHEMA_FILES,
  JSON_SCHEMA_VERSION,
  parseReport,
  createEmptyReport,
  EDITIONS,
  cellsOf,
} from "../src/index.js";
// @ts-expect-error -- plain .mjs build script without type declarations
import { generateTypesSource, GENERATED_TYPES_FILES } from "../scripts/generate-types.mjs";

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

  it("is draft 2020-12 with an $id per file that carries the contract version, not the package version", () => {
    for (const file of Object.values(JSON_SCHEMA_FILES)) {
      const schema = committed(file);
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.$id).toBe(`https://xxgk.github.io/schema/v${JSON_SCHEMA_VERSION}/${file}`);
    }
    expect(JSON.stringify(committed(JSON_SCHEMA_FILES.any))).not.toContain("unpkg");
  });

  it("names every definition with an ASCII title and describes it in Chinese and English", () => {
    for (const file of Object.values(JSON_SCHEMA_FILES)) {
      const schema = committed(file);
      expect(schema.title, file).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      for (const [name, definition] of Object.entries(schema.$defs as Record<string, Record<string, unknown>>)) {
        expect(definition.title, `${file} $defs/${name}`).toBe(name);
        expect(definition.description, `${file} $defs/${name}`).toMatch(/[\u4e00-\u9fff].* — [A-Z]/);
      }
    }
  });

  it("has one 表三 row type and one 表四 group type, referred to by bare $refs", () => {
    const text = JSON.stringify(committed(JSON_SCHEMA_FILES.any));
    const defs = committed(JSON_SCHEMA_FILES.any).$defs as Record<string, { properties: Record<string, unknown> }>;
    for (const edition of EDITIONS) {
      for (const row of Object.values(defs[`Applications${edition}`]!.properties)) expect(row).toEqual({ $ref: "#/$defs/ApplicationRow" });
    }
    for (const group of Object.values(defs.ReviewAndLitigation!.properties)) expect(group).toEqual({ $ref: "#/$defs/ReviewLitigationGroup" });
    // A $ref with sibling keywords makes several generators declare a new type per use.
    expect(text).not.toMatch(/"\$ref":"[^"]*","/);
    expect(text).not.toMatch(/,"\$ref"/);
    // No Chinese title anywhere: generators name types and properties after titles.
    expect(text).not.toMatch(/"title":"[^"]*[\u4e00-\u9fff]/);
  });

  it("the TypeScript that json-schema-to-typescript makes of each edition file is committed and current", async () => {
    for (const edition of EDITIONS) {
      const source = (await generateTypesSource(edition)) as string;
      const file = (GENERATED_TYPES_FILES as Record<string, string>)[edition]!;
      expect(readFileSync(file, "utf8"), "run node packages/schema/scripts/generate-types.mjs").toBe(source);
      // One interface per shape: no ApplicationRow1, ApplicationRow2 … as with inline rows.
      expect(source.match(/export interface ApplicationRow\d*/g)).toEqual(["export interface ApplicationRow"]);
    }
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

  it("points errors into the report's own edition, not at a union at the root", () => {
    const report = createEmptyReport({ edition: "2019", year: 2020, body: "某局" }) as unknown as Record<string, Record<string, Record<string, unknown>>>;
    report.applications!.otherHandling!.total = -1;
    expect(ajvValidate(report)).toBe(false);
    const errors = (ajvValidate.errors ?? []).filter((error) => error.keyword !== "if");
    expect(errors.map((error) => error.instancePath)).toEqual(["/applications/otherHandling/total"]);
    expect(errors[0]!.schemaPath).toContain("#/$defs/ApplicationRow/");
    report.edition = "2022" as never;
    expect(ajvValidate(report)).toBe(false);
    expect((ajvValidate.errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`)).toEqual(["/edition enum"]);
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
