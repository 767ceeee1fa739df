import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import * as api from "../src/index.js";
// @ts-expect-error -- plain .mjs build script without type declarations
import { generateFormatDoc, FORMAT_DOC_FILE } from "../scripts/generate-format-doc.mjs";

it("docs/format.md is what the layout data generates (run node packages/schema/scripts/generate-format-doc.mjs)", () => {
  const generated = (generateFormatDoc as (module: typeof api) => string)(api);
  expect(readFileSync(FORMAT_DOC_FILE as string, "utf8")).toBe(generated);
  // It lists every official row label of both editions.
  for (const edition of api.EDITIONS) {
    for (const row of api.LAYOUTS[edition].table3.rows) expect(generated).toContain(row.label);
  }
});
