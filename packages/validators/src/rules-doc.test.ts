import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderRulesMarkdown } from "./rules-doc.js";
import { RULES } from "./rules.js";

const DOC = fileURLToPath(new URL("../../../docs/rules.md", import.meta.url));

describe("docs/rules.md", () => {
  it("is exactly what the catalog generates (run scripts/generate-rules-doc.mjs after changing a rule)", () => {
    expect(readFileSync(DOC, "utf8")).toBe(renderRulesMarkdown());
  });

  it("documents every rule with its basis, severities, editions and an example's real output", () => {
    const markdown = renderRulesMarkdown();
    for (const rule of RULES) {
      expect(markdown).toContain(`## ${rule.id}\n`);
      expect(markdown).toContain(`| [${rule.id}](#${rule.id.toLowerCase()}) |`);
    }
    expect(markdown).toContain("> `error` 表四“行政复议”：结果维持、结果纠正、其他结果、尚未审结之和为 3，总计填报 0，相差 -3。");
  });
});

describe("RULES", () => {
  it("has unique, stable-looking ids and complete metadata", () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(rule.id).toMatch(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/);
      for (const text of [rule.title, rule.message, rule.rationale, rule.reference]) {
        expect(text.zh.length).toBeGreaterThan(0);
        expect(text.en.length).toBeGreaterThan(0);
      }
      expect(rule.examples.length).toBeGreaterThan(0);
    }
  });

  it("covers the format's consistency rules R1–R5 and X1–X2", () => {
    const references = RULES.map((rule) => rule.reference.zh).join("\n");
    for (const name of ["R1", "R2", "R3", "R4", "R5", "X1", "X2"])
      expect(references).toMatch(new RegExp(`${name}(（[^）]*）)?：`));
  });

  it("is frozen plain data", () => {
    expect(Object.isFrozen(RULES)).toBe(true);
    expect(Object.isFrozen(RULES[0]!.title)).toBe(true);
    expect(JSON.parse(JSON.stringify(RULES))).toEqual(RULES);
  });
});
