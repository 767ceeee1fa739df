/**
 * Date rules read "today" as a Beijing date (issue 13): on a UTC server, a report published today in Beijing is not
 * "after today", and a year that has ended in Beijing has ended.
 */
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { validate } from "./validate.js";

const example = JSON.parse(readFileSync(new URL("../../../examples/2023-shizuishan-shangwuju.json", import.meta.url), "utf8")) as {
  meta: Record<string, unknown>;
};
const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

function failures(meta: Record<string, unknown>, today: Date, ruleId: string) {
  const result = validate({ ...example, meta: { ...example.meta, ...meta } }, { today });
  return result.diagnostics.filter((diagnostic) => diagnostic.ruleId === ruleId && diagnostic.outcome === "fail");
}

describe("date rules in Asia/Shanghai", () => {
  // 00:30 on 1 January 2025 in Beijing; still 31 December 2024 in UTC and west of it.
  const newYearInBeijing = new Date("2024-12-31T16:30:00Z");

  it.each(["UTC", "America/New_York", "Asia/Shanghai"])("with the machine on %s", (zone) => {
    process.env.TZ = zone;
    expect(failures({ year: 2024, publishedOn: "2025-01-01" }, newYearInBeijing, "META-PUBLISHED-ON")).toEqual([]);
    expect(failures({ year: 2024, publishedOn: "2025-01-02" }, newYearInBeijing, "META-PUBLISHED-ON")).toHaveLength(1);
    expect(failures({ year: 2024 }, newYearInBeijing, "META-YEAR-FUTURE")).toEqual([]);
    const [notEnded] = failures({ year: 2025, publishedOn: "2025-01-01" }, newYearInBeijing, "META-YEAR-FUTURE");
    expect(notEnded?.messageEn).toContain("today is 2025-01-01");
  });
});
