/**
 * Bytes of a text document into a string, with nothing but `TextDecoder` so it runs in a browser as well as in
 * Node: UTF-8 with or without BOM, UTF-16 LE/BE with a BOM, and GB18030 (the superset of GBK and GB2312 that
 * Chinese government systems export) when the bytes are not UTF-8 but clearly Chinese text in GB18030. Anything
 * else is refused with the offset of the first byte that is not UTF-8, rather than guessed.
 */
import { SourceReadError, tooLargeError } from "./errors.js";
import { limitsOf, type ReadOptions } from "./limits.js";

/**
 * The encoding a text was found in: `utf-8`, `utf-8-bom`, `utf-16le`, `utf-16be`, `gb18030`, or — for an HTML page
 * that declares another charset a browser knows, such as `big5` — that charset's WHATWG name.
 */
export type TextEncodingName = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030" | (string & {});

/** A decoded text and the encoding it was read in. */
export interface DecodedText {
  /** The text, without a byte order mark. */
  readonly text: string;
  readonly encoding: TextEncodingName;
}

function label(options: ReadOptions | undefined): { zh: string; en: string } {
  return options?.fileName ? { zh: `${options.fileName}：`, en: `${options.fileName}: ` } : { zh: "", en: "" };
}

/**
 * Where the first invalid UTF-8 sequence starts (byte offset from 0 and line, 1-based by line feeds), or undefined
 * when all of `bytes` from `start` is valid UTF-8.
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0): { offset: number; line: number } | undefined {
  let line = 1;
  for (let index = 0; index < start && index < bytes.length; index++) if (bytes[index] === 0x0a) line++;
  let index = start;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      if (byte === 0x0a) line++;
      index++;
      continue;
    }
    let length: number;
    let minimum: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, minimum] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, minimum] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, minimum] = [4, 0x10000];
    else return { offset: index, line };
    if (index + length > bytes.length) return { offset: index, line };
    let code = byte & (0xff >> (length + 1));
    for (let next = 1; next < length; next++) {
      const continuation = bytes[index + next]!;
      if ((continuation & 0xc0) !== 0x80) return { offset: index, line };
      code = (code << 6) | (continuation & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are invalid too.
    if (code < minimum || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) return { offset: index, line };
    index += length;
  }
  return undefined;
}

function strictDecode(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Characters Chinese text in GB18030 is made of beyond ASCII: Han, CJK and fullwidth punctuation, quotes, dashes. */
const CHINESE_TEXT = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2010-\u2027\u2030-\u205e\u00b7\u00d7\u00f7\u2460-\u24ff\u2160-\u217f]/u;
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffd]/u;

/**
 * True when a GB18030 decoding looks like Chinese text rather than other bytes that happen to decode: no control
 * characters, and at least 90% of its non-ASCII characters are Han or Chinese punctuation.
 */
function looksLikeChinese(text: string): boolean {
  if (CONTROL.test(text)) return false;
  let wide = 0;
  let other = 0;
  for (const character of text) {
    if (character.charCodeAt(0) < 0x80) continue;
    if (CHINESE_TEXT.test(character)) wide++;
    else other++;
  }
  return wide > 0 && wide >= 9 * other;
}

function undecodable(bytes: Uint8Array, start: number, options: ReadOptions | undefined): SourceReadError {
  const at = firstInvalidUtf8(bytes, start);
  const where = label(options);
  return new SourceReadError("undecodable", {
    zh: `${where.zh}无法识别文本编码（既不是 UTF-8、带 BOM 的 UTF-16，也不是 GB18030）${at ? `：第一个无效的 UTF-8 字节序列在第 ${at.line} 行（字节偏移 ${at.offset}，0x${bytes[at.offset]!.toString(16).padStart(2, "0")}）` : ""}；请另存为 UTF-8 后重试`,
    en: `${where.en}unknown text encoding (neither UTF-8, UTF-16 with a BOM, nor GB18030)${at ? `: the first invalid UTF-8 sequence is on line ${at.line}, byte offset ${at.offset} (0x${bytes[at.offset]!.toString(16).padStart(2, "0")})` : ""}; save the file as UTF-8 and try again`,
  });
}

function binary(offset: number, options: ReadOptions | undefined): SourceReadError {
  const where = label(options);
  return new SourceReadError("unsupported-format", {
    zh: `${where.zh}不是文本：字节偏移 ${offset} 处有 NUL 字节（若为无 BOM 的 UTF-16 文本，请另存为 UTF-8）`,
    en: `${where.en}not text: a NUL byte at byte offset ${offset} (if this is UTF-16 without a byte order mark, save it as UTF-8)`,
  });
}

/**
 * Decodes the bytes of a text document. Throws {@link SourceReadError} `too-large`, `undecodable` (naming the first
 * byte that is not UTF-8) or `unsupported-format` (NUL bytes: not text).
 */
export function decodeText(bytes: Uint8Array, options?: ReadOptions): DecodedText {
  const limits = limitsOf(options);
  if (bytes.length > limits.maxInputBytes) throw tooLargeError({ zh: "文件", en: "file" }, bytes.length, limits.maxInputBytes);
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    const text = strictDecode("utf-8", bytes.subarray(3));
    if (text === undefined) throw undecodable(bytes, 3, options);
    const nul = text.indexOf("\u0000");
    if (nul !== -1) throw binary(bytes.indexOf(0, 3), options);
    return { text, encoding: "utf-8-bom" };
  }
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    const encoding = b0 === 0xff ? "utf-16le" : "utf-16be";
    const text = strictDecode(encoding, bytes.subarray(2));
    if (text === undefined) {
      const where = label(options);
      throw new SourceReadError("undecodable", {
        zh: `${where.zh}文件以 ${encoding.toUpperCase()} 字节序标记开头，但内容不是有效的 ${encoding.toUpperCase()}（长度为奇数或含孤立的代理项）`,
        en: `${where.en}the file starts with a ${encoding.toUpperCase()} byte order mark but is not valid ${encoding.toUpperCase()} (odd length or a lone surrogate)`,
      });
    }
    if (text.includes("\u0000")) throw binary(2 + 2 * text.indexOf("\u0000"), options);
    return { text, encoding };
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw binary(nul, options);
  const utf8 = strictDecode("utf-8", bytes);
  if (utf8 !== undefined) return { text: utf8, encoding: "utf-8" };
  const gb18030 = strictDecode("gb18030", bytes);
  if (gb18030 !== undefined && looksLikeChinese(gb18030)) return { text: gb18030, encoding: "gb18030" };
  throw undecodable(bytes, 0, options);
}

/**
 * Decodes bytes in an encoding a document declared (an HTML `<meta charset>`). A byte order mark wins over the
 * declaration, and so do bytes that are valid UTF-8; when the declaration is unknown or the bytes do not fit it,
 * {@link decodeText} decides (pages that declare one charset and are saved in another are common). GBK and GB2312
 * are read as GB18030, their superset.
 */
export function decodeDeclared(bytes: Uint8Array, declared: string | undefined, options?: ReadOptions): DecodedText {
  const hasBom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (declared === undefined || hasBom) return decodeText(bytes, options);
  let canonical: string;
  try {
    canonical = new TextDecoder(declared.trim().toLowerCase()).encoding;
  } catch {
    return decodeText(bytes, options);
  }
  if (canonical === "utf-8" || canonical === "utf-16le" || canonical === "utf-16be" || canonical === "replacement") return decodeText(bytes, options);
  const limits = limitsOf(options);
  if (bytes.length > limits.maxInputBytes) throw tooLargeError({ zh: "文件", en: "file" }, bytes.length, limits.maxInputBytes);
  // Bytes that are valid UTF-8 are UTF-8, whatever the page says: crawled and re-saved pages keep their old
  // <meta charset=gbk>, while GBK text that happens to be valid UTF-8 throughout does not occur in practice.
  const utf8 = strictDecode("utf-8", bytes);
  if (utf8 !== undefined && !utf8.includes("\u0000")) return { text: utf8, encoding: "utf-8" };
  const effective = canonical === "gbk" ? "gb18030" : canonical;
  const text = strictDecode(effective, bytes);
  if (text === undefined || text.includes("\u0000")) return decodeText(bytes, options);
  return { text, encoding: effective };
}
