/**
 * Where a command's output goes: standard output, or a file written atomically (`-o`).
 */
import type { Context } from "../context.js";
import { AtomicFile, checkOutputPath } from "./atomic.js";

/** An output destination. Nothing reaches a file until {@link Sink.commit}. */
export interface Sink {
  /** True when writing to standard output. */
  readonly toStdout: boolean;
  write(chunk: string | Uint8Array): void;
  /** Finishes the output (renames the temporary file into place). */
  commit(): void;
  /** Abandons the output (removes the temporary file). */
  abort(): void;
}

/** Opens the output: `-o` file (checked against `--force` and the inputs) or standard output. */
export function openSink(context: Context, output: string | undefined, options: { force: boolean; inputs: readonly string[] }): Sink {
  if (output === undefined || output === "-") {
    const stdout = context.io.stdout;
    return { toStdout: true, write: (chunk) => void stdout.write(chunk), commit: () => undefined, abort: () => undefined };
  }
  const path = checkOutputPath(output, context.io.cwd, options);
  const file = new AtomicFile(path);
  return { toStdout: false, write: (chunk) => file.write(chunk), commit: () => file.commit(), abort: () => file.abort() };
}

/**
 * Runs a batch that writes into `sink`: commits the output when the work finishes, abandons it when the work throws
 * (no half-written file), and clears the progress bar either way.
 */
export async function writeBatch(sink: Sink, progress: { clear(): void }, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    progress.clear();
    sink.abort();
    throw error;
  }
  progress.clear();
  sink.commit();
}
