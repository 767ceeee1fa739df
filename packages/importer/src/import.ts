/**
 * The public API: `importDocument` (a `SourceDocument` → report, findings and provenance) and `importReport`
 * (bytes or text of any supported format → the same). Deterministic, browser-safe (no Node built-ins).
 */
import {
  LAYOUTS,
  createEmptyReport,
  editionForYear,
  REPORT_YEAR_RANGE,
  type Edition,
  type ImportRecordData,
  type Prose,
  type Report,
  type SectionKey,
} from "@xxgk/schema/layout";
import { describePosition, finding, type ImportFinding, type RefusalCode } from "./findings.js";
import { linesOf, proseOf, titleOf } from "./prose.js";
import { looksLikeMarkdown, readText } from "./read-text.js";
import { findSections, sectionRanges } from "./sections.js";
import type { SourceDocument, SourceFormat, SourcePosition } from "./source-document.js";
import { buildStream } from "./stream.js";
import { editionFromTables, readTables, type CellHow } from "./tables.js";
import { VERSION } from "./version.js";

/** Options of an import. */
export interface ImportOptions {
  /** The source file's name: recorded in the result, and used to tell the format when the bytes do not. */
  readonly fileName?: string;
  /** Language of `ImportResult.summary`-style messages where one language is needed; findings carry both. */
  readonly lang?: "zh" | "en";
}

/** Where one cell came from and how it was obtained. */
export interface CellProvenance {
  readonly how: CellHow;
  /** Where in the source (absent for cells not found). */
  readonly position?: SourcePosition;
}

/** Cells by how they were obtained. */
export interface ImportCounts {
  /** Cells read directly (with a number or published blank). */
  readonly read: number;
  /** Cells whose value was inferred (glued digits split by the table's arithmetic, a collapsed row of zeros). */
  readonly inferred: number;
  /** Cells present in the source that could not be read, plus cells not found at all. */
  readonly unreadable: number;
  /** Cells read as published blank (part of `read`). */
  readonly blank: number;
  /** Cells not found in the source at all (part of `unreadable`). */
  readonly absent: number;
}

/** The outcome of an import. */
export interface ImportResult {
  /** `imported`: every section found; `partial`: sections or rows missing; `refused`: nothing imported. */
  readonly status: "imported" | "partial" | "refused";
  /** The report (valid against `@xxgk/schema`; blank, unreadable and absent cells are null), unless refused. */
  readonly report?: Report;
  readonly findings: readonly ImportFinding[];
  /** Per cell JSON Pointer: where it was read and how. */
  readonly provenance: Readonly<Record<string, CellProvenance>>;
  readonly counts: ImportCounts;
  /** For refusals: the reason. */
  readonly refusal?: { readonly code: RefusalCode; readonly message: string; readonly messageEn: string };
  /** The format the input was read as. */
  readonly format?: SourceFormat;
}

const EMPTY_COUNTS: ImportCounts = { read: 0, inferred: 0, unreadable: 0, blank: 0, absent: 0 };

function refuse(code: RefusalCode, message: string, messageEn: string, format?: SourceFormat): ImportResult {
  const refusal = finding(code, message, messageEn);
  return {
    status: "refused",
    findings: [refusal],
    provenance: {},
    counts: EMPTY_COUNTS,
    refusal: { code, message, messageEn },
    ...(format ? { format } : {}),
  };
}

const INLINE_DATE = /^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const SIGNATURE_DATE = /^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/u;
const PREAMBLE_START = /(?:本年度报告|本报告由[^。]{0,30}?|本报告)?(?:根据|按照|依据)[^。《]{0,12}《|本报告由|现向社会公布|现公布/u;

/** Imports a document already read into the intermediate form. Never throws. */
export function importDocument(document: SourceDocument, options: ImportOptions = {}): ImportResult {
  const stream = buildStream(document);
  if (stream.compact.trim() === "") {
    return refuse("NOT_A_DOCUMENT", "文件中没有文字内容。", "The document holds no text.", document.format);
  }
  const sections = findSections(stream);
  const ranges = sectionRanges(stream, sections);
  const findings: ImportFinding[] = [];
  const firstHeading = sections[0]?.headingStart ?? stream.text.length;
  const headLines = linesOf(stream, 0, firstHeading);
  const titleInfo = titleOf(headLines.length > 0 ? headLines : linesOf(stream, 0, Math.min(stream.text.length, 2000)));
  const documentTitle = document.title ? titleOf([document.title]) : undefined;
  const year = titleInfo.year ?? documentTitle?.year;
  const tableSections = sections.filter((section) => ["proactiveDisclosure", "applications", "reviewAndLitigation"].includes(section.key));

  if (year !== undefined && year < REPORT_YEAR_RANGE.min) {
    return refuse(
      "PRE_2019",
      `这是 ${year} 年度的报告：2019 年以前的年度报告没有统一格式，无法按格式导入。`,
      `This is a report for ${year}: reports before 2019 had no fixed layout and cannot be imported by it.`,
      document.format,
    );
  }
  if (tableSections.length === 0 && sections.length < 3) {
    return refuse(
      "NO_REPORT",
      "文件中没有找到政府信息公开工作年度报告（没有找到“二、主动公开政府信息情况”等章节）。",
      "The document holds no Government Information Disclosure Annual Report (no section such as 二、主动公开政府信息情况 was found).",
      document.format,
    );
  }
  if (year === undefined || year > REPORT_YEAR_RANGE.max) {
    return refuse(
      "NO_YEAR",
      "没有在标题中找到报告年度（如“2023年政府信息公开工作年度报告”）。",
      "The report year was not found in the title (such as 2023年政府信息公开工作年度报告).",
      document.format,
    );
  }

  // Edition from the tables; the year decides only when the tables cannot.
  const table2Range = ranges.get("proactiveDisclosure");
  const fromTables = table2Range ? editionFromTables(stream, table2Range.start, table2Range.end) : { edition: undefined, scores: { "2021": 0, "2019": 0 } };
  const byYear = editionForYear(year)!;
  const edition: Edition = fromTables.edition ?? byYear;
  if (!fromTables.edition) {
    findings.push(
      finding(
        "EDITION_FROM_YEAR",
        `无法从表格判断格式版本，按年度 ${year} 采用 ${edition} 年版。`,
        `The edition could not be told from the tables; the year ${year} gives edition ${edition}.`,
      ),
    );
  } else if (fromTables.edition !== byYear) {
    findings.push(
      finding(
        "EDITION_MISMATCH",
        `${year} 年度的报告使用了 ${fromTables.edition} 年版表格（${LAYOUTS[fromTables.edition].basis}），按所用表格导入。`,
        `The ${year} report uses the ${fromTables.edition} tables (${LAYOUTS[fromTables.edition].basis}); imported as printed.`,
      ),
    );
  }

  for (const section of sections) {
    if (section.variant) {
      const official = LAYOUTS[edition].sections.find((candidate) => candidate.key === section.key)!.heading;
      findings.push(
        finding("HEADING_VARIANT", `标题“${section.printed}”按“${official}”读取。`, `Heading "${section.printed}" read as "${official}".`, {
          position: positionOf(stream, section.headingStart),
        }),
      );
    }
  }
  const missingSections = LAYOUTS[edition].sections.filter((section) => !ranges.has(section.key));
  for (const section of missingSections) {
    findings.push(finding("SECTION_NOT_FOUND", `未找到“${section.heading}”。`, `Section "${section.heading}" was not found.`));
  }

  const tables = readTables(stream, edition, {
    ...(ranges.has("proactiveDisclosure") ? { table2: ranges.get("proactiveDisclosure")! } : {}),
    ...(ranges.has("applications") ? { table3: ranges.get("applications")! } : {}),
    ...(ranges.has("reviewAndLitigation") ? { table4: ranges.get("reviewAndLitigation")! } : {}),
  });
  if (tables.valueTokens === 0 && tables.labelsFound === 0) {
    return refuse(
      "TABLES_AS_IMAGES",
      "找到了报告的章节，但表格中没有文字（表格可能以图片形式发布），无法导入数据。",
      "The report's sections are there but its tables hold no text (probably published as images); nothing to import.",
      document.format,
    );
  }
  findings.push(...tables.findings);

  // Body and title.
  let body = titleInfo.body ?? documentTitle?.body;
  if (!body) {
    findings.push(finding("BODY_NOT_FOUND", "没有从标题中读出发布机关名称。", "The reporting body could not be read from the title."));
    body = "（导入时未识别）";
  }
  const report = createEmptyReport({ edition, year, body, fill: null }) as Report & Record<string, unknown>;
  const title = titleInfo.title ?? documentTitle?.title;
  if (title) report.meta.title = title;
  if (options.fileName) report.meta.source = options.fileName;

  // Cells.
  const provenance: Record<string, CellProvenance> = {};
  const counts = { read: 0, inferred: 0, unreadable: 0, blank: 0, absent: 0 };
  const record: ImportRecordData & { absent: string[]; positions: Record<string, string> } = {
    tool: "@xxgk/importer",
    version: VERSION,
    unreadable: [],
    inferred: [],
    absent: [],
    positions: {},
  };
  const sectionsOfReport = report as unknown as Record<string, Record<string, Record<string, number | null>>>;
  for (const [pointer, reading] of tables.cells) {
    const [, section, row, column] = pointer.split("/");
    const target = sectionsOfReport[section!]?.[row!];
    if (!target || !(column! in target)) continue;
    target[column!] = reading.how === "read" || reading.how === "inferred" ? reading.value : null;
    provenance[pointer] = { how: reading.how, ...(reading.position ? { position: reading.position } : {}) };
    if (reading.position) record.positions[pointer] = describePosition(reading.position, "en");
    if (reading.how === "read") {
      counts.read += 1;
      if (reading.value === null) counts.blank += 1;
    } else if (reading.how === "inferred") {
      counts.inferred += 1;
      record.inferred.push(pointer);
    } else {
      counts.unreadable += 1;
      if (reading.how === "absent") {
        counts.absent += 1;
        record.absent.push(pointer);
      } else {
        record.unreadable.push(pointer);
      }
    }
  }
  record.source = { format: document.format, ...(options.fileName ? { fileName: options.fileName } : {}) };

  // Prose.
  const preambleLines = headLines.slice(titleInfo.titleLine + 1);
  if (titleInfo.rest) preambleLines.unshift(titleInfo.rest);
  let preambleText = preambleLines;
  const startAt = preambleText.findIndex((line) => PREAMBLE_START.test(line));
  if (startAt >= 0) {
    const line = preambleText[startAt]!;
    const cut = line.search(PREAMBLE_START);
    preambleText = [line.slice(cut), ...preambleText.slice(startAt + 1)];
  }
  const preamble = proseOf(preambleText);
  if (preamble.paragraphs.length > 0 || (preamble.parts?.length ?? 0) > 0) report.preamble = preamble;
  const proseSection = (key: SectionKey): Prose => {
    const range = ranges.get(key);
    return range ? proseOf(linesOf(stream, range.start, range.end)) : { paragraphs: [] };
  };
  report.overview = proseSection("overview");
  report.problemsAndImprovements = proseSection("problemsAndImprovements");
  // The signature after the last section (body name, date) is not part of 六; the date is the publication date.
  const otherRange = ranges.get("otherMatters");
  if (otherRange) {
    const lines = linesOf(stream, otherRange.start, otherRange.end);
    const date = SIGNATURE_DATE.exec(lines[lines.length - 1] ?? "");
    const setDate = (y: string, m: string, d: string) => {
      report.meta.publishedOn = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
    };
    if (date) {
      lines.pop();
      setDate(date[1]!, date[2]!, date[3]!);
      const last = lines[lines.length - 1];
      if (last && last.length <= 30 && !/[。，,；;：:]/u.test(last)) lines.pop();
    } else if (lines.length > 0 && titleInfo.body && lines[lines.length - 1] === titleInfo.body) {
      // A signature without a date: the body's name alone on the last line.
      lines.pop();
    } else if (lines.length > 0 && titleInfo.body) {
      // A crawled page: `…。平潭综合实验区社会事业局2020年1月2日附件下载` — cut at the signature, drop what follows.
      for (let index = lines.length - 1; index >= Math.max(0, lines.length - 3); index -= 1) {
        const line = lines[index]!;
        let at = line.indexOf(titleInfo.body, 1);
        let signed: RegExpExecArray | null = null;
        while (at > 0 && !(signed = INLINE_DATE.exec(line.slice(at + titleInfo.body.length)))) at = line.indexOf(titleInfo.body, at + 1);
        if (signed && at > 0) {
          lines.splice(index, lines.length - index, line.slice(0, at).trim());
          setDate(signed[1]!, signed[2]!, signed[3]!);
          break;
        }
      }
    }
    report.otherMatters = proseOf(lines);
  }

  report.import = {
    tool: record.tool,
    version: record.version,
    ...(record.source ? { source: record.source } : {}),
    unreadable: record.unreadable,
    inferred: record.inferred,
    ...(record.absent.length > 0 ? { absent: record.absent } : {}),
    ...(Object.keys(record.positions).length > 0 ? { positions: record.positions } : {}),
  };

  const partial = missingSections.length > 0 || counts.absent > 0;
  return {
    status: partial ? "partial" : "imported",
    report: report as Report,
    findings,
    provenance,
    counts,
    format: document.format,
  };
}

function positionOf(stream: ReturnType<typeof buildStream>, index: number): SourcePosition | undefined {
  const line = stream.lines[stream.lineOf[index] ?? 0];
  return line?.position;
}

/** Largest input accepted, in bytes (a published report is rarely above a few megabytes). */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads a format other than text into a `SourceDocument`; wired at build time (see `readers`). */
export type SourceReader = (bytes: Uint8Array, options: { fileName?: string }) => Promise<SourceDocument>;

/**
 * Readers for the binary and markup formats, by format. The text reader is built in; HTML, PDF and DOCX readers
 * live in `./sources/` and are registered here when present. Until then those formats are refused with
 * `FORMAT_NOT_SUPPORTED` rather than guessed at.
 */
export const SOURCE_READERS: Partial<Record<Exclude<SourceFormat, "text" | "markdown">, SourceReader>> = {};

/** Tells the format from the first bytes and, failing that, the file name. */
export function sniffFormat(bytes: Uint8Array, fileName?: string): SourceFormat | "binary" {
  const head = bytes.subarray(0, 1024);
  const ascii = String.fromCharCode(...head.subarray(0, 8));
  if (ascii.startsWith("%PDF-")) return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "docx";
  const sample = decodeUtf8(head).trimStart().slice(0, 200).toLowerCase();
  if (sample.startsWith("<!doctype html") || sample.startsWith("<html") || /<(head|body|table|meta)[\s>]/u.test(sample)) return "html";
  let control = 0;
  for (const byte of head) if (byte < 9 || (byte > 13 && byte < 32)) control += 1;
  if (head.length > 0 && control / head.length > 0.1 && !isUtf16(head)) return "binary";
  const name = fileName?.toLowerCase() ?? "";
  if (name.endsWith(".md") || name.endsWith(".markdown")) return "markdown";
  return "text";
}

function isUtf16(head: Uint8Array): boolean {
  return (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
}

function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

/** Decodes text bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 when UTF-8 fails. */
export function decodeTextBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder("gb18030").decode(bytes);
    } catch {
      return decodeUtf8(bytes);
    }
  }
}

/**
 * Imports a published report from its bytes or text. Text and Markdown are read here; HTML, PDF and DOCX go to
 * the readers registered in `SOURCE_READERS`. Never throws for bad input: refusals come back as results.
 */
export async function importReport(input: Uint8Array | string, options: ImportOptions = {}): Promise<ImportResult> {
  const size = typeof input === "string" ? input.length * 2 : input.byteLength;
  if (size > MAX_INPUT_BYTES) {
    return refuse(
      "TOO_LARGE",
      `文件过大（${Math.round(size / 1024 / 1024)} MB，上限 ${MAX_INPUT_BYTES / 1024 / 1024} MB），不是一份年度报告。`,
      `The input is too large (${Math.round(size / 1024 / 1024)} MB; the limit is ${MAX_INPUT_BYTES / 1024 / 1024} MB) to be an annual report.`,
    );
  }
  if (typeof input === "string") {
    const format = options.fileName?.toLowerCase().endsWith(".md") || looksLikeMarkdown(input) ? "markdown" : "text";
    return importDocument(readText(input, format), options);
  }
  if (input.byteLength === 0) return refuse("NOT_A_DOCUMENT", "文件为空。", "The file is empty.");
  const format = sniffFormat(input, options.fileName);
  if (format === "binary") {
    return refuse("NOT_A_DOCUMENT", "文件不是文档（看起来是二进制数据）。", "The file is not a document (it looks like binary data).");
  }
  if (format === "text" || format === "markdown") {
    const text = decodeTextBytes(input);
    const textFormat = format === "markdown" || looksLikeMarkdown(text) ? "markdown" : "text";
    return importDocument(readText(text, textFormat), options);
  }
  const reader = SOURCE_READERS[format];
  if (!reader) {
    return refuse(
      "FORMAT_NOT_SUPPORTED",
      `本版本的导入器还不能读取 ${format.toUpperCase()} 文件。`,
      `This build of the importer cannot read ${format.toUpperCase()} files yet.`,
      format,
    );
  }
  try {
    const document = await reader(input, options.fileName ? { fileName: options.fileName } : {});
    return importDocument(document, options);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "NO_TEXT_LAYER") {
      return refuse("NO_TEXT_LAYER", "PDF 没有文字层（扫描件），无法导入。", "The PDF has no text layer (a scan); nothing to import.", format);
    }
    const detail = error instanceof Error ? error.message : String(error);
    return refuse("UNREADABLE", `无法读取 ${format.toUpperCase()} 文件：${detail}`, `Cannot read the ${format.toUpperCase()} file: ${detail}`, format);
  }
}
