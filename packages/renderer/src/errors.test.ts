import { describe, expect, it } from "vitest";
import type { Report } from "@xxgk/schema";
import { exampleReport } from "../test/fixtures.js";
import { renderDocx } from "./docx.js";
import { RenderError } from "./errors.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./plain-text.js";

describe("RenderError", () => {
  it("is thrown with a stable code for an unknown edition or a value that is not a report", async () => {
    const unknownEdition = { ...exampleReport(), edition: "2018" } as unknown as Report;
    for (const render of [renderHtml, renderMarkdown, renderText]) {
      expect(() => render(unknownEdition)).toThrow(RenderError);
      expect(() => render(unknownEdition)).toThrow(expect.objectContaining({ name: "RenderError", code: "UNKNOWN_EDITION" }));
      expect(() => render(null as unknown as Report)).toThrow(expect.objectContaining({ code: "NOT_A_REPORT" }));
    }
    await expect(renderDocx(unknownEdition)).rejects.toMatchObject({ code: "UNKNOWN_EDITION" });
    const noBody = { ...exampleReport(), meta: {} } as unknown as Report;
    expect(() => renderHtml(noBody)).toThrow(expect.objectContaining({ code: "NOT_A_REPORT" }));
  });

  it("renders a report missing prose sections or cells: nothing for the prose, blank cells", () => {
    const partial = exampleReport() as unknown as Record<string, unknown>;
    delete partial.otherMatters;
    delete (partial.applications as Record<string, unknown>).total;
    const html = renderHtml(partial as unknown as Report, { fragment: true });
    expect(html).toContain("六、其他需要报告的事项");
    expect(html).toMatch(/<td id="xxgk-cell-applications-total-total" headers="[^"]+" class="xxgk-blank"><\/td>/);
  });
});
