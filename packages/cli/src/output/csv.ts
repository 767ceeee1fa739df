/**
 * CSV that Excel opens correctly with Chinese text: UTF-8 with a byte order mark, CRLF line ends, RFC 4180 quoting.
 */

/** The UTF-8 byte order mark Excel needs to read a CSV file as UTF-8. */
export const UTF8_BOM = "\ufeff";

/** Quotes one field when it contains a comma, a quote, a line break or leading/trailing spaces. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}
