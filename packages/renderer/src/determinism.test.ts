import { EDITIONS } from "@xxgk/schema";
import { afterEach, describe, expect, it, vi } from "vitest";
import { exampleReport, numberedReport } from "../test/fixtures.js";
import type { RenderDiagnostic } from "./diagnostic.js";
import { renderDocx } from "./docx.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./plain-text.js";

const diagnostics: RenderDiagnostic[] = [
  { ruleId: "R1", severity: "error", message: "一加二不等于七加四。", pointers: ["/applications/total/total"], pinpoint: { pointer: "/applications/total/total", suggested: 3 } },
];

afterEach(() => {
  vi.useRealTimers();
});

/** Renders every format of a fresh copy of the report at the given time. */
async function renderAll(edition: "2021" | "2019", time: string) {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(time));
  const report = structuredClone(numberedReport(edition));
  const outputs = {
    html: renderHtml(report),
    fragment: renderHtml(report, { fragment: true }),
    annotated: renderHtml(report, { diagnostics }),
    markdown: renderMarkdown(report),
    text: renderText(report),
    docx: Buffer.from(await renderDocx(report)).toString("base64"),
  };
  vi.useRealTimers();
  return outputs;
}

describe.each(EDITIONS)("deterministic output, edition %s", (edition) => {
  it("renders byte-identical HTML, Markdown, text and DOCX at different times from copies of the report", async () => {
    const first = await renderAll(edition, "2025-03-01T08:00:00Z");
    const second = await renderAll(edition, "2029-12-31T23:59:59Z");
    expect(second).toEqual(first);
  });
});

describe("deterministic output", () => {
  it("does not depend on the order of a report's keys", async () => {
    const report = exampleReport();
    const reversed = JSON.parse(
      JSON.stringify(report, (_key, value: unknown) =>
        value && typeof value === "object" && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value as Record<string, unknown>).reverse())
          : value,
      ),
    ) as typeof report;
    expect(renderHtml(reversed, { diagnostics })).toBe(renderHtml(report, { diagnostics }));
    expect(renderMarkdown(reversed)).toBe(renderMarkdown(report));
    expect(renderText(reversed)).toBe(renderText(report));
    expect(Buffer.from(await renderDocx(reversed)).equals(Buffer.from(await renderDocx(report)))).toBe(true);
  });
});
