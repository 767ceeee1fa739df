/**
 * Word (DOCX) in the style of GB/T 9704: A4, 版心 156 mm × 225 mm, title in 小标宋 二号, body in 仿宋_GB2312 三号
 * with a fixed 28.9 pt line, headings 一、… in 黑体 and （一）… in 楷体 as real Word headings (navigation pane),
 * the official tables with merged cells, page numbers “— 1 —” outside at the foot. Deterministic bytes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ParagraphChild,
} from "docx";
import { formatCellValue, type Prose, type Report } from "@xxgk/schema/layout";
import { partsOf, renderable, sectionsOf, signatureOf, titleOf } from "./report-parts.js";
import { tableModels, type GridCell, type TableModel } from "./table-model.js";
import { cleanInline, cleanLines, cleanText } from "./text.js";
import { readValue } from "./values.js";
import { dosDateTime, setZipTimestamps } from "./zip-timestamps.js";

/** Fonts by role: the name Word asks for, the alternative it falls back to, and the Latin font beside it. */
const FONTS = {
  title: { name: "方正小标宋简体", alternative: "华文中宋" },
  body: { name: "仿宋_GB2312", alternative: "仿宋" },
  heading: { name: "黑体", alternative: "SimHei" },
  part: { name: "楷体_GB2312", alternative: "楷体" },
  table: { name: "宋体", alternative: "SimSun" },
} as const;
const LATIN = "Times New Roman";

function font(role: keyof typeof FONTS) {
  return { eastAsia: FONTS[role].name, ascii: LATIN, hAnsi: LATIN, cs: LATIN };
}

// Measures in twips (1/20 pt) and half-points.
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 32; // 三号 16 pt
const TITLE_SIZE = 44; // 二号 22 pt
const TABLE_SIZE = 21; // 五号 10.5 pt
const FOOTER_SIZE = 28; // 四号 14 pt
const LINE = 578; // 28.9 pt: 22 lines in the 225 mm 版心
const INDENT = 2 * BODY_SIZE * 10; // two characters

const TABLE_STYLES = { text: "TableText", label: "TableLabel", heading: "TableHeading" } as const;

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;

function runs(text: string): ParagraphChild[] {
  return cleanLines(text)
    .split("\n")
    .map((line, index) => (index === 0 ? new TextRun(line) : new TextRun({ text: line, break: 1 })));
}

function proseParagraphs(prose: Prose): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const add = (texts: readonly string[]) => {
    for (const text of texts) if (cleanLines(text).trim() !== "") paragraphs.push(new Paragraph({ children: runs(text.trim()) }));
  };
  add(prose.paragraphs);
  for (const part of partsOf(prose)) {
    paragraphs.push(new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(cleanInline(part.title)) }));
    add(part.paragraphs);
  }
  return paragraphs;
}

function columnWidths(model: TableModel): number[] {
  const total = model.columnWeights.reduce((sum, weight) => sum + weight, 0);
  const widths = model.columnWeights.map((weight) => Math.floor((weight / total) * TEXT_WIDTH));
  widths[widths.length - 1]! += TEXT_WIDTH - widths.reduce((sum, width) => sum + width, 0);
  return widths;
}

/** Paragraph style of a table cell: labels of rows and the note flush left, captions and group labels bold. */
function cellStyle(cell: GridCell): string {
  if (cell.kind === "data") return TABLE_STYLES.text;
  if (cell.variant === "row" || cell.variant === "note") return TABLE_STYLES.label;
  if (cell.variant === "caption" || cell.variant === "columnGroup") return TABLE_STYLES.heading;
  return TABLE_STYLES.text;
}

function tableCell(cell: GridCell, report: Report, isHead: boolean): TableCell {
  // Values are digits, a sign and a point: no cleaning or line splitting needed.
  const children =
    cell.kind === "header" ? runs(cell.text) : [new TextRun(formatCellValue(readValue(report, cell.info.path)))];
  return new TableCell({
    children: [new Paragraph({ style: cellStyle(cell), children })],
    columnSpan: cell.columnSpan > 1 ? cell.columnSpan : undefined,
    rowSpan: cell.kind === "header" && cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    shading: cell.kind === "header" && cell.variant === "caption" && !isHead ? { fill: "F2F2F2" } : undefined,
  });
}

function table(model: TableModel, report: Report): Table {
  const rows: TableRow[] = [];
  for (const row of model.head)
    // Header rows repeat on every page and stay with the first row below them.
    rows.push(
      new TableRow({ tableHeader: true, cantSplit: true, keepNext: true, children: row.cells.map((cell) => tableCell(cell, report, true)) }),
    );
  for (const body of model.bodies)
    for (const row of body)
      rows.push(
        new TableRow({
          cantSplit: true,
          // Every row of a small merged group but its last is kept with the next: the group and its label share a page.
          keepNext: row.keepWithNext === true ? true : undefined,
          children: row.cells.map((cell) => tableCell(cell, report, false)),
        }),
      );
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: columnWidths(model),
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

function footer(alignment: (typeof AlignmentType)[keyof typeof AlignmentType]): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment,
        // GB/T 9704: one character in from the outside edge; no first-line indent inherited from the body.
        indent: alignment === AlignmentType.RIGHT ? { firstLine: 0, right: FOOTER_SIZE * 10 } : { firstLine: 0, left: FOOTER_SIZE * 10 },
        spacing: { line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: font("table"), size: FOOTER_SIZE }),
        ],
      }),
    ],
  });
}

function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"]/g, (character) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot" }[character]};`);
}

/** The date the document is stamped with: `meta.publishedOn`, else 1 January after the report year. */
function documentDate(report: Report): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(report.meta.publishedOn ?? "");
  const candidate = match
    ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) }
    : { year: Number(report.meta.year) + 1, month: 1, day: 1 };
  const valid =
    Number.isInteger(candidate.year) &&
    candidate.year >= 1980 &&
    candidate.year <= 2107 &&
    candidate.month >= 1 &&
    candidate.month <= 12 &&
    candidate.day >= 1 &&
    candidate.day <= 31;
  return valid ? candidate : { year: 1980, month: 1, day: 1 };
}

function coreProperties(report: Report, date: { year: number; month: number; day: number }): string {
  const stamp = `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}T00:00:00Z`;
  const body = escapeXml(cleanInline(report.meta.body));
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:title>${escapeXml(cleanInline(titleOf(report)))}</dc:title>` +
    `<dc:creator>${body}</dc:creator><cp:lastModifiedBy>${body}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    `</cp:coreProperties>`
  );
}

/** The font table, with the alternative Word substitutes when a font is missing and the GB2312 character set. */
function fontTable(): string {
  const fonts = Object.values(FONTS)
    .map(
      ({ name, alternative }) =>
        `<w:font w:name="${name}"><w:altName w:val="${alternative}"/><w:charset w:val="86"/><w:family w:val="${name === FONTS.heading.name ? "modern" : "roman"}"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ` +
    `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${fonts}<w:font w:name="${LATIN}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    `</w:fonts>`
  );
}

function buildDocument(report: Report): Document {
  const models = tableModels(report.edition);
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: runs(cleanInline(titleOf(report))) }),
  ];
  if (report.preamble) children.push(...proseParagraphs(report.preamble));
  for (const section of sectionsOf(report)) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: runs(section.layout.heading) }));
    if (section.prose) children.push(...proseParagraphs(section.prose));
    else if (section.layout.table) {
      children.push(table(models[section.layout.table], report));
      // Word needs a paragraph between consecutive tables and after the last one of a section.
      children.push(new Paragraph({ style: TABLE_STYLES.text, children: [] }));
    }
  }
  const signature = signatureOf(report).map(cleanInline);
  signature.forEach((line, index) =>
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { firstLine: 0, right: 4 * BODY_SIZE * 10 },
        spacing: index === 0 ? { before: 2 * LINE } : undefined,
        children: runs(line),
      }),
    ),
  );

  return new Document({
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          // Proofing language: Word checks spelling and grammar, and breaks lines, as Simplified Chinese.
          run: { font: font("body"), size: BODY_SIZE, language: { value: "zh-CN", eastAsia: "zh-CN" } },
          paragraph: {
            alignment: AlignmentType.JUSTIFIED,
            spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
            indent: { firstLine: INDENT },
          },
        },
        title: {
          run: { font: font("title"), size: TITLE_SIZE, color: "000000" },
          paragraph: {
            alignment: AlignmentType.CENTER,
            indent: { firstLine: 0 },
            spacing: { line: 720, lineRule: LineRuleType.AT_LEAST, before: 0, after: LINE },
          },
        },
        heading1: {
          run: { font: font("heading"), size: BODY_SIZE, bold: false, color: "000000" },
          paragraph: { outlineLevel: 0, keepNext: true, indent: { firstLine: INDENT }, spacing: { before: 0, after: 0 } },
        },
        heading2: {
          run: { font: font("part"), size: BODY_SIZE, bold: false, color: "000000" },
          paragraph: { outlineLevel: 1, keepNext: true, indent: { firstLine: INDENT }, spacing: { before: 0, after: 0 } },
        },
      },
      paragraphStyles: [
        {
          id: TABLE_STYLES.text,
          name: "Table Text",
          basedOn: "Normal",
          quickFormat: true,
          run: { font: font("table"), size: TABLE_SIZE },
          paragraph: {
            alignment: AlignmentType.CENTER,
            indent: { firstLine: 0 },
            spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          },
        },
        {
          id: TABLE_STYLES.label,
          name: "Table Label",
          basedOn: TABLE_STYLES.text,
          paragraph: { alignment: AlignmentType.LEFT },
        },
        {
          id: TABLE_STYLES.heading,
          name: "Table Heading",
          basedOn: TABLE_STYLES.text,
          run: { bold: true },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: Math.round(15 * MM), footer: Math.round(28 * MM) - 567 },
          },
        },
        footers: { default: footer(AlignmentType.RIGHT), even: footer(AlignmentType.LEFT) },
        children,
      },
    ],
  });
}

/**
 * Renders a report as a Word document (DOCX, Office Open XML) and returns its bytes.
 *
 * A4 in the style of GB/T 9704 (小标宋 title, 仿宋_GB2312 body, 黑体/楷体 headings with fallbacks declared in the
 * font table); the section headings and prose part titles are Word headings (Heading 1/2), so the navigation pane
 * lists them; the tables are merged exactly as the official template (`gridSpan`/`vMerge`), their header rows
 * repeat on each page; page numbers at the foot. Blank cells stay empty. The bytes depend only on the report:
 * document properties and ZIP entries are dated `meta.publishedOn` (or 1 January after the report year).
 *
 * @example
 * ```ts
 * import { renderDocx } from "@xxgk/renderer";
 * await writeFile("report.docx", await renderDocx(report));
 * ```
 */
export async function renderDocx(report: Report): Promise<Uint8Array> {
  report = renderable(report);
  const date = documentDate(report);
  const bytes = await Packer.pack(buildDocument(report), "uint8array", false, [
    { path: "docProps/core.xml", data: coreProperties(report, date) },
    { path: "word/fontTable.xml", data: fontTable() },
  ]);
  return setZipTimestamps(bytes, dosDateTime(date.year, date.month, date.day));
}
