import type { Report } from "@xxgk/schema/layout";

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
