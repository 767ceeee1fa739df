/**
 * Every string of a report is text, never markup: hostile strings in every field must not inject an element or an
 * attribute into the HTML, markup into the Markdown, escape sequences into the text, or break the DOCX.
 */
import { SECTION_LAYOUTS, type Prose, type Report } from "@xxgk/schema";
import fc from "fast-check";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { attribute, byTag, elements, parseDocument, textOf } from "../test/html-dom.js";
import { exampleReport } from "../test/fixtures.js";
import { findAll, parseXml, wordText } from "../test/xml.js";
import type { RenderDiagnostic } from "./diagnostic.js";
import { renderDocx } from "./docx.js";
import { renderHtml } from "./html.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./plain-text.js";
import { titleOf } from "./report-parts.js";
import { cleanInline, cleanLines } from "./text.js";

const HOSTILE = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "]]>",
  "<![CDATA[x]]>",
  "<!-- x -->",
  "</textarea></title></style></p></td></table><script>x</script>",
  "&amp;&lt;&#0;&#x1b;&unknown;",
  "</w:t></w:r></w:p><w:p><w:r><w:t>injected",
  "\u0000\u0001\u0008\u000b\u000c\u000e\u001b[31m\u007f\u0085\u009b",
  "\ud800",
  "x\udfffy",
  "\uFFFE\uFFFF",
  "\r\n\t",
  "# heading\n- item\n| a | b |",
  "javascript:alert(1)",
  "\u202Eevil",
];
const HUGE = ["<script>".repeat(12_500), "中".repeat(100_000)];

const hostileString = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE), weight: 4 },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ unit: fc.constantFrom(..."<>&\"'/=]![-\u0000\u001b\ud800\udc00 a中\n"), maxLength: 40 }), weight: 3 },
  { arbitrary: fc.array(fc.constantFrom(...HOSTILE), { maxLength: 4 }).map((parts) => parts.join("")), weight: 2 },
  { arbitrary: fc.constantFrom(...HUGE), weight: 1 },
);

const prose: fc.Arbitrary<Prose> = fc.record({
  paragraphs: fc.array(hostileString, { maxLength: 3 }),
  parts: fc.array(fc.record({ title: hostileString, paragraphs: fc.array(hostileString, { maxLength: 2 }) }), { maxLength: 2 }),
});

const hostileReport: fc.Arbitrary<Report> = fc
  .record({
    body: hostileString,
    title: fc.option(hostileString, { nil: undefined }),
    source: hostileString,
    preamble: prose,
    overview: prose,
    problemsAndImprovements: prose,
    otherMatters: prose,
  })
  .map((fields) => {
    const report = exampleReport();
    report.meta = { ...report.meta, body: fields.body, title: fields.title, source: fields.source };
    report.preamble = fields.preamble;
    report.overview = fields.overview;
    report.problemsAndImprovements = fields.problemsAndImprovements;
    report.otherMatters = fields.otherMatters;
    return report;
  });

const hostileDiagnostics: fc.Arbitrary<RenderDiagnostic[]> = fc.array(
  fc.record({
    ruleId: hostileString,
    severity: fc.constantFrom("error", "warning", "info") as fc.Arbitrary<RenderDiagnostic["severity"]>,
    message: hostileString,
    messageEn: hostileString,
    pointers: fc.array(
      fc.oneof(fc.constantFrom("", "/overview", "/applications/total/total", "/applications/total"), hostileString),
      { maxLength: 3 },
    ),
    pinpoint: fc.record({ pointer: fc.oneof(fc.constant("/applications/total/total"), hostileString), suggested: fc.integer() }),
  }),
  { maxLength: 3 },
);

const ALLOWED_ELEMENTS = new Set([
  "html", "head", "body", "meta", "title", "style", "article", "aside", "section", "header", "footer",
  "h1", "h2", "h3", "p", "table", "caption", "colgroup", "col", "thead", "tbody", "tr", "th", "td",
  "ol", "ul", "li", "span", "code", "strong", "a",
]);
const ALLOWED_ATTRIBUTES = new Set([
  "lang", "charset", "name", "content", "class", "id", "data-edition", "aria-labelledby", "aria-label",
  "aria-describedby", "scope", "rowspan", "colspan", "headers", "tabindex", "title", "data-xxgk-message", "href",
]);

/** The paragraphs the report's prose should print, cleaned as every output cleans them, in document order. */
function expectedParagraphs(report: Report): string[] {
  const texts: string[] = [];
  const add = (paragraphs: readonly string[]) => {
    for (const paragraph of paragraphs) {
      const text = cleanLines(paragraph).trim();
      if (text !== "") texts.push(text);
    }
  };
  for (const value of [report.preamble, ...SECTION_LAYOUTS.map((section) => (report as unknown as Record<string, Prose | undefined>)[section.key])]) {
    if (!value || !Array.isArray(value.paragraphs)) continue;
    add(value.paragraphs);
    for (const part of value.parts ?? []) add(part.paragraphs);
  }
  return texts;
}

describe("hostile strings", () => {
  it("never inject an element or attribute into the HTML, and come back out as the same text", () => {
    fc.assert(
      fc.property(hostileReport, hostileDiagnostics, fc.constantFrom("zh", "en") as fc.Arbitrary<"zh" | "en">, (report, diagnostics, lang) => {
        const root = parseDocument(renderHtml(report, { diagnostics, lang }));
        for (const element of elements(root)) {
          expect(ALLOWED_ELEMENTS.has(element.tagName), element.tagName).toBe(true);
          for (const attr of element.attrs) expect(ALLOWED_ATTRIBUTES.has(attr.name), attr.name).toBe(true);
        }
        expect(byTag(root, "style")).toHaveLength(1);
        expect(textOf(byTag(root, "h1")[0]!)).toBe(cleanInline(titleOf(report)));
        expect(textOf(byTag(root, "title")[0]!)).toBe(cleanInline(titleOf(report)));
        const article = byTag(root, "article")[0]!;
        const paragraphs = byTag(article, "p").map(textOf);
        expect(paragraphs.slice(0, -1)).toEqual(expectedParagraphs(report));
        expect(paragraphs.at(-1)).toBe(cleanInline(report.meta.body));
        // Every link points inside the page.
        for (const link of byTag(root, "a")) expect(attribute(link, "href")).toMatch(/^#xxgk-[A-Za-z0-9_-]+$/);
        // Findings are listed one item each, whatever their text.
        if (diagnostics.length > 0) expect(byTag(root, "li").filter((li) => /^xxgk-finding-\d+$/.test(attribute(li, "id") ?? ""))).toHaveLength(diagnostics.length);
      }),
      { numRuns: 150 },
    );
  });

  it("never turn into Markdown markup or terminal escape sequences", () => {
    fc.assert(
      fc.property(hostileReport, (report) => {
        const markdown = renderMarkdown(report);
        const headings = markdown.split("\n").filter((line) => /^#{1,6} /.test(line));
        const parts = [report.preamble, report.overview, report.problemsAndImprovements, report.otherMatters].flatMap((value) => value?.parts ?? []);
        expect(headings).toHaveLength(1 + SECTION_LAYOUTS.length + parts.length);
        expect(markdown).not.toMatch(/(?<!\\)[<>]/);
        expect(markdown).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        for (const block of markdown.split("\n\n").filter((candidate) => candidate.startsWith("| "))) {
          expect(new Set(block.split("\n").map((line) => line.split(/(?<!\\)\|/).length)).size).toBe(1);
        }
        const text = renderText(report);
        expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
        expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
      { numRuns: 150 },
    );
  });

  it("leave the DOCX a valid document whose every part is well-formed XML", async () => {
    await fc.assert(
      fc.asyncProperty(hostileReport, async (report) => {
        const zip = await JSZip.loadAsync(await renderDocx(report));
        for (const name of Object.keys(zip.files).filter((file) => /\.(xml|rels)$/.test(file))) {
          const source = await zip.file(name)!.async("string");
          expect(() => parseXml(source), name).not.toThrow();
        }
        const document = parseXml(await zip.file("word/document.xml")!.async("string"));
        const title = findAll(document, "w:p").find((paragraph) => findAll(paragraph, "w:pStyle")[0]?.attributes["w:val"] === "Title")!;
        expect(wordText(title)).toBe(cleanInline(titleOf(report)));
        const core = parseXml(await zip.file("docProps/core.xml")!.async("string"));
        expect(findAll(core, "dc:creator")[0]!.children.join("")).toBe(cleanInline(report.meta.body));
      }),
      { numRuns: 25 },
    );
  });
});
