import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CATALOG } from "./catalog.js";

const RULES_DIR = fileURLToPath(new URL("./rules/", import.meta.url));
/** Modules of rules/ that are shared helpers, not rules. */
const SHARED = new Set(["define.ts", "cross-year.ts"]);

describe("one rule, one module", () => {
  const files = readdirSync(RULES_DIR).filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !SHARED.has(file));

  it("every module under rules/ is in the catalog, under the id its file is named after", () => {
    const byFile = new Map(CATALOG.map((entry) => [`${entry.id.toLowerCase()}.ts`, entry.id]));
    expect(files.sort()).toEqual([...byFile.keys()].sort());
  });

  it("each module defines exactly its own rule: one `id:` and it matches the file name", () => {
    for (const file of files) {
      const text = readFileSync(`${RULES_DIR}${file}`, "utf8");
      const ids = [...text.matchAll(/^ {2}id: "([A-Z0-9-]+)",$/gm)].map((match) => match[1]);
      expect(ids, file).toEqual([file.replace(/\.ts$/, "").toUpperCase()]);
    }
  });

  it("rule ids are unique", () => {
    const ids = CATALOG.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
