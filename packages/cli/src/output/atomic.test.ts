import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AtomicFile, checkOutputPath, DirectFile, removePendingTemporaryFiles, resolveOutput, staleTemporaryFiles, temporaryPathFor, writeFileAtomic } from "./atomic.js";

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

describe("special files and links (issue 13)", () => {
  it("writes to an existing character device in place, with or without --force, and never replaces it", () => {
    // Only a decision and a write: /dev/null is written to, never renamed over.
    for (const force of [false, true]) expect(resolveOutput("/dev/null", dir, { force, inputs: [] })).toEqual({ kind: "direct", path: "/dev/null" });
    const device = new DirectFile("/dev/null");
    device.write("discarded");
    device.close();
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("maps /dev/stdout, /dev/stderr and /dev/fd/N to the descriptors instead of replacing what they point at", () => {
    expect(resolveOutput("/dev/stdout", dir, { force: true, inputs: [] })).toEqual({ kind: "stdout" });
    expect(resolveOutput("/dev/stderr", dir, { force: true, inputs: [] })).toEqual({ kind: "stderr" });
    expect(resolveOutput("/dev/fd/2", dir, { force: true, inputs: [] })).toEqual({ kind: "stderr" });
    expect(resolveOutput("/dev/fd/0", dir, { force: true, inputs: [] })).toMatchObject({ kind: "fd", fd: 0 });
    expect(() => resolveOutput("/dev/fd/987", dir, { force: true, inputs: [] })).toThrow(/not open/);
  });

  it("writes into a FIFO in place (the reader gets the bytes, the FIFO stays a FIFO) and refuses one without a reader", async () => {
    const fifo = join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    expect(() => new DirectFile(fifo)).toThrow(/no reader/);
    const reader = spawn("cat", [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    const closed = new Promise((resolveClosed) => reader.on("close", resolveClosed));
    const target = resolveOutput(fifo, dir, { force: true, inputs: [] });
    expect(target).toEqual({ kind: "direct", path: fifo });
    let file: DirectFile | undefined;
    for (let attempt = 0; file === undefined; attempt++) {
      try {
        file = new DirectFile(fifo);
      } catch (error) {
        if (attempt > 100) throw error;
        await new Promise((wait) => setTimeout(wait, 20)); // cat has not opened the FIFO yet
      }
    }
    file.write("报告\n");
    file.close();
    await closed;
    expect(Buffer.concat(chunks).toString("utf8")).toBe("报告\n");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("refuses a symbolic link, even with --force, and leaves the link and its target alone", () => {
    const victim = join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    symlinkSync(victim, join(dir, "out.json"));
    expect(() => resolveOutput("out.json", dir, { force: true, inputs: [] })).toThrow(/symbolic link \(to .*victim\.txt\)/);
    expect(lstatSync(join(dir, "out.json")).isSymbolicLink()).toBe(true);
    expect(readFileSync(victim, "utf8")).toBe("precious");
  });

  it("refuses a block device or socket by its type", () => {
    // A socket made in the scratch directory stands for both: neither is a device a report belongs on.
    const socket = join(dir, "s.sock");
    execFileSync(process.execPath, ["-e", `const s=require("net").createServer().listen(${JSON.stringify(socket)},()=>{s.close=()=>{};process.exit(0)})`]);
    expect(() => resolveOutput(socket, dir, { force: true, inputs: [] })).toThrow(/socket/);
  });

  it("two writers of one new file without --force: the second is told the file exists, the first's content stays", () => {
    const target = join(dir, "out.sarif");
    const first = new AtomicFile(target, { replace: false });
    const second = new AtomicFile(target, { replace: false });
    first.write("first");
    second.write("second");
    first.commit();
    expect(() => second.commit()).toThrow(/file exists/);
    expect(readFileSync(target, "utf8")).toBe("first");
    expect(readdirSync(dir)).toEqual(["out.sarif"]);
  });

  it("with --force keeps the mode of the file it replaces", () => {
    const target = join(dir, "out.csv");
    writeFileSync(target, "old");
    chmodSync(target, 0o600);
    writeFileAtomic(target, "new");
    expect(statSync(target).mode & 0o777).toBe(0o600);
    expect(readFileSync(target, "utf8")).toBe("new");
  });

  it("writes an output whose name is near the 255-byte limit (the temporary name is shortened)", () => {
    const name = `${"报".repeat(80)}.json`; // 245 bytes
    const target = join(dir, name);
    expect(Buffer.byteLength(temporaryPathFor(target).split("/").pop()!)).toBeLessThanOrEqual(255);
    writeFileAtomic(target, "{}");
    expect(readdirSync(dir)).toEqual([name]);
  });

  it("names temporary files recognisably, so ones left by a SIGKILL can be found", () => {
    const file = new AtomicFile(join(dir, "r.html"));
    expect(readdirSync(dir)).toEqual([expect.stringMatching(new RegExp(`^\\.r\\.html\\.xxgk-${process.pid}-[0-9a-f]{8}\\.tmp$`))]);
    file.abort();
  });
});

describe("staleTemporaryFiles", () => {
  it("finds temporaries of the same output left by a process that is gone, and only those", () => {
    const target = join(dir, "out.sarif");
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid!; // a process that has exited
    const stale = `.out.sarif.xxgk-${gone}-0badc0de.tmp`;
    writeFileSync(join(dir, stale), "half");
    writeFileSync(join(dir, `.out.sarif.xxgk-${process.pid}-12345678.tmp`), "ours, in progress");
    writeFileSync(join(dir, `.other.json.xxgk-${gone}-0badc0de.tmp`), "another output's");
    const later = Date.now() + 120_000;
    expect(staleTemporaryFiles(target, later)).toEqual([stale]);
    expect(staleTemporaryFiles(target)).toEqual([]); // under a minute old: perhaps still being written
  });
});
