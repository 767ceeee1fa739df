import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { buildConformanceSuite, type ConformanceCase, type ConformanceManifest } from "../src/conformance.js";
import { buildRulesDocument, formatJsonDocument, type RulesDocument, type RulesDocumentIdentity } from "../src/rules-document.js";
import { RULES } from "../src/rules.js";
import { validate } from "../src/validate.js";
// @ts-expect-error -- plain .mjs script without type declarations
import { repositoryCases } from "../scripts/conformance-inputs.mjs";

const packageDir = new URL("../", import.meta.url);
const suiteDir = new URL("conformance/", packageDir);
const text = (url: URL) => readFileSync(url, "utf8");
const json = (url: URL) => JSON.parse(text(url)) as unknown;

const rulesDocument = json(new URL("rules.json", packageDir)) as RulesDocument;
const manifest = json(new URL("manifest.json", suiteDir)) as ConformanceManifest;
const reportSchema = json(new URL("../schema/json-schema/report.schema.json", packageDir)) as Record<string, unknown>;

function ajv() {
  const instance = new Ajv2020({ allErrors: true, strict: false });
  addFormats.default(instance);
  return instance;
}

describe("rules.json", () => {
  it("is exactly what the catalog generates (run scripts/generate-rules-json.mjs after changing a rule)", () => {
    expect(text(new URL("rules.json", packageDir))).toBe(formatJsonDocument(buildRulesDocument()));
  });

  it("is valid against its own JSON Schema, rules.schema.json", () => {
    const validateRules = ajv().compile(json(new URL("rules.schema.json", packageDir)) as object);
    expect(validateRules(rulesDocument), JSON.stringify(validateRules.errors)).toBe(true);
  });

  it("holds every rule of the catalog, in catalog order, with the identities of every arithmetic rule", () => {
    expect(rulesDocument.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of rulesDocument.rules) {
      if (rule.evaluation !== "identities") continue;
      for (const edition of rule.editions) {
        expect(rule.identities!.some((identity) => identity.edition === edition), `${rule.id} ${edition}`).toBe(true);
      }
    }
    // R1 as data: 一 + 二 = （七）总计 + 四, column by column.
    const balance = rulesDocument.rules.find((rule) => rule.id === "T3-BALANCE")!.identities!;
    expect(balance.find((identity) => identity.edition === "2021" && identity.subject.endsWith("/naturalPerson"))).toEqual({
      edition: "2021",
      subject: "/applications/carriedForward/naturalPerson",
      stated: [
        { pointer: "/applications/total/naturalPerson", sign: 1 },
        { pointer: "/applications/carriedForward/naturalPerson", sign: 1 },
      ],
      expected: [
        { pointer: "/applications/newlyReceived/naturalPerson", sign: 1 },
        { pointer: "/applications/carriedOver/naturalPerson", sign: 1 },
      ],
      params: { zh: { column: "自然人" }, en: { column: "Natural persons" } },
    });
  });

  it("lists every cell a pointer of an identity refers to", () => {
    for (const rule of rulesDocument.rules) {
      for (const identity of rule.identities ?? []) {
        for (const term of [...identity.stated, ...identity.expected]) {
          const edition = term.document === "previous" ? identity.previousEdition! : identity.edition;
          expect(rulesDocument.cells[edition].some((cell) => cell.pointer === term.pointer), term.pointer).toBe(true);
        }
      }
    }
  });
});

// A second, deliberately naive evaluator of the identities in rules.json: the engine must agree with the file.
function at(document: unknown, pointer: string): unknown {
  let node = document;
  for (const part of pointer.split("/").slice(1)) {
    if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function identityOutcomes(suiteCase: ConformanceCase, report: unknown, previous: unknown): Record<string, string> {
  const outcomes: Record<string, string> = {};
  const edition = (report as { edition?: unknown }).edition;
  const previousEdition = (previous as { edition?: unknown } | undefined)?.edition;
  for (const rule of rulesDocument.rules) {
    if (rule.evaluation !== "identities" || (edition !== "2021" && edition !== "2019")) continue;
    if (!(rule.editions as readonly unknown[]).includes(edition) || (rule.crossYear && previous === undefined)) {
      outcomes[rule.id] = "not-applicable";
      continue;
    }
    if (rule.crossYear) {
      // Assessable only against a structurally valid report of the same body for the preceding year.
      const meta = (document: unknown) => (document as { meta?: { year?: unknown; body?: unknown } }).meta ?? {};
      const [year, previousYear] = [meta(report).year, meta(previous).year];
      const [body, previousBody] = [meta(report).body, meta(previous).body].map((name) =>
        typeof name === "string" ? name.normalize("NFKC").replace(/\s+/g, "") : undefined
      );
      const sameBody = body === previousBody || (body !== undefined && previousBody !== undefined && (body.endsWith(previousBody) || previousBody.endsWith(body)));
      if (!reportValidator(previous) || !Number.isInteger(year) || previousYear !== (year as number) - 1 || !sameBody) {
        outcomes[rule.id] = "not-assessable";
        continue;
      }
    }
    const applicable = rule.identities!.filter(
      (identity: RulesDocumentIdentity) => identity.edition === edition && (!rule.crossYear || identity.previousEdition === previousEdition)
    );
    let outcome = "pass";
    for (const identity of applicable) {
      const cellKinds = (term: { pointer: string; document?: string }) =>
        rulesDocument.cells[(term.document ? identity.previousEdition : identity.edition)!].find((cell) => cell.pointer === term.pointer)!.kind;
      // Exact integer sums (every identity is over counts), whatever their size.
      const sum = (terms: RulesDocumentIdentity["stated"]) => {
        let total = 0n;
        for (const term of terms) {
          const value = at(term.document ? previous : report, term.pointer);
          const kind = cellKinds(term);
          const ok = typeof value === "number" && Number.isSafeInteger(value) && (kind === "signedCount" || value >= 0);
          if (!ok) return undefined;
          total += BigInt(term.sign) * BigInt(value);
        }
        return total;
      };
      const stated = sum(identity.stated);
      const expectedSum = sum(identity.expected);
      if (stated === undefined || expectedSum === undefined) {
        if (outcome === "pass") outcome = "not-assessable";
      } else if (stated !== expectedSum) outcome = "fail";
    }
    outcomes[rule.id] = applicable.length > 0 ? outcome : "not-applicable";
  }
  void suiteCase;
  return outcomes;
}

const reportValidator = ajv().compile(reportSchema);

describe("the conformance suite", () => {
  const suite = buildConformanceSuite(repositoryCases());
  const load = (path: string) => json(new URL(path, suiteDir));

  it("is exactly what the catalog and the case definitions generate (run scripts/generate-conformance.mjs)", () => {
    expect(text(new URL("manifest.json", suiteDir))).toBe(formatJsonDocument(suite.manifest));
    expect(readdirSync(suiteDir).sort()).toEqual(["manifest.json", "manifest.schema.json", "reports"]);
    const committed = readdirSync(new URL("reports/", suiteDir)).map((file) => `reports/${file}`).sort();
    expect(committed).toEqual(Object.keys(suite.files).sort());
    for (const [path, content] of Object.entries(suite.files)) expect(load(path), path).toEqual(content);
  });

  it("has a manifest that is valid against conformance/manifest.schema.json", () => {
    const validateManifest = ajv().compile(json(new URL("manifest.schema.json", suiteDir)) as object);
    expect(validateManifest(manifest), JSON.stringify(validateManifest.errors?.slice(0, 3))).toBe(true);
  });

  it("has a failing case for every rule of the catalog, in an edition it applies to", () => {
    for (const rule of RULES) {
      const cases = manifest.cases.filter((entry) => entry.rule === rule.id && entry.outcomes[rule.id] === "fail");
      expect(cases.length, rule.id).toBeGreaterThan(0);
      for (const edition of rule.editions) expect(cases.some((entry) => entry.edition === edition), `${rule.id} ${edition}`).toBe(true);
    }
  });

  it("states what each corner case is meant to show, and the engine agrees", () => {
    for (const input of suite.inputs) {
      const checked = suite.manifest.cases.find((entry) => entry.id === input.id)!;
      const expectation = input.expect ?? {};
      if (expectation.schemaValid !== undefined) expect(checked.schemaValid, input.id).toBe(expectation.schemaValid);
      for (const rule of expectation.fail ?? []) expect(checked.outcomes[rule], `${input.id} ${rule}`).toBe("fail");
      for (const rule of expectation.pass ?? []) expect(checked.outcomes[rule], `${input.id} ${rule}`).toBe("pass");
      for (const rule of expectation.notAssessable ?? []) expect(checked.outcomes[rule], `${input.id} ${rule}`).toBe("not-assessable");
      for (const rule of expectation.notApplicable ?? []) expect(checked.outcomes[rule], `${input.id} ${rule}`).toBe("not-applicable");
    }
  });

  it.each(manifest.cases.map((entry) => [entry.id, entry] as const))("%s: labels agree with the schema and the engine", (_id, entry) => {
    const report = load(entry.report);
    const previous = entry.previous ? load(entry.previous) : undefined;
    // An independent validator on the published schema file.
    expect(reportValidator(report), `${entry.id}: ${JSON.stringify(reportValidator.errors?.slice(0, 3))}`).toBe(entry.schemaValid);
    expect(entry.kind === "structural").toBe(!entry.schemaValid);
    if (entry.kind === "valid") expect(Object.values(entry.outcomes)).not.toContain("fail");
    if (entry.kind === "rule") expect(entry.outcomes[entry.rule!]).toBe("fail");
    // The engine, from the files as published.
    const result = validate(report, {
      today: new Date(`${entry.options.today}T12:00:00`),
      ...(previous === undefined ? {} : { previous }),
      ...(entry.options.profile ? { profile: entry.options.profile as "publish" } : {}),
      ...(entry.options.rules ? { rules: entry.options.rules as Record<string, "off"> } : {}),
    });
    expect(Object.fromEntries(result.outcomes.map((outcome) => [outcome.ruleId, outcome.outcome]))).toEqual(entry.outcomes);
    // The identities of rules.json, evaluated naively, give the engine's outcomes.
    for (const [rule, outcome] of Object.entries(identityOutcomes(entry, report, previous))) {
      expect(entry.outcomes[rule], `${entry.id} ${rule}`).toBe(outcome);
    }
  });
});
