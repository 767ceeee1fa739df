import { describe, expect, it } from "vitest";
import { displayWidth } from "./text.js";

describe("displayWidth", () => {
  it("counts Chinese characters and full-width punctuation as two cells", () => {
    expect(displayWidth("石嘴山市")).toBe(8);
    expect(displayWidth("（七）总计")).toBe(10);
    expect(displayWidth("a，b")).toBe(4);
  });

  it("counts combining marks, zero-width joiners and control characters as nothing", () => {
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("a\u200db\ufe0f")).toBe(2);
    expect(displayWidth("\u0007")).toBe(0);
    expect(displayWidth("😀")).toBe(2);
  });
});
