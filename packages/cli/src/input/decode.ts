/**
 * Turning the bytes of a report file into text: UTF-8 with or without BOM, UTF-16 and UTF-32 LE/BE (BOM or sniffed
 * from the leading ASCII of a JSON text), GB18030 when the bytes are clearly GB18030. Nothing is guessed: bytes that
 * are mostly UTF-8 with a few invalid bytes (a stray Latin-1 "é") are refused with the place and the bytes at fault,
 * because decoding them as GB18030 would silently turn every Chinese character into other ones (某某市商务局 into
 * 鏌愭煇甯傚晢鍔″眬). Binary input gets a clear error.
 */
import { isUtf8 } from "node:buffer";
import { CliError } from "../errors.js";
import { msg } from "../i18n.js";

/** Largest input accepted, in bytes (10 MiB). Real reports are 20–200 KB of JSON. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

/** How an input was encoded. */
export type InputEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "utf-32le" | "utf-32be" | "gb18030";

/** Decoded text and the encoding that was detected. */
export interface DecodedText {
  /** The text, without any byte order mark. */
  text: string;
  /** The detected encoding. */
  encoding: InputEncoding;
}

/** Decodes strictly valid UTF-8 (validated natively first: much faster than a fatal TextDecoder). */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  return isUtf8(bytes) ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8") : undefined;
}

/** Well-known binary formats, so the error can say what the file looks like. */
function sniffBinary(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 8)).toString("latin1");
  if (head.startsWith("%PDF")) return "PDF";
  if (head.startsWith("PK\u0003\u0004")) return "ZIP/DOCX/XLSX";
  if (head.startsWith("\u00d0\u00cf\u0011\u00e0")) return "DOC/XLS (OLE)";
  if (head.startsWith("\u0089PNG")) return "PNG";
  if (head.startsWith("\u00ff\u00d8\u00ff")) return "JPEG";
  if (head.startsWith("GIF8")) return "GIF";
  if (head.startsWith("\u001f\u008b")) return "gzip";
  return undefined;
}

function binaryError(name: string, kind: string | undefined): CliError {
  const convertible = kind === "PDF" || kind === "ZIP/DOCX/XLSX" || kind === "DOC/XLS (OLE)";
  return new CliError(
    "binary",
    msg(
      `${name}：不是文本文件${kind ? `（看起来是 ${kind}）` : "（含有 NUL 字节）"}，无法作为报告 JSON 读取${convertible ? "；已发布的报告文件请先用 xxgk import 转换" : ""}`,
      `${name}: not a text file${kind ? ` (looks like ${kind})` : " (contains NUL bytes)"}; cannot read it as report JSON${convertible ? "; convert a published report with xxgk import first" : ""}`,
    ),
  );
}

function swapBytes(bytes: Uint8Array): Buffer {
  const swapped = Buffer.alloc(bytes.length - (bytes.length % 2));
  for (let index = 0; index + 1 < bytes.length; index += 2) {
    swapped[index] = bytes[index + 1]!;
    swapped[index + 1] = bytes[index]!;
  }
  return swapped;
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  const body = bigEndian ? swapBytes(bytes) : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length - (bytes.length % 2));
  return body.toString("utf16le");
}

/** Decodes UTF-32; undefined when a unit is not a Unicode scalar value (or the length is not a multiple of 4). */
function decodeUtf32(bytes: Uint8Array, bigEndian: boolean): string | undefined {
  if (bytes.length % 4 !== 0) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let offset = 0; offset < bytes.length; offset += 4) {
    const code = view.getUint32(offset, !bigEndian);
    if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    chunk.push(code);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

/**
 * How UTF-8-like non-ASCII bytes are: sequences that are valid UTF-8 and bytes that are not. Text in GB18030 has
 * about one valid-looking sequence for five invalid bytes (measured on the example reports encoded in GB18030: 0.18
 * to 0.22); UTF-8 text with a stray byte has thousands of valid sequences for one invalid byte.
 */
export function utf8Evidence(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    const length = byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let ok = length > 0 && index + length <= bytes.length;
    for (let next = 1; ok && next < length; next++) if ((bytes[index + next]! & 0xc0) !== 0x80) ok = false;
    if (ok) {
      valid++;
      index += length;
    } else {
      invalid++;
      index++;
    }
  }
  return { valid, invalid };
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) !== -1;
}

/**
 * Decodes the bytes of a report. `name` is used in error messages. Throws {@link CliError} with code
 * `too-large`, `binary` or `undecodable`.
 */
export async function decodeReportBytes(bytes: Uint8Array, name: string): Promise<DecodedText> {
  if (bytes.length > MAX_INPUT_BYTES) throw tooLarge(name, bytes.length);
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const body = bytes.subarray(3);
    if (hasNul(body)) throw binaryError(name, undefined);
    const text = decodeUtf8(body);
    if (text === undefined) throw undecodable(name, bytes, 3);
    return { text, encoding: "utf-8-bom" };
  }
  // UTF-32 before UTF-16: its little-endian BOM starts with UTF-16's.
  const utf32 =
    b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0
      ? { body: bytes.subarray(4), bigEndian: false }
      : b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff
        ? { body: bytes.subarray(4), bigEndian: true }
        : bytes.length >= 4 && b0 !== 0 && b1 === 0 && b2 === 0 && b3 === 0
          ? { body: bytes, bigEndian: false }
          : bytes.length >= 4 && b0 === 0 && b1 === 0 && b2 === 0 && b3 !== 0
            ? { body: bytes, bigEndian: true }
            : undefined;
  if (utf32) {
    const text = decodeUtf32(utf32.body, utf32.bigEndian);
    if (text === undefined) {
      throw new CliError(
        "undecodable",
        msg(`${name}：看起来是 UTF-32 编码，但内容无效（长度不是 4 的倍数或含有无效码位）`, `${name}: looks like UTF-32 but is not valid UTF-32 (length not a multiple of 4, or invalid code points)`),
      );
    }
    return { text, encoding: utf32.bigEndian ? "utf-32be" : "utf-32le" };
  }
  if (b0 === 0xff && b1 === 0xfe) return { text: decodeUtf16(bytes.subarray(2), false), encoding: "utf-16le" };
  if (b0 === 0xfe && b1 === 0xff) return { text: decodeUtf16(bytes.subarray(2), true), encoding: "utf-16be" };
  // A JSON text starts with ASCII, so UTF-16 without a BOM shows a zero byte beside each of the first characters.
  if (bytes.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return { text: decodeUtf16(bytes, false), encoding: "utf-16le" };
  if (bytes.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return { text: decodeUtf16(bytes, true), encoding: "utf-16be" };
  const kind = sniffBinary(bytes);
  if (kind || hasNul(bytes)) throw binaryError(name, kind);
  const text = decodeUtf8(bytes);
  if (text !== undefined) return { text, encoding: "utf-8" };
  // Not UTF-8: GB18030 (a superset of GBK and GB2312) is what Chinese government systems export — but only when the
  // bytes clearly are GB18030, not UTF-8 with a few bad bytes.
  const evidence = utf8Evidence(bytes);
  if (evidence.valid * 2 > evidence.invalid) throw mostlyUtf8(name, bytes, evidence.invalid);
  const { default: iconv } = await import("iconv-lite");
  const gb18030 = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), "gb18030");
  if (gb18030.includes("\ufffd")) throw undecodable(name, bytes, 0);
  return { text: gb18030, encoding: "gb18030" };
}

/**
 * The error for input over {@link MAX_INPUT_BYTES}. `size` is the file's size when known (a file); a stream (standard
 * input) is not read past the limit, so its size is unknown and the message says only that it exceeds the limit.
 */
export function tooLarge(name: string, size?: number): CliError {
  const mib = size === undefined ? undefined : (size / 1024 / 1024).toFixed(1);
  return new CliError(
    "too-large",
    msg(
      `${name}：${mib === undefined ? "输入" : `文件过大（${mib} MiB），`}超过 10 MiB 的上限；一份年度报告的 JSON 通常不足 1 MiB，请确认是否选错了文件`,
      `${name}: ${mib === undefined ? "the input exceeds" : `file too large (${mib} MiB), over`} the 10 MiB limit; an annual report's JSON is usually under 1 MiB — is this the right file?`,
    ),
  );
}

/**
 * Where the first invalid UTF-8 sequence starts: its byte offset in `bytes` (from `start`) and its line (1-based, by
 * line feeds), or undefined when the bytes are valid UTF-8. Only called for a file that failed to decode.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): { offset: number; line: number } | undefined {
  let line = 1;
  let index = start;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      if (byte === 0x0a) line++;
      index++;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return { offset: index, line };
    if (index + length > bytes.length) return { offset: index, line };
    let code = byte & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next]!;
      if ((continuation & 0xc0) !== 0x80) return { offset: index, line };
      code = (code << 6) | (continuation & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (code < min || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return { offset: index, line };
    index += length;
  }
  return undefined;
}

/** Up to `count` bytes from `offset` in hex: `E9 73 22`. */
function hexAt(bytes: Uint8Array, offset: number, count = 4): string {
  return Array.from(bytes.subarray(offset, offset + count), (byte) => byte.toString(16).toUpperCase().padStart(2, "0")).join(" ");
}

function mostlyUtf8(name: string, bytes: Uint8Array, invalid: number): CliError {
  const at = firstInvalidUtf8(bytes)!;
  const hex = hexAt(bytes, at.offset);
  return new CliError(
    "undecodable",
    msg(
      `${name}：文件基本是 UTF-8 编码，但有 ${invalid} 个无效字节，第一个在第 ${at.line} 行（字节偏移 ${at.offset}，字节 ${hex}）；不会猜测编码（按 GB18030 读取会把中文全部读错），请把文件另存为 UTF-8 后重试`,
      `${name}: mostly UTF-8 but with ${invalid} invalid byte${invalid === 1 ? "" : "s"}, the first on line ${at.line} (byte offset ${at.offset}, bytes ${hex}); not guessing the encoding (reading it as GB18030 would garble every Chinese character) — save the file as UTF-8 and retry`,
    ),
  );
}

function undecodable(name: string, bytes: Uint8Array, start: number): CliError {
  const at = firstInvalidUtf8(bytes, start);
  return new CliError(
    "undecodable",
    msg(
      `${name}：无法识别文件编码（既不是 UTF-8/UTF-16，也不是 GB18030）${at ? `：第一个无效的 UTF-8 字节序列在第 ${at.line} 行（字节偏移 ${at.offset}，字节 ${hexAt(bytes, at.offset)}）` : ""}`,
      `${name}: unknown text encoding (neither UTF-8/UTF-16 nor GB18030)${at ? `: the first invalid UTF-8 sequence is on line ${at.line}, byte offset ${at.offset} (bytes ${hexAt(bytes, at.offset)})` : ""}`,
    ),
  );
}
