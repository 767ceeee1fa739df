import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AtomicFile, checkOutputPath, removePendingTemporaryFiles, writeFileAtomic } from "./atomic.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "xxgk-atomic-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("checkOutputPath", () => {
  it("refuses an existing file without force and accepts it with force", () => {
    writeFileSync(join(dir, "out.html"), "old");
    expect(() => checkOutputPath("out.html", dir, { force: false, inputs: [] })).toThrow(/--force/);
    expect(checkOutputPath("out.html", dir, { force: true, inputs: [] })).toBe(join(dir, "out.html"));
  });

  it("never allows an input as output, even with force", () => {
    writeFileSync(join(dir, "report.json"), "{}");
    expect(() => checkOutputPath("./report.json", dir, { force: true, inputs: [join(dir, "report.json")] })).toThrow(/input/);
  });

  it("refuses a directory that does not exist", () => {
    expect(() => checkOutputPath("missing/out.json", dir, { force: false, inputs: [] })).toThrow(/directory/);
  });
});

describe("AtomicFile", () => {
  it("shows nothing at the target until commit, then the whole content", () => {
    const target = join(dir, "out.csv");
    const file = new AtomicFile(target);
    file.write("a,b\r\n");
    expect(existsSync(target)).toBe(false);
    file.write("1,2\r\n");
    file.commit();
    expect(readFileSync(target, "utf8")).toBe("a,b\r\n1,2\r\n");
    expect(readdirSync(dir)).toEqual(["out.csv"]);
  });

  it("leaves the old file and no temporary file when aborted or interrupted", () => {
    const target = join(dir, "out.json");
    writeFileSync(target, "old");
    const aborted = new AtomicFile(target);
    aborted.write("half");
    aborted.abort();
    const interrupted = new AtomicFile(target);
    interrupted.write("half");
    removePendingTemporaryFiles();
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(readdirSync(dir)).toEqual(["out.json"]);
  });

  it("writes a whole file at once", () => {
    writeFileAtomic(join(dir, "x.txt"), "内容");
    expect(readFileSync(join(dir, "x.txt"), "utf8")).toBe("内容");
  });
});
