/**
 * Where a command's output goes: standard output, or `-o`: a regular file written atomically, or a device, FIFO or
 * descriptor written in place (see atomic.ts for what is refused and why).
 */
import { printError, type Context } from "../context.js";
import { msg, pick } from "../i18n.js";
import { AtomicFile, DirectFile, resolveOutput, staleTemporaryFiles, writeToDescriptor } from "./atomic.js";

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
  const target = output === undefined ? ({ kind: "stdout" } as const) : resolveOutput(output, context.io.cwd, options);
  switch (target.kind) {
    case "stdout": {
      const stdout = context.io.stdout;
      return { toStdout: true, write: (chunk) => void stdout.write(chunk), commit: () => undefined, abort: () => undefined };
    }
    case "stderr": {
      const stderr = context.io.stderr;
      return { toStdout: false, write: (chunk) => void stderr.write(chunk), commit: () => undefined, abort: () => undefined };
    }
    case "fd":
      return { toStdout: false, write: (chunk) => writeToDescriptor(target.fd, target.path, chunk), commit: () => undefined, abort: () => undefined };
    case "direct": {
      // What was written to a device or pipe cannot be taken back; the file is only closed.
      const file = new DirectFile(target.path);
      return { toStdout: false, write: (chunk) => file.write(chunk), commit: () => file.close(), abort: () => file.close() };
    }
    case "file": {
      const stale = staleTemporaryFiles(target.path);
      if (stale.length > 0) {
        printError(
          context,
          pick(
            msg(
              `注意：${output} 旁有以前中断的运行留下的临时文件：${stale.join("、")}；确认没有其他 xxgk 正在写入后可以删除`,
              `note: temporary files left beside ${output} by an interrupted run: ${stale.join(", ")}; remove them once no other xxgk is writing there`,
            ),
            context.lang,
          ),
        );
      }
      const file = new AtomicFile(target.path, { replace: target.replace });
      return { toStdout: false, write: (chunk) => file.write(chunk), commit: () => file.commit(), abort: () => file.abort() };
    }
  }
}

/**
 * Runs a batch that writes into `sink`: commits the output when the work finishes, abandons it when the work throws
 * (no half-written file), and clears the progress bar either way. With `hasOutput`, a batch that wrote nothing is
 * abandoned too, so no empty output file is left behind.
 */
export async function writeBatch(
  sink: Sink,
  progress: { clear(): void },
  work: () => Promise<void>,
  hasOutput: () => boolean = () => true,
): Promise<void> {
  try {
    await work();
  } catch (error) {
    progress.clear();
    sink.abort();
    throw error;
  }
  progress.clear();
  if (hasOutput()) sink.commit();
  else sink.abort();
}
