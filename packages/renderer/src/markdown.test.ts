import { cellsOf, EDITIONS, formatCellValue, layoutOf, SECTION_LAYOUTS } from "@xxgk/schema";
import { describe, expect, it } from "vitest";
import { exampleReport, numberedReport } from "../test/fixtures.js";
import { marked } from "marked";
import { renderMarkdown } from "./markdown.js";
import { readValue } from "./values.js";

/** Splits a GFM table row into its cells, honouring `\|`. */
function cellsOfRow(line: string): string[] {
  return line
    .slice(2, -2)
    .split(/(?<!\\) \| /)
    .map((cell) => cell.trim());
}

function tableRows(markdown: string): string[][] {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| --- |"))
    .map(cellsOfRow);
}

describe.each(EDITIONS)("renderMarkdown, edition %s", (edition) => {
  const report = numberedReport(edition);
  const markdown = renderMarkdown(report);

  it("has the title, the six headings as level-2 headings and the part titles as level 3", () => {
    const headings = markdown.split("\n").filter((line) => line.startsWith("#"));
    expect(headings).toEqual([
      "# 某某市某某局" + (edition === "2021" ? "2023" : "2020") + "年政府信息公开工作年度报告",
      "## " + SECTION_LAYOUTS[0]!.heading,
      "### （一）主动公开情况",
      "### （二）依申请公开情况",
      ...SECTION_LAYOUTS.slice(1, 5).map((section) => `## ${section.heading}`),
      "## " + SECTION_LAYOUTS[5]!.heading,
      "### （一）信息处理费收取情况",
    ]);
  });

  it("writes each table row with a full label and every value; blanks stay empty", () => {
    const rows = tableRows(markdown);
    const byLabel = new Map(rows.map((cells) => [cells[0], cells.slice(1)]));
    for (const cell of cellsOf(edition)) {
      let label: string;
      let columns: string[];
      if (cell.table === "table2") {
        label = cell.labels.row;
        const block = layoutOf(edition).table2.blocks.find((candidate) => candidate.caption === cell.labels.caption)!;
        columns = block.columns.map((column) => column.label);
      } else if (cell.table === "table3") {
        label = [...cell.labels.rowGroups, cell.labels.row].join(" / ");
        columns = layoutOf(edition).table3.columns.map((column) => column.label);
      } else {
        label = [...cell.labels.rowGroups, cell.labels.row].join(" / ");
        columns = layoutOf(edition).table4.columns.map((column) => column.label);
      }
      const values = byLabel.get(label);
      expect(values, label).toBeDefined();
      expect(values![columns.indexOf(cell.labels.column)]).toBe(formatCellValue(readValue(report, cell.path)));
    }
  });

  it("flattens merged headers into full column labels and keeps every row the same width", () => {
    const lines = markdown.split("\n");
    const header3 = lines.find((line) => line.startsWith("| （本列数据"))!;
    expect(cellsOfRow(header3)).toEqual([
      layoutOf(edition).table3.note,
      "申请人情况 / 自然人",
      "申请人情况 / 法人或其他组织 / 商业企业",
      "申请人情况 / 法人或其他组织 / 科研机构",
      "申请人情况 / 法人或其他组织 / 社会公益组织",
      "申请人情况 / 法人或其他组织 / 法律服务机构",
      "申请人情况 / 法人或其他组织 / 其他",
      "申请人情况 / 总计",
    ]);
    expect(markdown).toContain("| 行政诉讼 / 未经复议直接起诉 |");
    expect(markdown).toContain("| 三、本年度办理结果 / （三）不予公开 / 1.属于国家秘密 |");
    // Every table: header, delimiter and rows have the same number of cells.
    const blocks = markdown.split("\n\n").filter((block) => block.startsWith("| "));
    expect(blocks).toHaveLength(layoutOf(edition).table2.blocks.length + 2);
    for (const block of blocks) {
      const widths = block.split("\n").map((line) => line.split(/(?<!\\)\|/).length);
      expect(new Set(widths).size).toBe(1);
    }
  });
});

describe("renderMarkdown escaping", () => {
  it("keeps report text as text: no headings, lists, HTML or broken tables from it", () => {
    const report = exampleReport();
    report.meta.title = "# <b>标题</b> | 第一";
    report.overview = {
      paragraphs: ["# 不是标题", "- 不是列表", "1. 不是编号", "<script>alert(1)</script>", "a | b", "**不加粗**", "&amp; 原样"],
    };
    const markdown = renderMarkdown(report);
    const lines = markdown.split("\n");
    expect(lines[0]).toBe("# \\# \\<b\\>标题\\</b\\> \\| 第一");
    expect(lines.filter((line) => /^#{1,6} /.test(line))).toHaveLength(9);
    expect(markdown).toContain("\n\\# 不是标题\n");
    expect(markdown).toContain("\n\\- 不是列表\n");
    expect(markdown).toContain("\n1\\. 不是编号\n");
    expect(markdown).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(markdown).toContain("\na \\| b\n");
    expect(markdown).toContain("\\*\\*不加粗\\*\\*");
    expect(markdown).toContain("\\&amp; 原样");
    expect(markdown).not.toMatch(/(?<!\\)</);
  });

  it("turns line breaks inside a paragraph into hard breaks and drops control characters", () => {
    const report = exampleReport();
    report.overview = { paragraphs: ["第一行\r\n第二行\u0007\u001b[31m"] };
    expect(renderMarkdown(report)).toContain("\n第一行\\\n第二行\\[31m\n");
  });
});

describe("renderMarkdown: report text never becomes markup (issue 13)", () => {
  // marked follows GitHub Flavored Markdown, extended autolinks included.
  const html = (markdown: string) => marked.parse(markdown, { gfm: true, breaks: false, async: false }) as string;

  it("keeps a body that looks like a list item, an ordered item or a thematic break as text in the signature", () => {
    for (const body of ["- 某某局", "1. 某某局", "---", "+ 某某局", "===", "> 引用", "* * *", "1) 某某局"]) {
      const report = { ...exampleReport(), meta: { ...exampleReport().meta, body } };
      const rendered = html(renderMarkdown(report));
      const signature = rendered.trim().split("\n").at(-1)!;
      expect(signature, body).toMatch(/^<p>/);
      expect(signature).not.toMatch(/<(ul|ol|li|hr|blockquote|h\d)\b/);
      expect(signature).toContain(body.replace(/>/g, "&gt;"));
    }
  });

  it("never turns a URL, www address or e-mail address in any text into a link, and keeps the hard break after it", () => {
    const report = exampleReport();
    const texts = ["见 https://evil.example/x", "访问 www.evil.example 了解", "来信 someone@evil.example", "mailto:a@b.cn"];
    const withLinks = {
      ...report,
      meta: { ...report.meta, body: "某某局 http://evil.example", title: "报告 www.evil.example" },
      overview: { ...report.overview, paragraphs: [`${texts[0]}\n下一行`, ...texts.slice(1)] },
    };
    const rendered = html(renderMarkdown(withLinks));
    expect(rendered).not.toContain("<a ");
    expect(rendered).toContain("见 https://evil.example/x<br>下一行");
    for (const text of texts) expect(rendered).toContain(text);
  });
});
