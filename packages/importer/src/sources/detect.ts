/**
 * Which reader a file needs, decided from its bytes first and its name second: a PDF or a Word file is known by its
 * signature whatever it is called, and a file that is none of the formats read (an old .doc, a spreadsheet, an
 * image, an archive, a program) is refused with a reason instead of being read as text.
 */
import type { SourceFormat } from "../source-document.js";
import type { LocalizedMessage } from "./errors.js";
import { isZip, listZip } from "./zip.js";

/** What a refused file looks like. */
export type RefusedKind =
  | "empty"
  | "legacy-word"
  | "spreadsheet"
  | "presentation"
  | "opendocument"
  | "rtf"
  | "archive"
  | "image"
  | "executable"
  | "binary";

/** How the format was recognised. */
export type DetectionBasis = "signature" | "markup" | "file-name" | "content";

/** The result of {@link detectFormat}. */
export type DetectedFormat =
  | {
      readonly supported: true;
      /** The reader to use. */
      readonly format: SourceFormat;
      /** `signature` (magic bytes), `markup` (HTML tags), `content` (Markdown syntax or plain text), `file-name`. */
      readonly basis: DetectionBasis;
    }
  | {
      readonly supported: false;
      /** What the file looks like. */
      readonly kind: RefusedKind;
      /** Why it is refused and what to do, in Chinese and English. */
      readonly reason: LocalizedMessage;
    };

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let index = 0; index < signature.length; index++) if (bytes[at + index] !== signature[index]) return false;
  return true;
}

function ascii(text: string): number[] {
  return Array.from(text, (character) => character.charCodeAt(0));
}

function extensionOf(fileName: string | undefined): string {
  if (!fileName) return "";
  const base = fileName.replace(/^.*[\\/]/u, "");
  const dot = base.lastIndexOf(".");
  return dot <= 0 ? "" : base.slice(dot + 1).toLowerCase();
}

function refused(kind: RefusedKind, zh: string, en: string): DetectedFormat {
  return { supported: false, kind, reason: { zh, en } };
}

/** `%PDF-` may follow a little junk; the PDF specification's readers look within the first 1,024 bytes. */
function isPdf(bytes: Uint8Array): boolean {
  const signature = ascii("%PDF-");
  const end = Math.min(bytes.length - signature.length, 1024);
  for (let at = 0; at <= end; at++) if (startsWith(bytes, signature, at)) return true;
  return false;
}

const SIGNATURES: ReadonlyArray<{ bytes: readonly number[]; at?: number; kind: RefusedKind; name: string }> = [
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], kind: "image", name: "PNG" },
  { bytes: [0xff, 0xd8, 0xff], kind: "image", name: "JPEG" },
  { bytes: ascii("GIF87a"), kind: "image", name: "GIF" },
  { bytes: ascii("GIF89a"), kind: "image", name: "GIF" },
  { bytes: [0x49, 0x49, 0x2a, 0x00], kind: "image", name: "TIFF" },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], kind: "image", name: "TIFF" },
  { bytes: ascii("WEBP"), at: 8, kind: "image", name: "WebP" },
  { bytes: [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20], kind: "image", name: "JPEG 2000" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], kind: "executable", name: "ELF" },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], kind: "executable", name: "Mach-O" },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], kind: "executable", name: "Mach-O" },
  { bytes: [0x00, 0x61, 0x73, 0x6d], kind: "executable", name: "WebAssembly" },
  { bytes: [0x1f, 0x8b], kind: "archive", name: "gzip" },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], kind: "archive", name: "7z" },
  { bytes: ascii("Rar!\u001a\u0007"), kind: "archive", name: "RAR" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], kind: "archive", name: "xz" },
  { bytes: ascii("BZh"), kind: "archive", name: "bzip2" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], kind: "archive", name: "zstd" },
];

function refuseSignature(kind: RefusedKind, name: string): DetectedFormat {
  switch (kind) {
    case "image":
      return refused(kind, `这是 ${name} 图片，不含可读取的文字；请提供报告的文字版（网页、带文字层的 PDF 或 Word 文件）`, `this is a ${name} image with no text to read; supply the report as text (a web page, a PDF with a text layer, or a Word file)`);
    case "executable":
      return refused(kind, `这是可执行程序（${name}），不是报告文件`, `this is a program (${name}), not a report`);
    default:
      return refused(kind, `这是 ${name} 压缩文件；请先解压，再导入其中的报告`, `this is a ${name} archive; extract it and import the reports inside`);
  }
}

function detectZip(bytes: Uint8Array): DetectedFormat {
  const entries = listZip(bytes);
  if (entries === undefined) return refused("archive", "ZIP 文件已损坏或不完整，无法读取其目录", "a damaged or truncated ZIP file: its directory cannot be read");
  const names = new Set(entries.map((entry) => entry.name));
  if (names.has("word/document.xml")) return { supported: true, format: "docx", basis: "signature" };
  if (names.has("xl/workbook.xml")) return refused("spreadsheet", "这是 Excel 表格（.xlsx），不是报告文件；请导入报告本身（网页、PDF 或 Word 文件）", "this is an Excel workbook (.xlsx), not a report; import the report itself (web page, PDF or Word file)");
  if (names.has("ppt/presentation.xml")) return refused("presentation", "这是 PowerPoint 演示文稿（.pptx），不是报告文件", "this is a PowerPoint presentation (.pptx), not a report");
  if (names.has("mimetype") && names.has("content.xml")) return refused("opendocument", "这是 OpenDocument 文件（.odt/.ods）；请在 WPS 或 Word 中另存为 .docx 后导入", "this is an OpenDocument file (.odt/.ods); save it as .docx (WPS or Word) and import that");
  return refused("archive", "这是 ZIP 压缩文件，不是 Word 文件（缺少 word/document.xml）；请先解压，再导入其中的报告", "this is a ZIP archive, not a Word file (no word/document.xml); extract it and import the reports inside");
}

/** The first characters of a text file as ASCII-compatible text (UTF-16 with a BOM decoded), for markup sniffing. */
function head(bytes: Uint8Array, length: number): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const even = bytes.subarray(2, 2 + 2 * length);
    return new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(even.subarray(0, even.length - (even.length % 2)));
  }
  // Tags are ASCII in UTF-8 and GB18030 alike; other bytes only need to stay out of the way.
  return new TextDecoder("latin1").decode(bytes.subarray(0, length));
}

const HTML_START = /^(?:\ufeff|\u00ef\u00bb\u00bf)?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta[\s>]|title[\s>])/iu;
const HTML_TAGS = /<(?:table|tr|td|th|p|div|span|br|h[1-6]|ul|ol|li|a|b|strong|font|center|article|section)(?:\s[^<>]*)?\/?>/giu;
const MARKDOWN_TABLE = /^\s*\|.*\|\s*$\n^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)+\|?\s*$/mu;
const MARKDOWN_HEADING = /^#{1,6}\s+\S/mu;

/**
 * Decides which reader a file needs. The bytes decide first (PDF and ZIP signatures, the ZIP's directory for
 * DOCX, the signatures of formats that are refused, HTML markup, Markdown tables and headings); the file name
 * (`.md`, `.html`, …) decides only between the text formats when the content does not. Never throws.
 */
export function detectFormat(bytes: Uint8Array, fileName?: string): DetectedFormat {
  const extension = extensionOf(fileName);
  if (bytes.length === 0) return refused("empty", "文件为空", "the file is empty");
  if (isPdf(bytes)) return { supported: true, format: "pdf", basis: "signature" };
  if (isZip(bytes)) return detectZip(bytes);
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (extension === "xls" || extension === "et") return refused("spreadsheet", "这是旧版 Excel 表格（.xls），不是报告文件", "this is an old Excel workbook (.xls), not a report");
    return refused("legacy-word", "这是旧版 Word 文件（.doc），无法直接读取；请在 Word 或 WPS 中另存为 .docx 后导入", "this is an old Word file (.doc), which cannot be read directly; save it as .docx in Word or WPS and import that");
  }
  if (startsWith(bytes, ascii("{\\rtf"))) return refused("rtf", "这是 RTF 文件；请在 Word 或 WPS 中另存为 .docx 后导入", "this is an RTF file; save it as .docx in Word or WPS and import that");
  for (const signature of SIGNATURES) if (startsWith(bytes, signature.bytes, signature.at ?? 0)) return refuseSignature(signature.kind, signature.name);
  if (startsWith(bytes, ascii("MZ")) && bytes.length > 0x40 && bytes.indexOf(0) !== -1) return refuseSignature("executable", "Windows EXE/DLL");
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16) {
    const nul = bytes.subarray(0, 64 * 1024).indexOf(0);
    if (nul !== -1) return refused("binary", `不是文本文件（字节偏移 ${nul} 处有 NUL 字节），也不是可读取的 PDF 或 Word 文件`, `not a text file (a NUL byte at byte offset ${nul}) and not a PDF or Word file either`);
  }
  const start = head(bytes, 64 * 1024);
  if (start.trim() === "" && bytes.length <= 64 * 1024) return refused("empty", "文件只含空白", "the file holds only whitespace");
  if (HTML_START.test(start)) return { supported: true, format: "html", basis: "markup" };
  const tags = start.match(HTML_TAGS)?.length ?? 0;
  if (tags >= 3 || (tags >= 1 && (extension === "html" || extension === "htm" || extension === "shtml" || extension === "xhtml"))) {
    return { supported: true, format: "html", basis: tags >= 3 ? "markup" : "file-name" };
  }
  if (MARKDOWN_TABLE.test(start) || MARKDOWN_HEADING.test(start)) return { supported: true, format: "markdown", basis: "content" };
  if (extension === "md" || extension === "markdown") return { supported: true, format: "markdown", basis: "file-name" };
  return { supported: true, format: "text", basis: "content" };
}
