/**
 * The official tables flattened for Markdown and plain text: every merged cell's label is repeated in full in the
 * row or column it labels (outermost label first), so each row reads on its own.
 */
import { formatCellValue, layoutOf, type Report } from "@xxgk/schema/layout";
import { readValue } from "./values.js";

/** A flattened table: a header row of column labels and rows of a label and values. */
export interface FlatTable {
  /** A caption printed above the table (表二's block caption), or null. */
  readonly caption: string | null;
  /** Label of the row-label column, as segments (may be empty). */
  readonly corner: readonly string[];
  /** Each value column's label, as segments from the outermost merged label to the column's own. */
  readonly columns: readonly (readonly string[])[];
  readonly rows: readonly FlatRow[];
}

/** A row of a flattened table. */
export interface FlatRow {
  /** The row's label as segments from the outermost group to the row's own label. */
  readonly label: readonly string[];
  /** Formatted values; blank cells are "". */
  readonly values: readonly string[];
}

/** The flattened tables of one table section, in order. */
export function flatTables(report: Report, table: "table2" | "table3" | "table4"): FlatTable[] {
  const layout = layoutOf(report.edition);
  if (table === "table2") {
    return layout.table2.blocks.map((block) => ({
      caption: block.caption,
      corner: [block.rowHeader],
      columns: block.columns.map((column) => [column.label]),
      rows: block.rows.map((row) => ({
        label: [row.label],
        values: block.columns.map((column) => formatCellValue(readValue(report, ["proactiveDisclosure", row.key, column.key]))),
      })),
    }));
  }
  if (table === "table3") {
    const table3 = layout.table3;
    return [
      {
        caption: null,
        corner: [table3.note],
        columns: table3.columns.map((column) => [table3.header, ...(column.group === null ? [] : [column.group]), column.label]),
        rows: table3.rows.map((row) => ({
          label: [...row.groups, row.label],
          values: table3.columns.map((column) => formatCellValue(readValue(report, ["applications", row.key, column.key]))),
        })),
      },
    ];
  }
  // 表四 has one data row of fifteen cells; flattened, each group becomes a row of the five result columns.
  const table4 = layout.table4;
  return [
    {
      caption: null,
      corner: [],
      columns: table4.columns.map((column) => [column.label]),
      rows: table4.groups.map((group) => ({
        label: [...(group.parent === null ? [] : [group.parent]), group.label],
        values: table4.columns.map((column) => formatCellValue(readValue(report, ["reviewAndLitigation", group.key, column.key]))),
      })),
    },
  ];
}
