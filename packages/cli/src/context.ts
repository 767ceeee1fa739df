/**
 * What a command runs with: the streams, the environment, the language and whether to color.
 */
import { createColors } from "picocolors";
import type { Lang } from "./i18n.js";
import { escapeTerminalText } from "./terminal-text.js";

/** A stream the CLI writes to. */
export interface OutputStream {
  write(chunk: string | Uint8Array): unknown;
  /** True when the stream is a terminal. */
  isTTY?: boolean;
  /** Terminal width, when a terminal. */
  columns?: number;
}

/** Streams and process state the CLI uses; {@link run} takes them so it can run inside another program. */
export interface CliIo {
  stdout: OutputStream;
  stderr: OutputStream;
  stdin: AsyncIterable<Uint8Array | string> & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
}

/** Colour functions (identity when colour is off). */
export type Colors = ReturnType<typeof createColors>;

/** A command's context. */
export interface Context {
  io: CliIo;
  lang: Lang;
  /** Colour for standard output. */
  color: boolean;
  /** Colour for standard error. */
  colorError: boolean;
  colors: Colors;
  colorsError: Colors;
}

/**
 * Whether to color a stream: `--color`/`--no-color` win; then NO_COLOR (any non-empty value) turns colour off,
 * FORCE_COLOR (other than 0) turns it on; otherwise colour only on a terminal whose TERM is not `dumb`.
 */
export function shouldColor(stream: OutputStream, env: CliIo["env"], flags: { color?: boolean; noColor?: boolean }): boolean {
  if (flags.noColor) return false;
  if (flags.color) return true;
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false") return true;
  return Boolean(stream.isTTY) && env.TERM !== "dumb";
}

/** Builds a context. */
export function createContext(io: CliIo, lang: Lang, flags: { color?: boolean; noColor?: boolean }): Context {
  const color = shouldColor(io.stdout, io.env, flags);
  const colorError = shouldColor(io.stderr, io.env, flags);
  return { io, lang, color, colorError, colors: createColors(color), colorsError: createColors(colorError) };
}

/** Prints a line to standard error. */
export function printError(context: Context, line: string): void {
  // Lines name files and quote input: control characters are shown as escapes, never sent to the terminal.
  context.io.stderr.write(`${escapeTerminalText(line, { keepNewlines: true })}\n`);
}
