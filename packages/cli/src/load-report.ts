/**
 * Loading one report for commands that need exactly one (`render`, `--previous`), with problems shown as the
 * user would expect: JSON syntax errors with a code frame, read errors as {@link CliError}.
 */
import type { Context } from "./context.js";
import { CliError } from "./errors.js";
import { msg } from "./i18n.js";
import { loadReportFile, loadReportBytes, readStream, type LoadResult } from "./input/read.js";
import { formatSyntaxProblem } from "./syntax-frame.js";
import { resolve } from "node:path";

export { formatSyntaxProblem };

/** Reads `path` (or standard input for `-`) and parses the JSON; never throws. */
export async function loadInput(context: Context, path: string): Promise<LoadResult> {
  if (path === "-") {
    try {
      return await loadReportBytes(await readStream(context.io.stdin, "<stdin>"), "<stdin>");
    } catch (error) {
      if (error instanceof CliError) return { kind: "error", name: "<stdin>", error };
      throw error;
    }
  }
  return loadReportFile(resolve(context.io.cwd, path), path);
}

/** Loads one JSON value or throws a {@link CliError} (exit 2 for read errors; syntax errors are exit 1). */
export async function loadJsonOrThrow(context: Context, path: string): Promise<unknown> {
  const loaded = await loadInput(context, path);
  if (loaded.kind === "ok") return loaded.value;
  if (loaded.kind === "error") throw loaded.error;
  throw new CliError(
    "usage",
    msg(formatSyntaxProblem(loaded.name, loaded.problem, "zh").trimEnd(), formatSyntaxProblem(loaded.name, loaded.problem, "en").trimEnd()),
    1,
  );
}
