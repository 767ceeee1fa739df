import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { EDITIONS, LAYOUTS, SECTION_LAYOUTS, type Edition } from "../src/index.js";

/** A copy of the official wording list (shared/docs/format-labels.json), kept in the repo. */
interface OfficialLabels {
  editions: Record<
    Edition,
    {
      basis: string;
      sections: string[];
      table2: { caption: string; columns: string[]; rows: string[] }[];
      table3: { header: string; note: string; columns: { label: string; group: string | null }[]; rows: { label: string; group: string | null }[] };
      table4: { groups: { label: string; parent: string | null }[]; columns: string[] };
    }
  >;
}

const official = JSON.parse(
  readFileSync(new URL("./fixtures/format-labels.json", import.meta.url), "utf8"),
) as OfficialLabels;

describe.each(EDITIONS)("edition %s labels match the official wording character for character", (edition) => {
  const layout = LAYOUTS[edition];
  const expected = official.editions[edition];

  it("basis and section headings", () => {
    expect(layout.basis).toBe(expected.basis);
    expect(SECTION_LAYOUTS.map((section) => section.heading)).toEqual(expected.sections);
    expect(layout.sections.map((section) => `${section.number}、${section.title}`)).toEqual(expected.sections);
  });

  it("表二 captions, columns and rows", () => {
    expect(
      layout.table2.blocks.map((block) => ({
        caption: block.caption,
        columns: [block.rowHeader, ...block.columns.map((column) => column.label)],
        rows: block.rows.map((row) => row.label),
      })),
    ).toEqual(expected.table2);
  });

  it("表三 header, note, columns and rows with their groups", () => {
    expect(layout.table3.header).toBe(expected.table3.header);
    expect(layout.table3.note).toBe(expected.table3.note);
    expect(layout.table3.columns.map(({ label, group }) => ({ label, group }))).toEqual(expected.table3.columns);
    expect(
      layout.table3.rows.map((row) => ({ label: row.label, group: row.groups.length ? row.groups.join(" / ") : null })),
    ).toEqual(expected.table3.rows);
  });

  it("表四 groups and columns", () => {
    expect(layout.table4.groups.map(({ label, parent }) => ({ label, parent }))).toEqual(expected.table4.groups);
    expect(layout.table4.columns.map((column) => column.label)).toEqual(expected.table4.columns);
  });
});

describe("merged cells derived from the layout", () => {
  it("三、本年度办理结果 spans 22 rows in 2021 and 20 in 2019", () => {
    const span = (edition: Edition) =>
      LAYOUTS[edition].table3.rowGroups.find((group) => group.label === "三、本年度办理结果")?.rowSpan;
    expect(span("2021")).toBe(22);
    expect(span("2019")).toBe(20);
  });

  it("（三）不予公开 spans 8 rows; （六）其他处理 is a group of 3 in 2021 and a data row in 2019", () => {
    const groups2021 = LAYOUTS["2021"].table3.rowGroups;
    expect(groups2021.find((group) => group.label === "（三）不予公开")).toMatchObject({ rowSpan: 8, depth: 1 });
    expect(groups2021.find((group) => group.label === "（六）其他处理")).toMatchObject({ rowSpan: 3, depth: 1 });
    expect(LAYOUTS["2019"].table3.rowGroups.find((group) => group.label === "（六）其他处理")).toBeUndefined();
    expect(LAYOUTS["2019"].table3.rows.find((row) => row.label === "（六）其他处理")).toMatchObject({ depth: 1 });
  });

  it("every row and column key is unique within its table", () => {
    for (const edition of EDITIONS) {
      const layout = LAYOUTS[edition];
      const rowKeys2 = layout.table2.blocks.flatMap((block) => block.rows.map((row) => row.key));
      expect(new Set(rowKeys2).size).toBe(rowKeys2.length);
      const rowKeys3 = layout.table3.rows.map((row) => row.key);
      expect(new Set(rowKeys3).size).toBe(rowKeys3.length);
    }
  });
});
