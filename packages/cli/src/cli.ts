#!/usr/bin/env node
/**
 * The `xxgk` executable. Everything runs through {@link run}; this file only wires the process: exit code,
 * interrupted writes, and a closed pipe (`xxgk … | head`).
 */
import module from "node:module";
import { removePendingTemporaryFiles } from "./output/atomic.js";
import { run } from "./run.js";

// Node 22.1+ caches compiled code between runs for what loads after this line (dist/lazy/, the worker); a no-op on
// Node 20.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    removePendingTemporaryFiles();
    process.exit(code);
  });
}

process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") {
    removePendingTemporaryFiles();
    process.exit(process.exitCode ?? 0);
  }
  throw error;
});

run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`xxgk: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 2;
  },
);
