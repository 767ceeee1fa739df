import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../errors.js";
import { expandInputs } from "./expand.js";

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "xxgk-expand-"));
  for (const path of ["a/2.json", "a/10.json", "a/b/1.json", "a/notes.txt", "a/node_modules/x.json", "a/.hidden/y.json", "c.json"]) {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), "{}");
  }
  mkdirSync(join(root, "empty"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const names = (args: string[]) => expandInputs(args, root).map((file) => file.name);

describe("expandInputs", () => {
  it("walks directories for .json files in code-point order, skipping node_modules and hidden directories", () => {
    expect(names(["a"])).toEqual(["a/10.json", "a/2.json", "a/b/1.json"]);
  });

  it("expands globs the shell left alone", () => {
    expect(names(["a/*.json"])).toEqual(["a/10.json", "a/2.json"]);
    expect(names(["**/1.json"])).toEqual(["a/b/1.json"]);
  });

  it("keeps argument order and drops duplicates", () => {
    expect(names(["c.json", "a/b", "a/b/1.json", "c.json"])).toEqual(["c.json", "a/b/1.json"]);
  });

  it("keeps a missing plain file (reading it reports the error) and standard input", () => {
    expect(expandInputs(["missing.json", "-"], root)).toEqual([
      { path: join(root, "missing.json"), name: "missing.json" },
      { path: "-", name: "<stdin>" },
    ]);
  });

  it("fails when a glob or a directory matches nothing", () => {
    expect(() => expandInputs(["nothing/**/*.json"], root)).toThrow(CliError);
    expect(() => expandInputs(["empty"], root)).toThrow(/no \.json files/);
  });
});
