/**
 * Loading one report for commands that need exactly one (`render`, `--previous`), with problems shown as the
 * user would expect: JSON syntax errors with a code frame, read errors as {@link CliError}.
 */
import type { Context } from "./context.js";
import { CliError } from "./errors.js";
import { msg, type Message } from "./i18n.js";
import type { JsonDuplicateKey } from "./input/json-syntax.js";
import { loadReportFile, loadReportBytes, readStream, type LoadResult } from "./input/read.js";
import { formatSyntaxProblem } from "./syntax-frame.js";
import { resolve } from "node:path";

export { formatSyntaxProblem };

/** The code frames of every repeated key, in both languages. */
export function duplicateKeysMessage(name: string, duplicates: readonly JsonDuplicateKey[]): Message {
  const frames = (lang: "zh" | "en") => duplicates.map((duplicate) => formatSyntaxProblem(name, duplicate, lang)).join("").trimEnd();
  return msg(frames("zh"), frames("en"));
}

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
  if (loaded.kind === "ok" && !loaded.duplicateKeys) return loaded.value;
  if (loaded.kind === "error") throw loaded.error;
  if (loaded.kind === "ok") {
    // A repeated key is refused like a syntax error: the value JSON.parse kept may not be the one meant.
    throw new CliError("usage", duplicateKeysMessage(loaded.name, loaded.duplicateKeys!), 1);
  }
  throw new CliError(
    "usage",
    msg(formatSyntaxProblem(loaded.name, loaded.problem, "zh").trimEnd(), formatSyntaxProblem(loaded.name, loaded.problem, "en").trimEnd()),
    1,
  );
}
