/**
 * The worst exit code known so far in this run, for a run cut short: when the reader of a pipe goes away
 * (`xxgk validate many --format ndjson | head -1`), the executable exits at once, and must still say 1 when an error
 * was found in what it had checked (2 when a file could not be read), not 0.
 */
let worst = 0;

/** Records that the run will end with at least this exit code. */
export function noteExitCode(code: number): void {
  if (code > worst) worst = code;
}

/** The worst exit code recorded so far (0 when none). */
export function exitCodeSoFar(): number {
  return worst;
}

/** Forgets the codes of an earlier run (run() may be called more than once in a process). */
export function resetExitCode(): void {
  worst = 0;
}
