import { afterEach, describe, expect, it } from "vitest";
import { beijingDate, beijingNoon, beijingYear } from "./beijing-date.js";

const originalTz = process.env.TZ;
afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("Beijing dates", () => {
  it("gives the calendar date in Asia/Shanghai, whatever the machine's time zone", () => {
    for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Shanghai"]) {
      process.env.TZ = zone;
      // 16:30 UTC on 31 December is 00:30 on 1 January in Beijing.
      expect(beijingDate(new Date("2024-12-31T16:30:00Z")), zone).toBe("2025-01-01");
      expect(beijingYear(new Date("2024-12-31T16:30:00Z")), zone).toBe(2025);
      expect(beijingDate(new Date("2024-12-31T15:59:59Z")), zone).toBe("2024-12-31");
      expect(beijingDate(beijingNoon("2024-02-29")), zone).toBe("2024-02-29");
    }
  });
});
