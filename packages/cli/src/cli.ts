#!/usr/bin/env node
/**
 * The `xxgk` executable. Everything runs through {@link run}; this file only wires the process: exit code,
 * interrupted writes, and a closed pipe (`xxgk … | head`).
 */
import module from "node:module";
import { exitCodeSoFar } from "./exit-state.js";
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

// Every other way out (an uncaught exception included): no temporary file is left behind.
process.on("exit", removePendingTemporaryFiles);

// The reader went away (`xxgk validate … | head -1`): stop, with exit code 1 if an error was found before the pipe
// closed (2 if a file could not be read), else the code the run has already set (0 when it had not finished).
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") {
    removePendingTemporaryFiles();
    process.exit(Math.max(Number(process.exitCode ?? 0), exitCodeSoFar()));
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
