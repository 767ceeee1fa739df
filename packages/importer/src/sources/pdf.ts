/**
 * PDFs with a text layer into a `SourceDocument`, with PDF.js (through unpdf's build of it, which runs without a
 * worker in Node and in browsers and imports no Node built-in). PDF.js gives text items with positions; this reader
 * turns them into lines and cells the way the page looks: items are grouped into lines by baseline (tolerance
 * relative to font size), ordered by x, and a line is split into cells where the gap between items is wider than
 * about half a character. Each cell keeps its horizontal extent (`x0`/`x1`) so the recogniser can align values with
 * header columns when a cell is missing; positions are in points from the page's top-left corner. Page footers
 * (`- 3 -`) stay as lines of their own: the recogniser drops them.
 *
 * Bounds: the input size, the page count and the number of text items are limited, and before PDF.js sees the
 * file its Flate streams are inflated in steps with fflate and counted (see `checkPdfStreams`), so a "PDF bomb" (a
 * tiny stream that expands to gigabytes) is refused before PDF.js would hold it in memory.
 */
import { Unzlib } from "fflate";
import type { SourceCell, SourceDocument, SourceLine } from "../source-document.js";
import { SourceReadError, formatBytes, tooLargeError } from "./errors.js";
import { limitsOf, type ReadOptions, type SourceLimits } from "./limits.js";
import { isWide, normalizeText } from "./text.js";

/** A text item placed on the page: top-left origin, y down, in points. */
interface PlacedItem {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly size: number;
}

/** Items on one baseline. */
interface PlacedLine {
  readonly y: number;
  size: number;
  readonly items: PlacedItem[];
}

/** Lines whose baselines differ by at most this many font sizes (of the smaller text) are one line. */
const BASELINE_TOLERANCE = 0.5;
/** A gap between items wider than this many font sizes (of the smaller text) starts a new cell. */
const CELL_GAP = 0.5;
/** A gap wider than this many font sizes between two non-CJK items becomes a space. */
const WORD_GAP = 0.15;

const round = (value: number) => Math.round(value * 10) / 10;

function fileLabel(options: ReadOptions | undefined) {
  return options?.fileName ? { zh: `${options.fileName}：`, en: `${options.fileName}: ` } : { zh: "", en: "" };
}

/** Deflate expands at most 1,032-fold (a 2-bit code for 258 bytes); the margin covers zlib's header and blocks. */
const MAX_DEFLATE_RATIO = 1_100;

/**
 * Refuses a PDF whose zlib-wrapped (Flate) streams expand beyond the limit all together. Streams are inflated with
 * fflate in 64 KiB steps, counting and keeping nothing, largest first, and only until the streams left could not
 * pass the limit even at deflate's highest ratio: an ordinary PDF costs an inflate of its largest stream or two.
 */
export function checkPdfStreams(bytes: Uint8Array, limits: SourceLimits, options?: ReadOptions): void {
  const label = fileLabel(options);
  // One pass finds every "stream" keyword; those preceded by "end" close a stream's data.
  const starts: number[] = [];
  const ends: number[] = [];
  for (let at = bytes.indexOf(0x73); at !== -1 && at + 6 <= bytes.length; at = bytes.indexOf(0x73, at + 1)) {
    if (bytes[at + 1] !== 0x74 || bytes[at + 2] !== 0x72 || bytes[at + 3] !== 0x65 || bytes[at + 4] !== 0x61 || bytes[at + 5] !== 0x6d) continue;
    if (at >= 3 && bytes[at - 3] === 0x65 && bytes[at - 2] === 0x6e && bytes[at - 1] === 0x64) {
      ends.push(at - 3);
      continue;
    }
    // The keyword is followed by CRLF or LF, then the data.
    let data = at + 6;
    if (bytes[data] === 0x0d) data++;
    if (bytes[data] === 0x0a) starts.push(data + 1);
  }
  const streams: Array<{ start: number; stop: number }> = [];
  let endIndex = 0;
  for (const start of starts) {
    while (endIndex < ends.length && ends[endIndex]! < start) endIndex++;
    const stop = endIndex < ends.length ? ends[endIndex]! : bytes.length;
    const b0 = bytes[start] ?? 0;
    const b1 = bytes[start + 1] ?? 0;
    // Only zlib-wrapped (FlateDecode) data: deflate method, and the header's check bits.
    if ((b0 & 0x0f) === 8 && ((b0 << 8) | b1) % 31 === 0) streams.push({ start, stop });
  }
  streams.sort((a, b) => b.stop - b.start - (a.stop - a.start));
  let worstLeft = streams.reduce((sum, stream) => sum + (stream.stop - stream.start) * MAX_DEFLATE_RATIO, 0);
  const step = 64 * 1024;
  let total = 0;
  for (const { start, stop } of streams) {
    if (total + worstLeft <= limits.maxInflatedBytes) break;
    worstLeft -= (stop - start) * MAX_DEFLATE_RATIO;
    let over = false;
    let ended = false;
    const inflater = new Unzlib((chunk, final) => {
      total += chunk.length;
      if (total > limits.maxInflatedBytes) over = true;
      if (final) ended = true;
    });
    try {
      for (let offset = start; !over && !ended && offset < stop; offset += step) {
        inflater.push(bytes.subarray(offset, Math.min(stop, offset + step)));
      }
    } catch {
      // Damaged or not really Flate: PDF.js decides what to make of it.
    }
    if (over) {
      throw new SourceReadError("decompression-limit", {
        zh: `${label.zh}PDF 中的压缩数据解压后超过 ${formatBytes(limits.maxInflatedBytes)}（文件本身 ${formatBytes(bytes.length)}），疑似 PDF 炸弹，已拒绝`,
        en: `${label.en}the PDF's compressed streams expand beyond ${formatBytes(limits.maxInflatedBytes)} (from a ${formatBytes(bytes.length)} file): refused as a likely PDF bomb`,
      });
    }
  }
}

function isPdfSignature(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let at = 0; at <= end; at++) {
    if (bytes[at] === 0x25 && bytes[at + 1] === 0x50 && bytes[at + 2] === 0x44 && bytes[at + 3] === 0x46 && bytes[at + 4] === 0x2d) return true;
  }
  return false;
}

/** Groups placed items into lines (by baseline) and lines into cells (by gaps). */
export function linesOfPage(items: readonly PlacedItem[], page: number): SourceLine[] {
  const sorted = [...items].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: PlacedLine[] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && item.y - line.y <= BASELINE_TOLERANCE * Math.min(line.size, item.size)) {
      line.items.push(item);
      line.size = Math.max(line.size, item.size);
    } else lines.push({ y: item.y, size: item.size, items: [item] });
  }
  const out: SourceLine[] = [];
  for (const line of lines) {
    line.items.sort((a, b) => a.x - b.x);
    const cells: SourceCell[] = [];
    let text = "";
    let first = line.items[0]!;
    let last = first;
    const finish = () => {
      const normalized = normalizeText(text);
      if (normalized === "") return;
      cells.push({ text: normalized, position: { kind: "pdf", page, x: round(first.x), y: round(first.y) }, x0: round(first.x), x1: round(last.x + last.width) });
    };
    for (const item of line.items) {
      if (item !== first) {
        const gap = item.x - (last.x + last.width);
        const size = Math.min(item.size, last.size);
        if (gap > CELL_GAP * size) {
          finish();
          text = "";
          first = item;
        } else if (gap > WORD_GAP * size && !isWide(text.slice(-1)) && !isWide(item.text.slice(0, 1)) && !text.endsWith(" ")) text += " ";
      }
      text += item.text;
      last = item;
    }
    finish();
    if (cells.length > 0) out.push({ cells, position: cells[0]!.position });
  }
  return out;
}

interface TextItemLike {
  readonly str?: string;
  readonly transform?: readonly number[];
  readonly width?: number;
}

/**
 * Reads a PDF's text layer. Throws {@link SourceReadError}: `too-large`, `invalid-pdf`, `encrypted`,
 * `decompression-limit`, `limit-exceeded` (pages or text items), or `no-text-layer` when no page has any text (a
 * scanned report: there is nothing to read without OCR).
 */
export async function readPdf(bytes: Uint8Array, options?: ReadOptions): Promise<SourceDocument> {
  const limits = limitsOf(options);
  const label = fileLabel(options);
  if (bytes.length > limits.maxInputBytes) throw tooLargeError({ zh: "PDF 文件", en: "PDF file" }, bytes.length, limits.maxInputBytes);
  if (!isPdfSignature(bytes)) {
    throw new SourceReadError("invalid-pdf", { zh: `${label.zh}不是 PDF 文件（开头没有 %PDF- 标记）`, en: `${label.en}not a PDF file (no %PDF- header)` });
  }
  checkPdfStreams(bytes, limits, options);

  const { getDocumentProxy, getMeta } = await import("unpdf");
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // A plain Uint8Array copy: PDF.js may detach the buffer it is given, and refuses a Node Buffer.
    document = await getDocumentProxy(new Uint8Array(bytes), { isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  } catch (error) {
    const name = error instanceof Error ? error.name : "";
    if (name === "PasswordException") {
      throw new SourceReadError("encrypted", { zh: `${label.zh}PDF 文件有密码保护，无法读取`, en: `${label.en}the PDF is password-protected and cannot be read` }, { cause: error });
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new SourceReadError("invalid-pdf", { zh: `${label.zh}PDF 文件已损坏，无法打开（${detail}）`, en: `${label.en}the PDF is damaged and cannot be opened (${detail})` }, { cause: error });
  }
  try {
    const pages = document.numPages;
    if (pages > limits.maxPdfPages) {
      throw new SourceReadError("limit-exceeded", {
        zh: `${label.zh}PDF 有 ${pages} 页，超过 ${limits.maxPdfPages} 页的上限，不像年度报告`,
        en: `${label.en}the PDF has ${pages} pages, over the ${limits.maxPdfPages}-page limit: not an annual report`,
      });
    }
    const lines: SourceLine[] = [];
    let itemCount = 0;
    let textItems = 0;
    for (let pageNumber = 1; pageNumber <= pages; pageNumber++) {
      try {
        const page = await document.getPage(pageNumber);
        const viewport = page.getViewport({ scale: 1 });
        const placed: PlacedItem[] = [];
        const reader = page.streamTextContent().getReader() as ReadableStreamDefaultReader<{ items: TextItemLike[] }>;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          itemCount += value.items.length;
          if (itemCount > limits.maxPdfTextItems) {
            // Stop reading: PDF.js waits for the reader before producing more, and destroy() below ends the document.
            reader.releaseLock();
            throw new SourceReadError("limit-exceeded", {
              zh: `${label.zh}PDF 的文字项超过 ${limits.maxPdfTextItems} 个（读到第 ${pageNumber} 页），不像年度报告`,
              en: `${label.en}the PDF holds more than ${limits.maxPdfTextItems} text items (by page ${pageNumber}): not an annual report`,
            });
          }
          for (const item of value.items) {
            if (typeof item.str !== "string" || item.str.trim() === "" || !item.transform) continue;
            const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
            const [x, y] = viewport.convertToViewportPoint(e, f) as [number, number];
            const size = Math.hypot(c, d) || Math.hypot(a, b);
            if (!Number.isFinite(x) || !Number.isFinite(y) || !(size > 0)) continue;
            textItems++;
            placed.push({ text: item.str, x, y, width: Math.max(0, item.width ?? 0), size });
          }
        }
        for (const line of linesOfPage(placed, pageNumber)) lines.push(line);
        page.cleanup();
      } catch (error) {
        if (error instanceof SourceReadError) throw error;
        const detail = error instanceof Error ? error.message : String(error);
        throw new SourceReadError(
          "invalid-pdf",
          { zh: `${label.zh}PDF 第 ${pageNumber} 页已损坏，无法读取（${detail}）`, en: `${label.en}page ${pageNumber} of the PDF is damaged and cannot be read (${detail})` },
          { cause: error },
        );
      }
    }
    if (textItems === 0) {
      throw new SourceReadError("no-text-layer", {
        zh: `${label.zh}PDF 共 ${pages} 页，但没有文字层（可能是扫描件或图片），无法读取；请提供带文字的 PDF、网页或 Word 文件`,
        en: `${label.en}the PDF's ${pages} page${pages === 1 ? "" : "s"} carry no text layer (a scan or images of text); supply a PDF with text, the web page or the Word file`,
      });
    }
    let title: string | undefined;
    try {
      const meta = await getMeta(document);
      const raw = (meta.info as { Title?: unknown }).Title;
      if (typeof raw === "string" && normalizeText(raw) !== "") title = normalizeText(raw);
    } catch {
      // The title is optional; a damaged info dictionary does not stop the reading.
    }
    return { format: "pdf", lines, pages, ...(title ? { title } : {}) };
  } finally {
    await document.destroy().catch(() => undefined);
  }
}
