/**
 * CSV that Excel opens correctly with Chinese text: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting;
 * text that Excel would run as a formula is neutralised, figures are written with formatCellValue.
 */
import { formatCellValue } from "@xxgk/schema/layout";

/** The UTF-8 byte order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = "\ufeff";

/** Text starting like a formula (`=`, `+`, `-`, `@`, tab, carriage return), as `xxgk validate --format csv` guards it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field. A string is text: prefixed with `'` when Excel would read it as a formula (`=HYPERLINK(…)` in a body's
 * name), then quoted when it contains a comma, a quote, a line break or leading/trailing spaces. A number is a figure:
 * never prefixed (a negative 本年增/减 stays a number), written by formatCellValue (no `1e-7`, no float noise).
 * `null`/`undefined` (a blank cell) is empty, never 0.
 */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "number" ? formatCellValue(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
