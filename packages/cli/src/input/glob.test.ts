import { describe, expect, it } from "vitest";
import { globToRegExp, hasGlobSyntax, splitGlob } from "./glob.js";

describe("globToRegExp", () => {
  const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

  it("matches * within one segment and ** across segments", () => {
    expect(matches("*.json", "a.json")).toBe(true);
    expect(matches("*.json", "dir/a.json")).toBe(false);
    expect(matches("**/*.json", "a.json")).toBe(true);
    expect(matches("**/*.json", "x/y/a.json")).toBe(true);
    expect(matches("x/**", "x/y/z.json")).toBe(true);
    expect(matches("**/*.json", "a.jsonl")).toBe(false);
  });

  it("supports ?, character classes and braces", () => {
    expect(matches("202?.json", "2023.json")).toBe(true);
    expect(matches("202[0-2].json", "2023.json")).toBe(false);
    expect(matches("202[!0-2].json", "2023.json")).toBe(true);
    expect(matches("{2019,2023}/*.json", "2023/a.json")).toBe(true);
    expect(matches("{2019,2023}/*.json", "2021/a.json")).toBe(false);
  });

  it("treats regex characters literally", () => {
    expect(matches("a+b(1).json", "a+b(1).json")).toBe(true);
    expect(matches("a.json", "abjson")).toBe(false);
  });
});

describe("splitGlob", () => {
  it("splits the static directory from the pattern", () => {
    expect(splitGlob("reports/2023/**/*.json")).toEqual({ base: "reports/2023", pattern: "**/*.json" });
    expect(splitGlob("*.json")).toEqual({ base: ".", pattern: "*.json" });
    expect(hasGlobSyntax("reports/a.json")).toBe(false);
  });
});
