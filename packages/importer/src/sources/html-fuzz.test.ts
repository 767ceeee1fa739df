import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceDocument } from "../source-document.js";
import { readHtml, SourceReadError } from "./index.js";

/** Words without markup characters or whitespace, Chinese and ASCII. */
const word = fc.stringMatching(/^[一二三四五六七八九十申请公开总计A-Za-z0-9（）、.]{1,6}$/u);
const span = fc.oneof(fc.constant(""), fc.constantFrom(" rowspan=2", " colspan=3", " rowspan=0", " colspan=x", " rowspan=-1", " colspan=40", " rowspan=70000"));

/** Well-formed pages: text only inside blocks and cells, so reading order can be checked exactly. */
const page = fc.letrec<{ flow: string; table: string; cell: string }>((tie) => ({
  flow: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    word.map((text) => `<p>${text}</p>`),
    word.map((text) => `<div><span>${text}</span><br></div>`),
    tie("table"),
    fc.array(tie("flow"), { maxLength: 4 }).map((items) => `<div>${items.join("")}</div>`),
  ),
  table: fc.array(fc.array(tie("cell"), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }).map(
    (rows) => `<table>${rows.map((cells) => `<tr>${cells.join("")}</tr>`).join("")}</table>`,
  ),
  cell: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.tuple(span, word).map(([attributes, text]) => `<td${attributes}>${text}</td>`),
    fc.tuple(span, fc.array(tie("flow"), { maxLength: 3 })).map(([attributes, items]) => `<th${attributes}>${items.join("")}</th>`),
  ),
})).flow;

const allText = (document: SourceDocument) => document.lines.flatMap((line) => line.cells.map((cell) => cell.text)).join("").replaceAll(" ", "");
const wordsOf = (html: string) => html.replace(/<[^>]*>/gu, "").replaceAll(" ", "");

describe("readHtml fuzzed", () => {
  it("keeps every word of a well-formed page, in reading order, with sane grids", () => {
    fc.assert(
      fc.property(fc.array(page, { minLength: 1, maxLength: 4 }), (parts) => {
        const html = `<html><head><title>t</title><script>if (a < b) {}</script></head><body>${parts.join("")}</body></html>`;
        const document = readHtml(html);
        expect(allText(document)).toBe(wordsOf(parts.join("")));
        for (const line of document.lines) {
          expect(line.cells.length).toBeGreaterThan(0);
          for (const cell of line.cells) expect(cell.text).toBe(cell.text.trim().replace(/\s+/gu, " "));
          if (line.table) {
            const columns = line.cells.map((cell) => cell.gridColumn!);
            for (let index = 1; index < columns.length; index++) {
              expect(columns[index]!).toBeGreaterThanOrEqual(columns[index - 1]! + (line.cells[index - 1]!.colSpan ?? 1));
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never throws anything but SourceReadError on markup soup, and stays fast", () => {
    const token = fc.oneof(
      fc.constantFrom("<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th colspan=2>", "<td rowspan=3>", "<p>", "</p>", "<div>", "</div>", "<br>", "</br>", "<li>", "<ul>", "</ul>",
        "<script>", "</script>", "<style>", "<!--", "-->", "<title>", "</title>", "<head>", "<body>", "&nbsp;", "&#x4e00;", "&amp", "<", ">", "<svg><title>x</title></svg>", "<tbody>", "<caption>", "<td hidden>", "<p style='display:none'>"),
      fc.string({ maxLength: 5 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 200 }), (tokens) => {
        const started = performance.now();
        try {
          readHtml(tokens.join(""));
        } catch (error) {
          expect(error).toBeInstanceOf(SourceReadError);
        }
        expect(performance.now() - started).toBeLessThan(500);
      }),
      { numRuns: 500 },
    );
  });

  it("never throws anything but SourceReadError on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        try {
          readHtml(bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(SourceReadError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
