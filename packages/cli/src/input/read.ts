/**
 * Loading a report input: read the bytes (file or stdin), decode them, parse the JSON. Every failure comes back as
 * data, so a batch of ten thousand files reports each problem and carries on.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { CliError } from "../errors.js";
import { msg } from "../i18n.js";
import { decodeReportBytes, MAX_INPUT_BYTES, tooLarge, type InputEncoding } from "./decode.js";
import { parseJsonText, type JsonDuplicateKey, type JsonSyntaxProblem } from "./json-syntax.js";

/** A loaded input: parsed JSON, a JSON syntax problem, or an error that kept the file from being read. */
export type LoadResult =
  | { kind: "ok"; name: string; encoding: InputEncoding; value: unknown; duplicateKeys?: JsonDuplicateKey[] }
  | { kind: "syntax"; name: string; encoding: InputEncoding; problem: JsonSyntaxProblem }
  | { kind: "error"; name: string; error: CliError };

function errnoOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** Reads a file's bytes with the size limit checked before reading. Throws {@link CliError}. */
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
    return parsed.duplicateKeys
      ? { kind: "ok", name, encoding: decoded.encoding, value: parsed.value, duplicateKeys: parsed.duplicateKeys }
      : { kind: "ok", name, encoding: decoded.encoding, value: parsed.value };
  }
  return { kind: "syntax", name, encoding: decoded.encoding, problem: parsed.problem };
}

/** Reads, decodes and parses a report file. Never throws. */
export async function loadReportFile(path: string, name: string = path): Promise<LoadResult> {
  let bytes: Uint8Array;
  try {
    bytes = readInputFile(path, name);
  } catch (error) {
    return { kind: "error", name, error: asCliError(error, name) };
  }
  return loadReportBytes(bytes, name);
}

function asCliError(error: unknown, name: string): CliError {
  return error instanceof CliError ? error : ioError(error, name);
}
