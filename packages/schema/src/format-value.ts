/**
 * How a cell's value is written out for people (renderer) and datasets (CLI export): one function, so every output
 * writes the same figure the same way.
 */

/**
 * The text of a cell value: `""` for a blank cell (null) or a missing one, the integer as is, and a decimal with the
 * floating-point noise of binary arithmetic removed (`0.30000000000000004` → `0.3`) and never in exponent notation
 * (`1e-7` → `0.0000001`). The value itself is not rounded beyond 15 significant digits, the precision a double holds.
 */
export function formatCellValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return Object.is(value, -0) ? "0" : String(value);
  const clean = Number(value.toPrecision(15));
  const text = String(clean);
  if (!/e/i.test(text)) return text;
  // Exponent notation: write the digits out instead.
  const fixed = Math.abs(clean) < 1 ? clean.toFixed(20) : BigInt(Math.round(clean)).toString();
  return fixed.includes(".") ? fixed.replace(/0+$/, "").replace(/\.$/, "") : fixed;
}
