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

describe("picomatch behind the globs", () => {
  const matches = (glob: string, path: string) => globToRegExp(glob).test(path);

  it("matches names starting with a dot, as the hand-written matcher did", () => {
    expect(matches("*.json", ".hidden.json")).toBe(true);
  });

  it("handles nested braces and extglobs the old matcher did not", () => {
    expect(matches("{2019,{2022,2023}}/*.json", "2022/a.json")).toBe(true);
    expect(matches("*.+(json|jsonl)", "a.jsonl")).toBe(true);
    expect(matches("!(draft)*.json", "draft-1.json")).toBe(false);
  });

  it("splits absolute globs and brace globs at the last static directory", () => {
    expect(splitGlob("/srv/年报/**/*.json")).toEqual({ base: "/srv/年报", pattern: "**/*.json" });
    expect(splitGlob("reports/{2022,2023}/*.json")).toEqual({ base: "reports", pattern: "{2022,2023}/*.json" });
    expect(hasGlobSyntax("reports/{a,b}.json")).toBe(true);
  });
});

describe("parentheses in file names", () => {
  it("are literal unless they open an extglob", () => {
    const matches = (glob: string, path: string) => globToRegExp(glob).test(path);
    expect(matches("报告(1)*.json", "报告(1)-终稿.json")).toBe(true);
    expect(matches("报告(1)*.json", "报告1-终稿.json")).toBe(false);
    expect(matches("(a)/@(x|y).json", "(a)/y.json")).toBe(true);
  });
});
