/**
 * `xxgk export --to parquet`: the long form of the CSV export (one row per cell, the same columns and values) as an
 * Apache Parquet file, written by hyparquet-writer (pure JavaScript, loaded on demand), so a national corpus loads
 * straight into DuckDB, Spark or a warehouse. A blank cell is a null value, never 0.
 */
import { LONG_COLUMNS } from "../export-rows.js";

type Column = (typeof LONG_COLUMNS)[number];

/** The column data being gathered, one array per column of the long form. */
export type ParquetColumns = Record<Column, (string | number | null)[]>;

/** Empty column arrays. */
export function parquetColumns(): ParquetColumns {
  return Object.fromEntries(LONG_COLUMNS.map((column) => [column, []])) as unknown as ParquetColumns;
}

/** Adds the rows of one report, given as the NDJSON long form. */
export function addParquetRows(columns: ParquetColumns, ndjson: string): void {
  for (const line of ndjson.split("\n")) {
    if (line === "") continue;
    const row = JSON.parse(line) as Record<Column, string | number | null>;
    for (const column of LONG_COLUMNS) columns[column].push(row[column] ?? null);
  }
}

/** Parquet types of the columns: year a 32-bit integer, value a double (counts and 万元 amounts alike), text UTF-8. */
const TYPES: Readonly<Record<Column, "STRING" | "INT32" | "DOUBLE">> = {
  file: "STRING",
  body: "STRING",
  year: "INT32",
  edition: "STRING",
  table: "STRING",
  row: "STRING",
  column: "STRING",
  value: "DOUBLE",
  pointer: "STRING",
  problem: "STRING",
};

/** The Parquet file's bytes. */
export async function parquetBytes(columns: ParquetColumns): Promise<Uint8Array> {
  const { parquetWriteBuffer } = await import("hyparquet-writer");
  const buffer = parquetWriteBuffer({
    columnData: LONG_COLUMNS.map((name) => ({ name, data: columns[name], type: TYPES[name], nullable: true })),
  });
  return new Uint8Array(buffer);
}
