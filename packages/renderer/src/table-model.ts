/**
 * The official tables as grids of merged cells, derived from the layout data of `@xxgk/schema` only.
 * HTML and DOCX both draw these grids; Markdown and plain text flatten them.
 */
import {
  cellsOf,
  layoutOf,
  type CellInfo,
  type Edition,
  type SectionKey,
  type SectionLayout,
  type TableKey,
} from "@xxgk/schema/layout";

/** What a header cell is, for styling. */
export type HeaderVariant = "note" | "caption" | "columnGroup" | "column" | "rowGroup" | "row";

/** A header cell (`<th>`): an official label, possibly merged over rows and columns. */
export interface HeaderCell {
  readonly kind: "header";
  /** Id unique within the report, without the document prefix. */
  readonly id: string;
  readonly text: string;
  readonly rowSpan: number;
  readonly columnSpan: number;
  /** `col` headers label the cells below, `row` headers the cells to their right; the note labels nothing. */
  readonly scope: "col" | "row" | null;
  readonly variant: HeaderVariant;
  /** Row-group depth (表三) for styling; 0 elsewhere. */
  readonly depth: number;
}

/** A data cell (`<td>`): one numeric cell of the report. */
export interface DataCell {
  readonly kind: "data";
  /** Id unique within the report, without the document prefix, derived from the pointer. */
  readonly id: string;
  readonly info: CellInfo;
  readonly columnSpan: number;
  /** Ids of the header cells that label this cell, outermost first. */
  readonly headers: readonly string[];
}

/** A cell of a grid row. */
export type GridCell = HeaderCell | DataCell;

/** A row of a grid. */
export interface GridRow {
  readonly cells: readonly GridCell[];
  /**
   * Keep this row on the same page as the next one: set on every row of a small merged group but its last (表二's
   * blocks, 表三's （三）…（六）), so that a printed page never shows a group's rows without its merged label.
   */
  readonly keepWithNext?: boolean;
}

/** One official table as a grid. */
export interface TableModel {
  readonly key: TableKey;
  /** `表二`, `表三`, `表四`. */
  readonly name: string;
  readonly section: SectionLayout;
  readonly columnCount: number;
  /** Header rows (`<thead>`, repeated on every page in Word). */
  readonly head: readonly GridRow[];
  /**
   * Row groups (`<tbody>`, kept on one page in print where they fit): 表二 has one per captioned block, 表三 one
   * per top-level row (一、二、四) or group (三、本年度办理结果).
   */
  readonly bodies: readonly (readonly GridRow[])[];
  /** Relative column widths. */
  readonly columnWeights: readonly number[];
  /** Where a row pointer (`/applications/total`) is labelled: row key → header id. */
  readonly rowHeaders: ReadonlyMap<string, string>;
}

/** Id of the data cell at a JSON Pointer (without the document prefix). */
export function cellIdOf(pointer: string): string {
  return `cell${pointer.replace(/\//g, "-").replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

function header(
  id: string,
  text: string,
  variant: HeaderVariant,
  scope: "col" | "row" | null,
  rowSpan = 1,
  columnSpan = 1,
  depth = 0,
): HeaderCell {
  return { kind: "header", id, text, rowSpan, columnSpan, scope, variant, depth };
}

function cellLookup(edition: Edition): (section: SectionKey, row: string, column: string) => CellInfo {
  const byPath = new Map(cellsOf(edition).map((cell) => [cell.path.join("/"), cell]));
  return (section, row, column) => {
    const cell = byPath.get(`${section}/${row}/${column}`);
    if (!cell) throw new Error(`layout has no cell ${section}/${row}/${column}`);
    return cell;
  };
}

function sectionOf(edition: Edition, table: TableKey): SectionLayout {
  const section = layoutOf(edition).sections.find((candidate) => candidate.table === table);
  if (!section) throw new Error(`layout has no section for ${table}`);
  return section;
}

function dataCell(info: CellInfo, headers: readonly string[], columnSpan = 1): DataCell {
  return { kind: "data", id: cellIdOf(info.pointer), info, columnSpan, headers };
}

/**
 * 表二: one row group per block of 第二十条, opened by the caption over the full width and the block's own
 * column labels. Blocks with fewer columns than the widest let their last column span the rest, as the official
 * template does.
 */
function table2Model(edition: Edition): TableModel {
  const layout = layoutOf(edition).table2;
  const cell = cellLookup(edition);
  const dataColumns = Math.max(...layout.blocks.map((block) => block.columns.length));
  const columnCount = dataColumns + 1;
  const rowHeaders = new Map<string, string>();
  const bodies = layout.blocks.map((block) => {
    const captionId = `t2-${block.key}`;
    const span = (index: number) => (index === block.columns.length - 1 ? dataColumns - block.columns.length + 1 : 1);
    const rows: GridRow[] = [
      { cells: [header(captionId, block.caption, "caption", null, 1, columnCount)] },
      {
        cells: [
          header(`${captionId}-rowheader`, block.rowHeader, "column", "col"),
          ...block.columns.map((column, index) =>
            header(`${captionId}-${column.key}`, column.label, "column", "col", 1, span(index)),
          ),
        ],
      },
    ];
    block.rows.forEach((row, index) => {
      const rowId = `t2-row-${row.key}`;
      rowHeaders.set(row.key, rowId);
      rows.push({
        keepWithNext: index < block.rows.length - 1,
        cells: [
          header(rowId, row.label, "row", "row"),
          ...block.columns.map((column, index) =>
            dataCell(cell("proactiveDisclosure", row.key, column.key), [captionId, rowId, `${captionId}-${column.key}`], span(index)),
          ),
        ],
      });
    });
    // The caption and the column labels stay with the block's first row.
    return rows.map((row, index) => (index < 2 ? { ...row, keepWithNext: true } : row));
  });
  return {
    key: "table2",
    name: layout.name,
    section: sectionOf(edition, "table2"),
    columnCount,
    head: [],
    bodies,
    columnWeights: [4, ...Array.from({ length: dataColumns }, () => 2)],
    rowHeaders,
  };
}

/**
 * 表三: the note in the top-left corner, 申请人情况 over the seven applicant columns, 法人或其他组织 over its five;
 * row labels nested in as many columns as the deepest row needs, group cells spanning their rows.
 */
function table3Model(edition: Edition): TableModel {
  const layout = layoutOf(edition).table3;
  const cell = cellLookup(edition);
  const labelColumns = Math.max(...layout.rows.map((row) => row.depth)) + 1;
  const grouped = layout.columns.filter((column) => column.group !== null);
  const headRowCount = grouped.length > 0 ? 3 : 2;
  const columnGroupId = "t3-colgroup";
  const columnId = (key: string) => `t3-col-${key}`;

  const head: GridRow[] = [
    {
      cells: [
        header("t3-note", layout.note, "note", null, headRowCount, labelColumns),
        header("t3-header", layout.header, "columnGroup", "col", 1, layout.columns.length),
      ],
    },
  ];
  const second: GridCell[] = [];
  for (const column of layout.columns) {
    if (column.group === null) second.push(header(columnId(column.key), column.label, "column", "col", headRowCount - 1));
    else if (column.key === layout.columnGroup.firstColumn)
      second.push(header(columnGroupId, layout.columnGroup.label, "columnGroup", "col", 1, layout.columnGroup.columnSpan));
  }
  head.push({ cells: second });
  if (grouped.length > 0) head.push({ cells: grouped.map((column) => header(columnId(column.key), column.label, "column", "col")) });

  const groupIds = new Map<string, string>();
  for (const group of layout.rowGroups) groupIds.set(`${group.depth}:${group.label}`, `t3-group-${group.firstRow}-${group.depth}`);
  const rowHeaders = new Map<string, string>();
  // A row is kept with the next while both sit in the same group below the top level (（三）不予公开 …).
  const innerGroupOf = (row: (typeof layout.rows)[number]) => (row.groups.length > 1 ? row.groups.join("\u0000") : null);
  const body: GridRow[] = layout.rows.map((row, index) => {
    const cells: GridCell[] = [];
    for (const group of layout.rowGroups) {
      if (group.firstRow === row.key)
        cells.push(header(groupIds.get(`${group.depth}:${group.label}`)!, group.label, "rowGroup", "row", group.rowSpan, 1, group.depth));
    }
    const rowId = `t3-row-${row.key}`;
    rowHeaders.set(row.key, rowId);
    cells.push(header(rowId, row.label, "row", "row", 1, labelColumns - row.depth, row.depth));
    const rowGroupIds = row.groups.map((label, depth) => groupIds.get(`${depth}:${label}`)!);
    for (const column of layout.columns) {
      const columnHeaders = column.group === null ? [columnId(column.key)] : [columnGroupId, columnId(column.key)];
      cells.push(dataCell(cell("applications", row.key, column.key), [...columnHeaders, ...rowGroupIds, rowId]));
    }
    const next = layout.rows[index + 1];
    const group = innerGroupOf(row);
    return group !== null && next !== undefined && innerGroupOf(next) === group ? { cells, keepWithNext: true } : { cells };
  });
  // One row group per top-level row or group: 三、本年度办理结果's merged cell spans only its own rows.
  const bodies: GridRow[][] = [];
  layout.rows.forEach((row, index) => {
    const previous = layout.rows[index - 1];
    if (previous === undefined || row.groups.length === 0 || previous.groups[0] !== row.groups[0]) bodies.push([]);
    bodies.at(-1)!.push(body[index]!);
  });

  const labelWeights = Array.from({ length: labelColumns }, (_, index) => (index === labelColumns - 1 ? 9 : 2));
  return {
    key: "table3",
    name: layout.name,
    section: sectionOf(edition, "table3"),
    columnCount: labelColumns + layout.columns.length,
    head,
    bodies,
    columnWeights: [...labelWeights, ...layout.columns.map(() => 2.4)],
    rowHeaders,
  };
}

/**
 * 表四: 行政复议 and 行政诉讼 on the first header row; under 行政诉讼 its two groups; the five result columns
 * under each group; one data row.
 */
function table4Model(edition: Edition): TableModel {
  const layout = layoutOf(edition).table4;
  const cell = cellLookup(edition);
  const hasParents = layout.groups.some((group) => group.parent !== null);
  const width = layout.columns.length;
  const groupId = (key: string) => `t4-${key}`;
  const columnId = (group: string, column: string) => `t4-${group}-${column}`;
  const parentIds = new Map<string, string>();

  const first: GridCell[] = [];
  const second: GridCell[] = [];
  const third: GridCell[] = [];
  layout.groups.forEach((group, index) => {
    if (group.parent === null) {
      first.push(header(groupId(group.key), group.label, "columnGroup", "col", 1, width));
      for (const column of layout.columns)
        second.push(header(columnId(group.key, column.key), column.label, "column", "col", hasParents ? 2 : 1));
      return;
    }
    const previous = layout.groups[index - 1];
    if (!previous || previous.parent !== group.parent) {
      let count = 0;
      for (let next = index; layout.groups[next]?.parent === group.parent; next += 1) count += 1;
      const id = `t4-parent-${group.key}`;
      first.push(header(id, group.parent, "columnGroup", "col", 1, width * count));
      parentIds.set(group.key, id);
    } else {
      parentIds.set(group.key, parentIds.get(previous.key)!);
    }
    second.push(header(groupId(group.key), group.label, "columnGroup", "col", 1, width));
    for (const column of layout.columns) third.push(header(columnId(group.key, column.key), column.label, "column", "col"));
  });
  const head = hasParents ? [{ cells: first }, { cells: second }, { cells: third }] : [{ cells: first }, { cells: second }];

  const dataRow: GridCell[] = [];
  const rowHeaders = new Map<string, string>();
  for (const group of layout.groups) {
    rowHeaders.set(group.key, groupId(group.key));
    const parent = parentIds.get(group.key);
    for (const column of layout.columns) {
      const headers = [...(parent ? [parent] : []), groupId(group.key), columnId(group.key, column.key)];
      dataRow.push(dataCell(cell("reviewAndLitigation", group.key, column.key), headers));
    }
  }
  return {
    key: "table4",
    name: layout.name,
    section: sectionOf(edition, "table4"),
    columnCount: layout.groups.length * width,
    head,
    bodies: [[{ cells: dataRow }]],
    columnWeights: dataRow.map(() => 1),
    rowHeaders,
  };
}

const MODELS = new Map<Edition, Readonly<Record<TableKey, TableModel>>>();

/** The grids of the three official tables of an edition (built once, then cached). */
export function tableModels(edition: Edition): Readonly<Record<TableKey, TableModel>> {
  let models = MODELS.get(edition);
  if (!models) {
    models = { table2: table2Model(edition), table3: table3Model(edition), table4: table4Model(edition) };
    MODELS.set(edition, models);
  }
  return models;
}
