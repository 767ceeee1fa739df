/**
 * Issue 13, end to end on the built executable: outputs that are not regular files, inputs that are not regular
 * files, and signals. Everything happens in a scratch directory; /dev/null is only ever written to.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, cleanEnv, exampleReport, requireBuild, tempDir, writeReports, xxgk } from "./helpers.js";

let dir: string;
beforeAll(() => {
  requireBuild();
  dir = tempDir("xxgk-hardening-");
  writeFileSync(join(dir, "r.json"), JSON.stringify(exampleReport()));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the CLI; resolves with the exit code (or signal) and how long it took after `kill` was sent. */
function startCli(args: readonly string[], stdio: ("pipe" | "ignore")[] = ["ignore", "pipe", "pipe"]) {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: dir, env: cleanEnv(), stdio });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolveExit) =>
    child.on("exit", (code, signal) => resolveExit({ code, signal })),
  );
  return { child, exited, stderr: () => stderr };
}

async function killAndTime(child: ReturnType<typeof spawn>, exited: Promise<{ code: number | null }>, signal: NodeJS.Signals) {
  const sent = Date.now();
  child.kill(signal);
  const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${signal} not honoured within 3 s`)), 3000));
  const { code } = await Promise.race([exited, timeout]);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  return { code, ms: Date.now() - sent };
}

/** Waits until the run is under way: its temporary file exists once the output was opened (before any input). */
async function runStarted(stderr: () => string): Promise<void> {
  for (let waited = 0; temporaryFiles(dir).length === 0; waited += 10) {
    if (waited > 10_000) throw new Error(`the run did not start: ${stderr()}`);
    await new Promise((wait) => setTimeout(wait, 10));
  }
}

function temporaryFiles(folder: string): string[] {
  return readdirSync(folder).filter((name) => /\.xxgk-\d+-[0-9a-f]{8}\.tmp$/.test(name));
}

describe("outputs that are not regular files", () => {
  it("-o /dev/null works with and without --force, and /dev/null stays a character device", () => {
    for (const extra of [[], ["--force"]]) {
      const result = xxgk(["validate", "r.json", "--format", "json", "-o", "/dev/null", ...extra], { cwd: dir });
      expect(result.stderr).not.toMatch(/已存在|exists/);
      expect(result.status).toBe(1); // the example has a finding: the run went through
    }
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("-o /dev/stdout writes to standard output", () => {
    const result = xxgk(["validate", "r.json", "--format", "json", "-o", "/dev/stdout", "--force"], { cwd: dir });
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { files: 1 } });
  });

  it("-o into a FIFO hands the bytes to its reader and leaves the FIFO in place", async () => {
    const fifo = join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    const reader = spawn("cat", [fifo]);
    let received = "";
    reader.stdout.on("data", (chunk: Buffer) => (received += chunk.toString("utf8")));
    const readerDone = new Promise((resolveDone) => reader.on("close", resolveDone));
    await new Promise((wait) => setTimeout(wait, 200)); // cat opens the FIFO
    const { exited } = startCli(["validate", "r.json", "--format", "ndjson", "-o", fifo, "--force"]);
    expect((await exited).code).toBe(1);
    await readerDone;
    expect(JSON.parse(received)).toMatchObject({ file: "r.json" });
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe("inputs that are not regular files", () => {
  it("reads /dev/stdin from a pipe (not as an empty file)", () => {
    const result = xxgk(["validate", "/dev/stdin", "--format", "ndjson"], { cwd: dir, input: JSON.stringify(exampleReport()) });
    expect(JSON.parse(result.stdout)).toMatchObject({ file: "/dev/stdin", counts: { error: 1 } });
  });

  it("reads a descriptor the shell opened (/dev/fd/3, as <(cat r.json) gives)", async () => {
    const { child, exited } = startCli(["validate", "/dev/fd/3", "--format", "ndjson"], ["ignore", "pipe", "pipe", "pipe"]);
    let stdout = "";
    child.stdout!.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    const pipe = child.stdio[3] as NodeJS.WritableStream;
    pipe.on("error", () => undefined); // the child may close its end first
    pipe.end(JSON.stringify(exampleReport()));
    expect((await exited).code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ file: "/dev/fd/3", counts: { error: 1 } });
  });
});

describe("signals", () => {
  it("SIGTERM ends a run blocked on a FIFO without a writer at once (143), keeping the previous output", async () => {
    const fifo = join(dir, "in.fifo");
    execFileSync("mkfifo", [fifo]);
    writeFileSync(join(dir, "previous.json"), "previous");
    const { child, exited, stderr } = startCli(["validate", fifo, "--format", "json", "-o", "previous.json", "--force"]);
    await runStarted(stderr);
    await new Promise((wait) => setTimeout(wait, 300));
    const { code, ms } = await killAndTime(child, exited, "SIGTERM");
    expect(code).toBe(143);
    expect(ms).toBeLessThan(1000);
    expect(readFileSync(join(dir, "previous.json"), "utf8")).toBe("previous");
    expect(temporaryFiles(dir)).toEqual([]);
  });

  it("SIGINT and SIGTERM end a batch (main thread -j 1, and worker threads) within a second (130/143), output untouched", async () => {
    const batch = join(dir, "batch");
    mkdirSync(batch);
    writeReports(batch, 2500);
    writeFileSync(join(dir, "batch.sarif"), "previous");
    for (const [signal, expected, jobs] of [
      ["SIGINT", 130, "1"],
      ["SIGTERM", 143, "1"],
      ["SIGTERM", 143, "2"], // worker threads
    ] as const) {
      const { child, exited, stderr } = startCli(["validate", "batch", "-j", jobs, "--format", "sarif", "-o", "batch.sarif", "--force"]);
      await runStarted(stderr);
      await new Promise((wait) => setTimeout(wait, 300));
      const { code, ms } = await killAndTime(child, exited, signal);
      expect(code).toBe(expected);
      expect(ms).toBeLessThan(1000);
      expect(readFileSync(join(dir, "batch.sarif"), "utf8")).toBe("previous");
      expect(temporaryFiles(dir)).toEqual([]);
    }
  });
});

describe("terminal escapes from data", () => {
  it("never sends ESC or bidi controls from a file's name or content to the terminal", () => {
    const name = "evil\u001b[1A\u001b[2K\u202e.json";
    writeFileSync(join(dir, name), '{"edition": "2021", "meta": {"body": "\u001b[2J某某局\u202e"} oops}');
    const result = xxgk(["validate", name, "--color"], { cwd: dir });
    const shown = result.stdout + result.stderr;
    expect(shown).toContain("evil\\x1b[1A\\x1b[2K\\u202e.json");
    expect(shown).toContain("\\x1b[2J某某局\\u202e");
    // Only the CLI's own colours remain.
    expect(shown.replace(/\u001b\[\d+m/g, "")).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    const missing = xxgk(["render", "gone\u001b[2K.json"], { cwd: dir });
    expect(missing.stderr).toContain("gone\\x1b[2K.json");
    expect(missing.stderr).not.toContain("\u001b[2K");
  });
});

describe("dates are Beijing dates", () => {
  it("--today names a Beijing date whatever the machine's time zone", () => {
    const report = exampleReport() as { meta: Record<string, unknown> };
    writeFileSync(join(dir, "dated.json"), JSON.stringify({ ...report, meta: { ...report.meta, year: 2024, publishedOn: "2025-01-02" } }));
    for (const zone of ["UTC", "America/Los_Angeles", "Asia/Shanghai"]) {
      const result = xxgk(["validate", "dated.json", "--today", "2025-01-01", "--format", "ndjson", "--lang", "en"], { cwd: dir, env: { TZ: zone } });
      const line = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; messageEn: string }[] };
      expect(line.diagnostics.find((diagnostic) => diagnostic.ruleId === "META-PUBLISHED-ON")?.messageEn, zone).toContain("is after today (2025-01-01)");
    }
  });
});

describe("bounded work per report", () => {
  it("answers a 10 MB file of two million null paragraphs in seconds with one finding naming the place", () => {
    const report = exampleReport() as { overview: { paragraphs: unknown[] } };
    report.overview.paragraphs = new Array(2_000_000).fill(null);
    writeFileSync(join(dir, "nulls.json"), JSON.stringify(report));
    const started = Date.now();
    const result = xxgk(["validate", "nulls.json", "--format", "ndjson", "--lang", "en"], { cwd: dir });
    expect(Date.now() - started).toBeLessThan(15_000); // was 40 s and 2 GB
    const line = JSON.parse(result.stdout) as { diagnostics: { ruleId: string; messageEn: string }[] };
    const schema = line.diagnostics.filter((diagnostic) => diagnostic.ruleId === "SCHEMA");
    expect(schema).toHaveLength(1);
    expect(schema[0]!.messageEn).toContain("/overview/paragraphs has 2000000 entries");
  });
});
