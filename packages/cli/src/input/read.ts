/**
 * Loading a report input: read the bytes (file or stdin), decode them, parse the JSON. Every failure comes back as
 * data, so a batch of ten thousand files reports each problem and carries on.
 */
import { closeSync, constants, createReadStream, fstatSync, openSync, readSync, statSync } from "node:fs";
import { CliError } from "../errors.js";
import { msg } from "../i18n.js";
import { decodeReportBytes, MAX_INPUT_BYTES, tooLarge, type InputEncoding } from "./decode.js";
import { parseJsonText, type JsonDuplicateKey, type JsonSyntaxProblem } from "./json-syntax.js";

/** A loaded input: parsed JSON, a JSON syntax problem, or an error that kept the file from being read. */
export type LoadResult =
  | { kind: "ok"; name: string; encoding: InputEncoding; value: unknown; duplicateKeys?: JsonDuplicateKey[]; text: string }
  | { kind: "syntax"; name: string; encoding: InputEncoding; problem: JsonSyntaxProblem; text: string }
  | { kind: "error"; name: string; error: CliError };

function errnoOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/**
 * Reads what is not a regular file — a FIFO, `/dev/stdin` from a pipe, `<(cat f)`, a character device — to its end,
 * up to the size limit. Never blocks the thread: a FIFO is opened non-blocking and read through the event loop (a
 * blocking open or read would keep SIGINT/SIGTERM from ending the process), and until a writer has sent something
 * it is polled, as a blocking read would wait.
 */
async function readSpecialFile(path: string, name: string): Promise<Uint8Array> {
  for (;;) {
    let fd: number;
    try {
      fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch (error) {
      throw ioError(error, name);
    }
    const stat = fstatSync(fd);
    let stream: AsyncIterable<Uint8Array | string>;
    if (stat.isFIFO() || stat.isSocket()) {
      const { Socket } = process.getBuiltinModule("node:net");
      stream = new Socket({ fd, readable: true, writable: false });
    } else if (process.getBuiltinModule("node:tty").isatty(fd)) {
      // A terminal (`/dev/tty`): read through the event loop too, up to Ctrl-D.
      const { ReadStream } = process.getBuiltinModule("node:tty");
      stream = new ReadStream(fd);
    } else {
      closeSync(fd);
      stream = createReadStream(path);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readStream(stream, name);
    } catch (error) {
      (stream as { destroy?: () => void }).destroy?.();
      if (error instanceof CliError) throw error;
      throw ioError(error, name);
    }
    if (bytes.length > 0 || !stat.isFIFO()) return bytes;
    // No writer yet (a non-blocking read of a FIFO without one ends at once): wait for one.
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
}

/**
 * Reads an input file's bytes with the size limit checked before reading: a regular file at once, anything else
 * (a pipe, a device) as a stream. Throws {@link CliError}.
 */
export async function readInput(path: string, name: string = path): Promise<Uint8Array> {
  const descriptor = path === "/dev/stdin" ? [path, "0"] : /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(path);
  if (descriptor) {
    // A descriptor the shell opened (`<(cat f)`, `/dev/stdin`): read it as it is; a socket cannot be reopened by
    // its path.
    const fd = Number(descriptor[1]);
    let stat;
    try {
      stat = fstatSync(fd);
    } catch (error) {
      throw ioError(error, name);
    }
    if (stat.isFIFO() || stat.isSocket()) {
      const { Socket } = process.getBuiltinModule("node:net");
      return readStream(new Socket({ fd, readable: true, writable: false }), name);
    }
  }
  let special = false;
  try {
    const stat = statSync(path);
    special = !stat.isFile() && !stat.isDirectory();
  } catch {
    // reported by readInputFile with the right message
  }
  return special ? readSpecialFile(path, name) : readInputFile(path, name);
}

/** Reads a regular file's bytes with the size limit checked before reading. Throws {@link CliError}. */
export function readInputFile(path: string, name: string = path): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    throw ioError(error, name);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new CliError("read-failed", msg(`${name}：是目录，不是文件`, `${name}: is a directory, not a file`));
    if (stat.size > MAX_INPUT_BYTES) throw tooLarge(name, stat.size);
    const bytes = Buffer.allocUnsafe(stat.size);
    let filled = 0;
    while (filled < bytes.length) {
      const read = readSync(fd, bytes, filled, bytes.length - filled, filled);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw ioError(error, name);
  } finally {
    closeSync(fd);
  }
}

function ioError(error: unknown, name: string): CliError {
  const code = errnoOf(error);
  if (code === "ENOENT") return new CliError("not-found", msg(`${name}：文件不存在`, `${name}: no such file`));
  if (code === "EISDIR") return new CliError("read-failed", msg(`${name}：是目录，不是文件`, `${name}: is a directory, not a file`));
  if (code === "EACCES" || code === "EPERM") return new CliError("read-failed", msg(`${name}：没有读取权限`, `${name}: permission denied`));
  const detail = error instanceof Error ? error.message : String(error);
  return new CliError("read-failed", msg(`${name}：无法读取（${detail}）`, `${name}: cannot read (${detail})`));
}

/** Reads all of a stream (stdin), refusing more than the size limit. */
export async function readStream(stream: AsyncIterable<Uint8Array | string>, name: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === "string" ? Buffer.from(chunk) : Buffer.from(chunk);
    size += buffer.length;
    // Reading stops here: the whole size is unknown, so the message names the limit, not a size.
    if (size > MAX_INPUT_BYTES) throw tooLarge(name);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** Decodes and parses bytes already read. Never throws. */
export async function loadReportBytes(bytes: Uint8Array, name: string): Promise<LoadResult> {
  let decoded;
  try {
    decoded = await decodeReportBytes(bytes, name);
  } catch (error) {
    return { kind: "error", name, error: asCliError(error, name) };
  }
  const parsed = parseJsonText(decoded.text);
  if (parsed.ok) {
    // The text is kept for what needs positions later (SARIF regions), computed only for files with findings.
    return parsed.duplicateKeys
      ? { kind: "ok", name, encoding: decoded.encoding, value: parsed.value, duplicateKeys: parsed.duplicateKeys, text: decoded.text }
      : { kind: "ok", name, encoding: decoded.encoding, value: parsed.value, text: decoded.text };
  }
  return { kind: "syntax", name, encoding: decoded.encoding, problem: parsed.problem, text: decoded.text };
}

/** Reads, decodes and parses a report file. Never throws. */
export async function loadReportFile(path: string, name: string = path): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readInput(path, name);
  } catch (error) {
    return { kind: "error", name, error: asCliError(error, name) };
  }
  return loadReportBytes(bytes, name);
}

function asCliError(error: unknown, name: string): CliError {
  return error instanceof CliError ? error : ioError(error, name);
}
