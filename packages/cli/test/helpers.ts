/**
 * Helpers for the end-to-end tests: they run the BUILT executable (package.json `bin.xxgk`, `dist/cli.cjs`) with
 * node in a temporary directory, exactly as a user's shell would.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The built executable, as package.json's `bin` names it. */
export const CLI = fileURLToPath(
  new URL(`../${(JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { bin: { xxgk: string } }).bin.xxgk}`, import.meta.url),
);
/** The build output folder. */
export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));
/** The repository's examples. */
export const EXAMPLES = fileURLToPath(new URL("../../../examples/", import.meta.url));

/** Fails with a clear message when the package was not built. */
export function requireBuild(): void {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx turbo run build --filter=@xxgk/cli...\` first`);
}

/** The result of one run. */
export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** The environment of a test run: no colour forcing, no language override, unless a test sets them. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of ["NO_COLOR", "FORCE_COLOR", "XXGK_LANG", "CI"]) delete env[key];
  return { ...env, ...extra };
}

/** Runs `xxgk …` synchronously. */
export function xxgk(args: readonly string[], options: { cwd: string; input?: string | Buffer; env?: Record<string, string> }): RunResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    input: options.input ?? "",
    env: cleanEnv(options.env),
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8"), stdoutBytes: result.stdout };
}

/** Starts `xxgk …` without waiting. */
export function startXxgk(args: readonly string[], cwd: string) {
  return spawn(process.execPath, [CLI, ...args], { cwd, env: cleanEnv(), stdio: ["pipe", "pipe", "pipe"] });
}

/** A fresh temporary directory. */
export function tempDir(prefix = "xxgk-e2e-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** The example report (edition 2021) as parsed JSON. */
export function exampleReport(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EXAMPLES, "2023-shizuishan-shangwuju.json"), "utf8")) as Record<string, unknown>;
}

/** The edition-2019 example as parsed JSON. */
export function example2019(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(EXAMPLES, "2020-example-county-2019-edition.json"), "utf8")) as Record<string, unknown>;
}

/** Writes `count` reports (both editions, every fifth inconsistent) as `dir/NNNNN.json`; returns the names. */
export function writeReports(dir: string, count: number): string[] {
  const bases = [exampleReport(), example2019()];
  const names: string[] = [];
  for (let index = 0; index < count; index++) {
    const report = structuredClone(bases[index % 2]!) as { meta: { body: string }; applications: Record<string, Record<string, number | null>> };
    report.meta.body = `测试机关${index}`;
    if (index % 5 === 0) report.applications.newlyReceived!.naturalPerson = (report.applications.newlyReceived!.naturalPerson ?? 0) + 3;
    const name = `${String(index).padStart(5, "0")}.json`;
    writeFileSync(join(dir, name), JSON.stringify(report));
    names.push(name);
  }
  return names;
}
