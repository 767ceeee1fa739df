import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireBuild, startXxgk, tempDir, writeReports, xxgk } from "./helpers.js";

let dir: string;
let names: string[];

beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-batch-");
  // More than the worker threshold, so --jobs 2 really uses worker threads.
  names = writeReports(dir, 600);
});

describe("batch mode", () => {
  it("gives the same output, in input order, on worker threads as in one thread", () => {
    const single = xxgk(["validate", ".", "--format", "ndjson", "--jobs", "1"], { cwd: dir });
    const parallel = xxgk(["validate", ".", "--format", "ndjson", "--jobs", "2"], { cwd: dir });
    expect(parallel.status).toBe(1);
    expect(parallel.stdout).toBe(single.stdout);
    const files = parallel.stdout.trimEnd().split("\n").map((line) => (JSON.parse(line) as { file: string }).file);
    expect(files).toEqual(names);
    expect(parallel.stderr).toContain("检查了 600 份报告");
  });

  it("exports the same rows on worker threads as in one thread", () => {
    const single = xxgk(["export", ".", "--jobs", "1", "--wide"], { cwd: dir });
    const parallel = xxgk(["export", ".", "--jobs", "2", "--wide"], { cwd: dir });
    expect(parallel.status).toBe(0);
    expect(parallel.stdout).toBe(single.stdout);
    expect(parallel.stdout.trimEnd().split("\r\n")).toHaveLength(names.length + 1);
  });

  it("leaves no output and no temporary file when interrupted", async () => {
    // Standard input stays open, so the run is still going (output file open, input not yet read) when interrupted.
    writeFileSync(join(dir, "out.csv"), "previous run");
    const child = startXxgk(["export", "-", "-o", "out.csv", "--force"], dir);
    const deadline = Date.now() + 20_000;
    while (!readdirSync(dir).some((name) => name.endsWith(".tmp")) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("exit", (exitCode) => resolve(exitCode)));
    expect(code).toBe(130);
    expect(readFileSync(join(dir, "out.csv"), "utf8")).toBe("previous run");
    expect(readdirSync(dir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });
});
