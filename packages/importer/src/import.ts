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
import { detectFormat } from "./sources/detect.js";
import { decodeText } from "./sources/decode.js";
import { readHtml } from "./sources/html.js";
import { readPdf } from "./sources/pdf.js";
import { readDocx } from "./sources/docx.js";
import { SourceReadError, type SourceReadErrorCode } from "./sources/errors.js";

/** Options of an import. */
export interface ImportOptions {
  /** The source file's name: recorded in the result, and used to tell the format when the bytes do not. */
  readonly fileName?: string;
  /**
   * Language of the text written into the report itself: the positions of the `import` block (`第 12 行第 5 列` or
   * `line 12, column 5`). Default `zh`. Findings and refusals always carry both languages.
   */
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
/**
 * The publication date a page or its information box states before the report (`发布时间: 2020-01-17 11:35`,
 * `公开日期 2024-01-17`, `发布日期：2024年1月20日`). 成文日期 (the date written) and a crawler's 采集时间 are not
 * publication dates and are not read.
 */
const PAGE_DATE =
  /(?:发布时间|发布日期|公开日期|公开时间|发文日期)\s*[:：]?\s*((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})(?!\d)/u;
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
    if (reading.position) record.positions[pointer] = describePosition(reading.position, options.lang ?? "zh");
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
    } else if (lines.length > 0 && body && lines[lines.length - 1] === body) {
      // A signature without a date: the body's name alone on the last line.
      lines.pop();
    } else if (lines.length > 0 && body) {
      // A crawled page: `…。平潭综合实验区社会事业局2020年1月2日附件下载` — cut at the signature, drop what follows.
      // Page chrome (menus, links, the footer) may follow the signature on lines of its own: search the whole section.
      for (let index = lines.length - 1; index >= 0; index -= 1) {
        const line = lines[index]!;
        let at = line.indexOf(body);
        let signed: RegExpExecArray | null = null;
        // The date follows the name on the same line, or opens the next one.
        const dateAfter = (position: number) => {
          const rest = line.slice(position + body!.length);
          return INLINE_DATE.exec(rest.trim() === "" ? (lines[index + 1] ?? "") : rest);
        };
        while (at >= 0 && !(signed = dateAfter(at))) at = line.indexOf(body, at + 1);
        // The signature may open its own line (followed by page chrome), but never the section's only line.
        if (signed && at >= 0 && (at > 0 || index > 0)) {
          const kept = line.slice(0, at).trim();
          lines.splice(index, lines.length - index, ...(kept ? [kept] : []));
          setDate(signed[1]!, signed[2]!, signed[3]!);
          break;
        }
      }
    }
    report.otherMatters = proseOf(lines);
  }

  // The page's own publication date, when the document states one before the report, is when it was published (the
  // date signed at the end is when it was written: 202's page says 2020-01-17, its signature 2020年1月2日).
  const pageDate = publicationDateOf(headLines);
  if (pageDate) {
    const signed = report.meta.publishedOn;
    if (signed && signed !== pageDate.date) {
      findings.push(
        finding(
          "PUBLISHED_ON_DIFFERS",
          `发布日期取页面标注的“${pageDate.printed}”（${pageDate.date}），文末落款日期为 ${signed}。`,
          `The publication date is the page's "${pageDate.printed}" (${pageDate.date}); the report is signed ${signed}.`,
        ),
      );
    }
    report.meta.publishedOn = pageDate.date;
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

/** Reads a format other than text into a `SourceDocument`. */
export type SourceReader = (bytes: Uint8Array, options: { fileName?: string }) => Promise<SourceDocument> | SourceDocument;

/** The readers of the markup and binary formats (`./sources/`), by format. */
export const SOURCE_READERS: Readonly<Record<Exclude<SourceFormat, "text" | "markdown">, SourceReader>> = {
  html: (bytes, options) => readHtml(bytes, options),
  pdf: (bytes, options) => readPdf(bytes, options),
  docx: (bytes, options) => readDocx(bytes, options),
};

const READ_ERROR_REFUSALS: Record<SourceReadErrorCode, RefusalCode> = {
  "too-large": "TOO_LARGE",
  "unsupported-format": "NOT_A_DOCUMENT",
  undecodable: "UNREADABLE",
  "invalid-pdf": "UNREADABLE",
  encrypted: "UNREADABLE",
  "no-text-layer": "NO_TEXT_LAYER",
  "invalid-docx": "UNREADABLE",
  "decompression-limit": "UNREADABLE",
  "limit-exceeded": "UNREADABLE",
};

const looksLikeHtml = (text: string) => /^\s*(?:<!doctype html|<html[\s>])/iu.test(text) || /<(?:table|body)[\s>]/iu.test(text.slice(0, 4096));

/**
 * Imports a published report from its bytes or text. The format is told from the bytes (and the file name) by
 * `detectFormat`; text is decoded by `decodeText` (UTF-8, UTF-16 with BOM, GB18030); HTML, PDF and DOCX go to their
 * readers. Never throws for bad input: refusals come back as results.
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
  const readOptions = options.fileName ? { fileName: options.fileName } : {};
  try {
    if (typeof input === "string") {
      const name = options.fileName?.toLowerCase() ?? "";
      if (name.endsWith(".html") || name.endsWith(".htm") || looksLikeHtml(input)) return importDocument(readHtml(input, readOptions), options);
      const format = name.endsWith(".md") || looksLikeMarkdown(input) ? "markdown" : "text";
      return importDocument(readText(input, format), options);
    }
    const detected = detectFormat(input, options.fileName);
    if (!detected.supported) {
      return refuse("NOT_A_DOCUMENT", `文件不是可导入的文档：${detected.reason.zh}。`, `The file is not a document that can be imported: ${detected.reason.en}.`);
    }
    if (detected.format === "text" || detected.format === "markdown") {
      const text = decodeText(input, readOptions).text;
      const format = detected.format === "markdown" || looksLikeMarkdown(text) ? "markdown" : "text";
      return importDocument(readText(text, format), options);
    }
    const document = await SOURCE_READERS[detected.format](input, readOptions);
    return importDocument(document, options);
  } catch (error) {
    if (error instanceof SourceReadError) {
      return refuse(READ_ERROR_REFUSALS[error.code], error.messages.zh, error.messages.en);
    }
    throw error;
  }
}

/** The first labelled publication date among the lines before the report's first section, when it is a real date. */
function publicationDateOf(lines: readonly string[]): { date: string; printed: string } | undefined {
  for (const line of lines) {
    const match = PAGE_DATE.exec(line);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) continue;
    const date = `${match[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return { date, printed: match[0].trim() };
  }
  return undefined;
}
