// The full check of issue 13's streaming SARIF: 20,000 reports validated to one SARIF log by the built CLI with a
// 64 MB JavaScript heap, then the log parsed and counted; with --multitool, also checked by the SARIF Multitool
// (slow: about two minutes per 20 MB of log on 2 cores). Not part of `npm test` (it takes minutes).
// Usage: node bench/sarif-stream.mjs [count=20000] [--multitool]
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateReports } from "./cli-generate.mjs";

const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 20_000);
const cli = fileURLToPath(new URL("../packages/cli/dist/cli.cjs", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "xxgk-sarif-stream-"));
try {
  generateReports(join(dir, "reports"), count);
  const output = join(dir, "out.sarif");
  const started = Date.now();
  // GNU time reports the peak resident memory of the CLI (heap, buffers and worker threads together).
  const run = spawnSync("/usr/bin/time", ["-f", "%M", process.execPath, "--max-old-space-size=64", cli, "validate", join(dir, "reports"), "--format", "sarif", "-o", output], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (Date.now() - started) / 1000;
  const peakKb = Number(run.stderr.trim().split("\n").at(-1));
  if (run.status !== 0 && run.status !== 1) throw new Error(`xxgk failed (${run.status}):\n${run.stderr.slice(-2000)}`);
  const log = JSON.parse(readFileSync(output, "utf8"));
  const results = log.runs[0].results.length;
  console.log(`${count} reports → ${(statSync(output).size / 1e6).toFixed(1)} MB SARIF, ${results} results, ${log.runs[0].artifacts?.length ?? 0} artifacts`);
  console.log(`${seconds.toFixed(1)} s, peak RSS ${(peakKb / 1024).toFixed(0)} MB with --max-old-space-size=64; load ${readFileSync("/proc/loadavg", "utf8").trim()}`);
  if (process.argv.includes("--multitool")) {
    const tool = createRequire(import.meta.url)("@microsoft/sarif-multitool-linux");
    const checked = join(dir, "multitool.sarif");
    const check = spawnSync(tool, ["validate", output, "-o", checked, "--max-file-size-in-kb", "10000000", "--quiet"], {
      env: { ...process.env, DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: "1" },
      encoding: "utf8",
    });
    const found = JSON.parse(readFileSync(checked, "utf8")).runs[0].results ?? [];
    const errors = found.filter((result) => result.level === "error");
    console.log(`SARIF Multitool: exit ${check.status}, ${found.length} findings, ${errors.length} errors`);
    for (const error of errors.slice(0, 5)) console.log(`  ${error.ruleId}: ${error.message.text}`);
    if (check.status !== 0 || errors.length > 0) process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
