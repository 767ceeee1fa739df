/**
 * Reviewed renderings of the committed example, kept as files a person reads in code review: a change to the
 * output shows up as a diff of these files.
 */
import { expect, it } from "vitest";
import { exampleReport } from "../test/fixtures.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./plain-text.js";

it("renders the example as the reviewed Markdown", async () => {
  await expect(renderMarkdown(exampleReport())).toMatchFileSnapshot("../test/__snapshots__/2023-shizuishan-shangwuju.md");
});

it("renders the example as the reviewed plain text", async () => {
  await expect(renderText(exampleReport())).toMatchFileSnapshot("../test/__snapshots__/2023-shizuishan-shangwuju.txt");
});
