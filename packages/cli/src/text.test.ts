import { describe, expect, it } from "vitest";
import { displayWidth } from "./text.js";

describe("displayWidth", () => {
  it("counts Chinese characters and full-width punctuation as two cells", () => {
    expect(displayWidth("石嘴山市")).toBe(8);
    expect(displayWidth("（七）总计")).toBe(10);
    expect(displayWidth("a，b")).toBe(4);
  });

  it("counts combining marks, zero-width joiners and ANSI colours as nothing", () => {
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("\u001b[31m红\u001b[39m")).toBe(2);
    expect(displayWidth("👩‍👩‍👧")).toBe(2);
  });
});
