// A report imported from a published document carries an `import` block listing the cells that could not be
// read and the cells that were inferred. The HTML marks them apart from blank cells.
import { describe, expect, it } from "vitest";
import { attribute, byId, parseDocument, textOf } from "../test/html-dom.js";
import { exampleReport } from "../test/fixtures.js";
import { renderHtml } from "./html.js";
import { cellIdOf } from "./table-model.js";

const UNREADABLE = "/applications/newlyReceived/naturalPerson";
const BLANK = "/applications/carriedOver/naturalPerson";
const INFERRED = "/applications/newlyReceived/total";

function imported() {
  const report = structuredClone(exampleReport());
  const applications = report.applications as unknown as Record<string, Record<string, number | null>>;
  applications.newlyReceived!.naturalPerson = null;
  applications.carriedOver!.naturalPerson = null;
  report.import = { tool: "@xxgk/importer", version: "0.1.0", unreadable: [UNREADABLE], inferred: [INFERRED] };
  return report;
}

function cellOf(html: string, pointer: string) {
  return byId(parseDocument(html)).get(`xxgk-${cellIdOf(pointer)}`);
}

describe("cells the importer could not read or inferred", () => {
  it("an unreadable cell is marked unreadable, not blank, with a reason in the language asked for", () => {
    for (const lang of ["zh", "en"] as const) {
      const html = renderHtml(imported(), { lang });
      const cell = cellOf(html, UNREADABLE);
      expect(cell, html.slice(0, 200)).toBeDefined();
      expect(attribute(cell!, "class")).toContain("xxgk-unreadable");
      expect(attribute(cell!, "class")).not.toContain("xxgk-blank");
      expect(attribute(cell!, "data-xxgk-import")).toBe("unreadable");
      expect(textOf(cell!)).toContain(lang === "zh" ? "导入时无法辨认" : "could not be read when imported");
    }
  });

  it("a blank cell stays blank and an inferred cell keeps its figure", () => {
    const html = renderHtml(imported());
    expect(attribute(cellOf(html, BLANK)!, "class")).toContain("xxgk-blank");
    const inferred = cellOf(html, INFERRED)!;
    expect(attribute(inferred, "data-xxgk-import")).toBe("inferred");
    expect(textOf(inferred)).toMatch(/\d/u);
  });

  it("a report without an import block renders as before", () => {
    const report = structuredClone(exampleReport());
    expect(renderHtml(report)).not.toContain("data-xxgk-import");
  });
});
