import type { Report } from "@xxgk/schema";

/**
 * The text of a numeric cell as the report states it. `null` (blank as published) and a missing cell give the
 * empty string: a blank is never printed as 0.
 */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  if (Object.is(value, -0)) return "0";
  if (Math.abs(value) >= 1e21) return BigInt(Math.trunc(value)).toString();
  const text = String(value);
  // String() switches to exponent notation below 1e-6; fixed notation with the shortest exact digits instead.
  if (!text.includes("e")) return text;
  return value.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/** Reads the value at `[section, row, column]` without trusting the report's shape. */
export function readValue(report: Report, path: readonly [string, string, string]): number | null | undefined {
  const section = (report as unknown as Record<string, unknown>)[path[0]];
  if (section === null || typeof section !== "object") return undefined;
  const row = (section as Record<string, unknown>)[path[1]];
  if (row === null || typeof row !== "object") return undefined;
  const value = (row as Record<string, unknown>)[path[2]];
  if (value === null) return null;
  return typeof value === "number" ? value : undefined;
}
