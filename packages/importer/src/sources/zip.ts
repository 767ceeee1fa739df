/**
 * Reading parts out of a ZIP (a DOCX) with fflate, bounded: the central directory is listed without inflating
 * anything, and each wanted part is inflated in chunks that are counted, so a part that expands beyond the limit
 * (a zip bomb, whatever sizes its headers claim) is stopped before it is held in memory.
 */
import { Inflate, unzipSync } from "fflate";
import { SourceReadError, formatBytes } from "./errors.js";

/** One entry of a ZIP's central directory. */
export interface ZipEntry {
  readonly name: string;
  /** Bytes stored in the archive. */
  readonly compressedSize: number;
  /** Bytes the entry claims to expand to (not trusted). */
  readonly originalSize: number;
  /** 0 = stored, 8 = deflate. */
  readonly compression: number;
}

/** True when the bytes start like a ZIP (a local file header, or the end record of an empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

/** The entries of a ZIP, or undefined when its central directory cannot be read. Inflates nothing. */
export function listZip(bytes: Uint8Array): ZipEntry[] | undefined {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, {
      filter(file) {
        entries.push({ name: file.name, compressedSize: file.size, originalSize: file.originalSize, compression: file.compression });
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return entries;
}

const LOCAL_HEADER = 0x04034b50;

function u16(bytes: Uint8Array, at: number): number {
  return bytes[at]! | (bytes[at + 1]! << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** Offsets of the local headers named in the central directory, keyed by entry name. */
function localHeaderOffsets(bytes: Uint8Array): Map<string, { offset: number; size: number; compression: number }> {
  const offsets = new Map<string, { offset: number; size: number; compression: number }>();
  // The end-of-central-directory record is in the last 65,557 bytes (22 bytes plus a comment of up to 65,535).
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 65_557); at--) {
    if (u32(bytes, at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end < 0) return offsets;
  const count = u16(bytes, end + 10);
  let at = u32(bytes, end + 16);
  const decoder = new TextDecoder();
  for (let index = 0; index < count && at + 46 <= bytes.length; index++) {
    if (u32(bytes, at) !== 0x02014b50) break;
    const compression = u16(bytes, at + 10);
    const size = u32(bytes, at + 20);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    const offset = u32(bytes, at + 42);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    offsets.set(name, { offset, size, compression });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return offsets;
}

/**
 * Reads one entry of a ZIP, refusing (`decompression-limit`) as soon as its output passes `maxBytes`. Returns
 * undefined when the entry is missing; throws `invalid-docx` when its data is damaged or uses an unknown method.
 */
export function readZipEntry(bytes: Uint8Array, name: string, maxBytes: number, fileLabel: { readonly zh: string; readonly en: string }): Uint8Array | undefined {
  const entry = localHeaderOffsets(bytes).get(name);
  if (entry === undefined) return undefined;
  const damaged = (why: string, whyEn: string) =>
    new SourceReadError("invalid-docx", {
      zh: `${fileLabel.zh}Word 文件已损坏：${name} ${why}`,
      en: `${fileLabel.en}damaged Word file: ${name} ${whyEn}`,
    });
  if (entry.offset + 30 > bytes.length || u32(bytes, entry.offset) !== LOCAL_HEADER) throw damaged("的本地文件头缺失", "has no local file header");
  const start = entry.offset + 30 + u16(bytes, entry.offset + 26) + u16(bytes, entry.offset + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.size));
  const tooBig = () =>
    new SourceReadError("decompression-limit", {
      zh: `${fileLabel.zh}Word 文件中的 ${name} 解压后超过 ${formatBytes(maxBytes)}（压缩前 ${formatBytes(entry.size)}），疑似压缩炸弹，已拒绝`,
      en: `${fileLabel.en}${name} in the Word file expands beyond ${formatBytes(maxBytes)} (from ${formatBytes(entry.size)} compressed): refused as a likely zip bomb`,
    });
  if (entry.compression === 0) {
    if (data.length > maxBytes) throw tooBig();
    return data;
  }
  if (entry.compression !== 8) throw damaged(`使用了不支持的压缩方式 ${entry.compression}`, `uses unsupported compression method ${entry.compression}`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) over = true;
    else chunks.push(chunk);
  });
  // Small input steps bound the overshoot: 16 KiB of deflate expands to at most about 16 MiB.
  const step = 16 * 1024;
  try {
    for (let at = 0; at < data.length && !over; at += step) inflater.push(data.subarray(at, at + step), at + step >= data.length);
  } catch (error) {
    if (over) throw tooBig();
    throw damaged("的压缩数据已损坏", "has damaged compressed data");
  }
  if (over) throw tooBig();
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
