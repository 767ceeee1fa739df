/**
 * Reading a block copied from Excel or WPS: tab-separated rows, cells quoted when they hold a tab, a quote or a
 * line break. Papa Parse reads that dialect; this module only trims the trailing line break spreadsheets add.
 */
import Papa from "papaparse";

/** The rows and cells of clipboard text; a single value is a 1×1 block. */
export function parseClipboardTable(text: string): string[][] {
  const body = text.replace(/\r?\n$/, "");
  if (body === "") return [];
  if (!body.includes("\t") && !body.includes("\n")) return [[body]];
  const parsed = Papa.parse<string[]>(body, { delimiter: "\t", newline: body.includes("\r\n") ? "\r\n" : "\n", quoteChar: '"' });
  return parsed.data.map((row) => row.map((cell) => cell.trim()));
}
