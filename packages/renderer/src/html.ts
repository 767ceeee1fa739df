/**
 * HTML: a standalone page or an embeddable fragment, tables merged as the official layout merges them, with
 * optional findings marked on the cells.
 */
import { cellAt, formatCellValue, labelOfPointer, layoutOf, type Edition, type Prose, type Report, type TableKey } from "@xxgk/schema/layout";
import type { RenderDiagnostic } from "./diagnostic.js";
import { REPORT_CSS } from "./html-style.js";
import { partsOf, renderable, sectionsOf, signatureOf, titleOf } from "./report-parts.js";
import { cellIdOf, tableModels, type DataCell, type GridCell, type HeaderCell, type TableModel } from "./table-model.js";
import { cleanInline, cleanLines, escapeHtml } from "./text.js";
import { readValue } from "./values.js";

/** Options of {@link renderHtml}. */
export interface RenderHtmlOptions {
  /** `true`: only the report (and the findings list), to embed in a page that includes {@link REPORT_CSS}. */
  fragment?: boolean;
  /** Findings to mark on the cells and list above the report (e.g. from `@xxgk/validators`). */
  diagnostics?: readonly RenderDiagnostic[];
  /** Language of the findings list and messages (the report itself stays in Chinese). Default `zh`. */
  lang?: "zh" | "en";
  /**
   * Prefix of every `id` in the output (letters, digits, `-`, `_`), so several reports can share a page.
   * Default `xxgk`.
   */
  idPrefix?: string;
}

interface Strings {
  findings: string;
  severity: Record<RenderDiagnostic["severity"], string>;
  notAssessable: string;
  reportLevel: string;
  summary: (total: number, counts: Record<RenderDiagnostic["severity"], number>) => string;
  none: string;
  stated: string;
  expected: string;
  difference: string;
  suggested: string;
  blank: string;
  separator: string;
  related: string;
}

const STRINGS: Record<"zh" | "en", Strings> = {
  zh: {
    findings: "校验结果",
    severity: { error: "错误", warning: "警告", info: "提示" },
    notAssessable: "无法核验",
    reportLevel: "整份报告",
    summary: (total, counts) =>
      `共 ${total} 项：${(["error", "warning", "info"] as const)
        .filter((severity) => counts[severity] > 0)
        .map((severity) => `${STRINGS.zh.severity[severity]} ${counts[severity]} 项`)
        .join("，")}。`,
    none: "未发现问题。",
    stated: "填报",
    expected: "比对值",
    difference: "差",
    suggested: "建议改为",
    blank: "空白",
    separator: "：",
    related: "相关",
  },
  en: {
    findings: "Findings",
    severity: { error: "Error", warning: "Warning", info: "Info" },
    notAssessable: "not assessable",
    reportLevel: "Whole report",
    summary: (total, counts) =>
      `${total} finding${total === 1 ? "" : "s"}: ${(["error", "warning", "info"] as const)
        .filter((severity) => counts[severity] > 0)
        .map((severity) => `${counts[severity]} ${STRINGS.en.severity[severity].toLowerCase()}${counts[severity] === 1 ? "" : "s"}`)
        .join(", ")}.`,
    none: "No findings.",
    stated: "stated",
    expected: "checked against",
    difference: "difference",
    suggested: "suggested",
    blank: "blank",
    separator: ": ",
    related: "Related",
  },
};

const SEVERITY_RANK: Record<RenderDiagnostic["severity"], number> = { info: 1, warning: 2, error: 3 };
/** How deep related findings are followed (they are data from elsewhere: a cycle must not hang the renderer). */
const MAX_RELATED_DEPTH = 4;

/** A mark on a cell, row label or heading: the findings that involve it. */
interface Mark {
  findingIds: string[];
  messages: string[];
  severity: RenderDiagnostic["severity"];
  pinpoint: boolean;
}

interface Context {
  report: Report;
  prefix: string;
  marks: Map<string, Mark>;
  /** Cells the report's `import` block lists: could not be read when imported, or inferred. */
  imported: { unreadable: Set<string>; inferred: Set<string>; lang: "zh" | "en" };
}

const IMPORT_STRINGS = {
  zh: { unreadable: "导入时无法辨认（不是空白）", inferred: "导入时推断（原文数字粘连，按勾稽关系拆分）" },
  en: { unreadable: "could not be read when imported (not blank)", inferred: "inferred when imported (glued figures split by the table's arithmetic)" },
} as const;

function importedCells(report: Report, lang: "zh" | "en"): Context["imported"] {
  const record = (report as { import?: { unreadable?: unknown; absent?: unknown; inferred?: unknown } }).import;
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : []);
  return {
    unreadable: new Set([...list(record?.unreadable), ...list(record?.absent)]),
    inferred: new Set(list(record?.inferred)),
    lang,
  };
}

const HEADER_CLASSES: Record<HeaderCell["variant"], string> = {
  note: "xxgk-note",
  caption: "xxgk-caption",
  columnGroup: "xxgk-column-group",
  column: "xxgk-column",
  rowGroup: "xxgk-row-group",
  row: "xxgk-row",
};

function sanitizePrefix(prefix: string | undefined): string {
  const clean = (prefix ?? "xxgk").replace(/[^A-Za-z0-9_-]/g, "");
  return /^[A-Za-z]/.test(clean) ? clean : `xxgk${clean}`;
}

function isNumber(value: unknown): value is number {
  return typeof value === "number" && Number.isFinite(value);
}

function unescapePointerPart(part: string): string {
  return part.replace(/~1/g, "/").replace(/~0/g, "~");
}

/** Where a pointer is shown: the local id of a cell, row label or heading, and its human label; null for none. */
function targetOf(edition: Edition, pointer: string): { id: string; label: string } | null {
  if (pointer === "") return null;
  const cell = cellAt(edition, pointer);
  if (cell) return { id: cellIdOf(pointer), label: cell.label };
  const parts = pointer.split("/").slice(1).map(unescapePointerPart);
  const [top, row] = parts;
  if (top === "meta") return { id: "title", label: labelOfPointer(edition, pointer) };
  if (top === "preamble") return { id: "preamble", label: pointer };
  const section = layoutOf(edition).sections.find((candidate) => candidate.key === top);
  if (!section) return null;
  if (section.table && row !== undefined) {
    const model = tableModels(edition)[section.table];
    const rowId = model.rowHeaders.get(row);
    if (rowId) return { id: rowId, label: `${model.name} / ${headerTexts(edition).get(rowId) ?? row}` };
  }
  // A pointer below the section that the layout does not know (another edition's row, a typo) keeps its text.
  return { id: `section-${section.key}`, label: parts.length > 1 ? `${section.heading}（${pointer}）` : section.heading };
}

const HEADER_TEXTS = new Map<Edition, Map<string, string>>();

function headerTexts(edition: Edition): Map<string, string> {
  let texts = HEADER_TEXTS.get(edition);
  if (!texts) {
    texts = new Map();
    for (const model of Object.values(tableModels(edition)))
      for (const row of [...model.head, ...model.bodies.flat()])
        for (const cell of row.cells) if (cell.kind === "header") texts.set(cell.id, cell.text);
    HEADER_TEXTS.set(edition, texts);
  }
  return texts;
}

function figures(diagnostic: RenderDiagnostic, strings: Strings): string {
  const parts: string[] = [];
  if (isNumber(diagnostic.stated)) parts.push(`${strings.stated} ${formatCellValue(diagnostic.stated)}`);
  if (isNumber(diagnostic.expected)) parts.push(`${strings.expected} ${formatCellValue(diagnostic.expected)}`);
  if (isNumber(diagnostic.difference)) parts.push(`${strings.difference} ${formatCellValue(diagnostic.difference)}`);
  return parts.join(strings === STRINGS.zh ? "，" : ", ");
}

function messageOf(diagnostic: RenderDiagnostic, lang: "zh" | "en"): string {
  return cleanInline(lang === "en" && diagnostic.messageEn ? diagnostic.messageEn : diagnostic.message);
}

function severityLabel(diagnostic: RenderDiagnostic, strings: Strings): string {
  const label = strings.severity[diagnostic.severity] ?? diagnostic.severity;
  return diagnostic.outcome === "not-assessable" ? `${label}（${strings.notAssessable}）` : label;
}

function buildMarks(report: Report, diagnostics: readonly RenderDiagnostic[], prefix: string, lang: "zh" | "en"): Map<string, Mark> {
  const strings = STRINGS[lang];
  const marks = new Map<string, Mark>();
  // Related findings (failures a pinpoint explains) mark their cells too, under their own number (1.1, 1.2, …).
  const visit = (diagnostic: RenderDiagnostic, number: string, depth: number) => {
    const findingId = `${prefix}-finding-${number.replace(/\./g, "-")}`;
    const figureText = figures(diagnostic, strings);
    const base = `${number}. ${severityLabel(diagnostic, strings)}${strings.separator}${messageOf(diagnostic, lang)}`;
    // The figures (stated, checked against, difference) belong to the cells that state the figure: on a detail cell
    // they would read as that cell's own, and a total's “checked against” is no value to type in.
    const statedBy = new Set(Array.isArray(diagnostic.statedBy) ? diagnostic.statedBy : []);
    const pointers = new Set(diagnostic.pointers);
    if (diagnostic.pinpoint) pointers.add(diagnostic.pinpoint.pointer);
    for (const pointer of pointers) {
      const target = targetOf(report.edition, pointer);
      if (!target) continue;
      const isPinpoint = diagnostic.pinpoint?.pointer === pointer;
      let message = figureText && statedBy.has(pointer) ? `${base}（${figureText}）` : base;
      if (isPinpoint && isNumber(diagnostic.pinpoint?.suggested))
        message += `\n${strings.suggested} ${formatCellValue(diagnostic.pinpoint.suggested)}`;
      const severity = SEVERITY_RANK[diagnostic.severity] ? diagnostic.severity : "info";
      const mark = marks.get(target.id);
      if (mark) {
        if (!mark.findingIds.includes(findingId)) mark.findingIds.push(findingId);
        mark.messages.push(message);
        if (SEVERITY_RANK[severity] > SEVERITY_RANK[mark.severity]) mark.severity = severity;
        mark.pinpoint ||= isPinpoint;
      } else {
        marks.set(target.id, { findingIds: [findingId], messages: [message], severity, pinpoint: isPinpoint });
      }
    }
    if (depth < MAX_RELATED_DEPTH)
      diagnostic.related?.forEach((related, index) => visit(related, `${number}.${index + 1}`, depth + 1));
  };
  diagnostics.forEach((diagnostic, index) => visit(diagnostic, String(index + 1), 0));
  return marks;
}

/**
 * Attributes of a marked element (leading space included), and its extra classes. The messages are in `title`
 * (the browser's tooltip on hover), in `data-xxgk-message` (the stylesheet's popup on focus, by keyboard or click)
 * and, for screen readers, in the findings list that `aria-describedby` points to.
 */
function markAttributes(mark: Mark | undefined): { attributes: string; classes: string } {
  if (!mark) return { attributes: "", classes: "" };
  const message = escapeHtml(mark.messages.join("\n"));
  return {
    attributes: ` tabindex="0" title="${message}" data-xxgk-message="${message}" aria-describedby="${mark.findingIds.join(" ")}"`,
    classes: ` xxgk-flag xxgk-${mark.severity}${mark.pinpoint ? " xxgk-pinpoint" : ""}`,
  };
}

function renderHeaderCell(cell: HeaderCell, context: Context): string {
  const { attributes, classes } = markAttributes(context.marks.get(cell.id));
  let html = `<th id="${context.prefix}-${cell.id}"`;
  if (cell.scope) html += ` scope="${cell.scope}"`;
  if (cell.rowSpan > 1) html += ` rowspan="${cell.rowSpan}"`;
  if (cell.columnSpan > 1) html += ` colspan="${cell.columnSpan}"`;
  html += ` class="${HEADER_CLASSES[cell.variant]}${cell.depth > 0 ? ` xxgk-depth-${cell.depth}` : ""}${classes}"${attributes}>`;
  return `${html}${escapeHtml(cell.text)}</th>`;
}

function renderDataCell(cell: DataCell, context: Context): string {
  const value = formatCellValue(readValue(context.report, cell.info.path));
  const { attributes, classes } = markAttributes(context.marks.get(cell.id));
  let html = `<td id="${context.prefix}-${cell.id}" headers="`;
  for (let index = 0; index < cell.headers.length; index += 1)
    html += `${index > 0 ? " " : ""}${context.prefix}-${cell.headers[index]}`;
  html += `"`;
  if (cell.columnSpan > 1) html += ` colspan="${cell.columnSpan}"`;
  const pointer = cell.info.pointer;
  const unreadable = value === "" && context.imported.unreadable.has(pointer);
  const inferred = !unreadable && context.imported.inferred.has(pointer);
  const importClass = unreadable ? "xxgk-unreadable" : inferred ? "xxgk-inferred" : value === "" ? "xxgk-blank" : "";
  const classList = `${importClass}${classes}`.trim();
  if (classList) html += ` class="${classList}"`;
  if (unreadable || inferred) {
    const note = escapeHtml(IMPORT_STRINGS[context.imported.lang][unreadable ? "unreadable" : "inferred"]);
    html += ` data-xxgk-import="${unreadable ? "unreadable" : "inferred"}"`;
    // A cell already flagged by a finding keeps the finding's tooltip; the class and attribute still mark it.
    if (!attributes) html += ` title="${note}"`;
    return `${html}${attributes}>${unreadable ? `<span aria-hidden="true">?</span><span class="xxgk-sr-only">${note}</span>` : value}</td>`;
  }
  return `${html}${attributes}>${value}</td>`;
}

function renderCell(cell: GridCell, context: Context): string {
  return cell.kind === "header" ? renderHeaderCell(cell, context) : renderDataCell(cell, context);
}

const TABLE_CLASSES: Record<TableKey, string> = { table2: "xxgk-t2", table3: "xxgk-t3", table4: "xxgk-t4" };

function renderColumns(model: TableModel): string {
  if (model.key === "table4") return "";
  let labelColumns = 1;
  if (model.key === "table3") {
    const note = model.head[0]?.cells[0];
    labelColumns = note?.kind === "header" ? note.columnSpan : 1;
  }
  const columns: string[] = [];
  for (let index = 0; index < model.columnCount; index += 1) {
    if (index < labelColumns - 1) columns.push(`<col class="xxgk-group xxgk-group-${index}">`);
    else if (index === labelColumns - 1) columns.push(`<col class="xxgk-label">`);
    else columns.push("<col>");
  }
  return `<colgroup>${columns.join("")}</colgroup>`;
}

function renderTable(model: TableModel, context: Context): string {
  const parts = [
    `<table class="xxgk-table ${TABLE_CLASSES[model.key]}" id="${context.prefix}-${model.key}">`,
    `<caption class="xxgk-sr-only">${escapeHtml(model.name)} ${escapeHtml(model.section.title)}</caption>`,
    renderColumns(model),
  ];
  if (model.head.length > 0) {
    parts.push("<thead>");
    for (const row of model.head) parts.push(`<tr>${row.cells.map((cell) => renderCell(cell, context)).join("")}</tr>`);
    parts.push("</thead>");
  }
  for (const body of model.bodies) {
    parts.push("<tbody>");
    for (const row of body) {
      let html = row.keepWithNext ? `<tr class="xxgk-keep">` : "<tr>";
      for (const cell of row.cells) html += renderCell(cell, context);
      parts.push(`${html}</tr>`);
    }
    parts.push("</tbody>");
  }
  parts.push("</table>");
  return parts.join("\n");
}

function renderParagraphs(paragraphs: readonly string[]): string {
  let html = "";
  for (const paragraph of paragraphs) {
    const text = cleanLines(paragraph).trim();
    if (text !== "") html += `<p>${escapeHtml(text)}</p>\n`;
  }
  return html;
}

function renderProse(prose: Prose): string {
  let html = renderParagraphs(prose.paragraphs);
  for (const part of partsOf(prose)) {
    html += `<h3>${escapeHtml(cleanInline(part.title))}</h3>\n`;
    html += renderParagraphs(part.paragraphs);
  }
  return html;
}

function renderArticle(context: Context): string {
  const { report, prefix, marks } = context;
  const models = tableModels(report.edition);
  const title = markAttributes(marks.get("title"));
  const parts = [
    `<article class="xxgk-report" lang="zh-CN" data-edition="${escapeHtml(report.edition)}">`,
    `<h1 id="${prefix}-title"${title.classes ? ` class="${title.classes.trim()}"` : ""}${title.attributes}>${escapeHtml(cleanInline(titleOf(report)))}</h1>`,
  ];
  if (report.preamble) {
    const mark = markAttributes(marks.get("preamble"));
    parts.push(
      `<section id="${prefix}-preamble" class="xxgk-preamble${mark.classes}"${mark.attributes}>\n${renderProse(report.preamble)}</section>`,
    );
  }
  for (const section of sectionsOf(report)) {
    const headingId = `${prefix}-section-${section.layout.key}`;
    const mark = markAttributes(marks.get(`section-${section.layout.key}`));
    parts.push(`<section class="xxgk-section" aria-labelledby="${headingId}">`);
    parts.push(`<h2 id="${headingId}"${mark.classes ? ` class="${mark.classes.trim()}"` : ""}${mark.attributes}>${escapeHtml(section.layout.heading)}</h2>`);
    if (section.prose) parts.push(renderProse(section.prose));
    else if (section.layout.table) parts.push(renderTable(models[section.layout.table], context));
    parts.push("</section>");
  }
  parts.push(`<footer class="xxgk-signature">${signatureOf(report).map((line) => `<p>${escapeHtml(cleanInline(line))}</p>`).join("")}</footer>`);
  parts.push("</article>");
  return parts.join("\n");
}

function renderFinding(
  diagnostic: RenderDiagnostic,
  id: string,
  context: Context,
  lang: "zh" | "en",
  depth: number,
): string {
  const strings = STRINGS[lang];
  const severity = SEVERITY_RANK[diagnostic.severity] ? diagnostic.severity : "info";
  const figureText = figures(diagnostic, strings);
  let html = `<li id="${id}" class="xxgk-finding xxgk-${severity}">`;
  // Related findings are numbered in full (1.1, 1.2): their list is not numbered by the browser.
  if (depth > 0) html += `<span class="xxgk-number">${id.slice(context.prefix.length + "-finding-".length).replace(/-/g, ".")}</span> `;
  html += `<span class="xxgk-severity">${escapeHtml(severityLabel(diagnostic, strings))}</span>`;
  html += `<code>${escapeHtml(cleanInline(diagnostic.ruleId))}</code> ${escapeHtml(messageOf(diagnostic, lang))}`;
  if (figureText) html += ` <span class="xxgk-figures">（${escapeHtml(figureText)}）</span>`;
  const pointers = [...new Set([...diagnostic.pointers, ...(diagnostic.pinpoint ? [diagnostic.pinpoint.pointer] : [])])];
  const items: string[] = [];
  for (const pointer of pointers) {
    const target = targetOf(context.report.edition, pointer);
    const isPinpoint = diagnostic.pinpoint?.pointer === pointer;
    let item = "<li>";
    if (pointer === "") item += escapeHtml(strings.reportLevel);
    else if (target) item += `<a href="#${context.prefix}-${target.id}">${escapeHtml(cleanInline(target.label))}</a>`;
    else item += `<code>${escapeHtml(cleanInline(pointer))}</code>`;
    const cell = cellAt(context.report.edition, pointer);
    if (cell) {
      const value = formatCellValue(readValue(context.report, cell.path));
      item += `${escapeHtml(strings.separator)}${value === "" ? escapeHtml(strings.blank) : value}`;
    }
    if (isPinpoint && isNumber(diagnostic.pinpoint?.suggested))
      item += ` <strong>→ ${escapeHtml(strings.suggested)} ${formatCellValue(diagnostic.pinpoint.suggested)}</strong>`;
    items.push(`${item}</li>`);
  }
  if (items.length > 0) html += `<ul>${items.join("")}</ul>`;
  if (diagnostic.related && diagnostic.related.length > 0 && depth < MAX_RELATED_DEPTH) {
    html += `<ol class="xxgk-related" aria-label="${escapeHtml(strings.related)}">`;
    diagnostic.related.forEach((related, index) => {
      html += renderFinding(related, `${id}-${index + 1}`, context, lang, depth + 1);
    });
    html += "</ol>";
  }
  return `${html}</li>`;
}

function renderFindings(diagnostics: readonly RenderDiagnostic[], context: Context, lang: "zh" | "en"): string {
  const strings = STRINGS[lang];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) if (diagnostic.severity in counts) counts[diagnostic.severity] += 1;
  const headingId = `${context.prefix}-findings-heading`;
  const parts = [
    `<aside class="xxgk-findings" lang="${lang === "en" ? "en" : "zh-CN"}" aria-labelledby="${headingId}">`,
    `<h2 id="${headingId}">${escapeHtml(strings.findings)}</h2>`,
    `<p>${escapeHtml(diagnostics.length === 0 ? strings.none : strings.summary(diagnostics.length, counts))}</p>`,
  ];
  if (diagnostics.length > 0) {
    parts.push("<ol>");
    diagnostics.forEach((diagnostic, index) =>
      parts.push(renderFinding(diagnostic, `${context.prefix}-finding-${index + 1}`, context, lang, 0)),
    );
    parts.push("</ol>");
  }
  parts.push("</aside>");
  return parts.join("\n");
}

/**
 * Renders a report as HTML: a complete page (default) or a fragment.
 *
 * Tables follow the official layout cell for cell (merged cells from the layout data of `@xxgk/schema`, both
 * editions); every data cell names its headers (`headers`/`scope`), so a screen reader reads e.g.
 * "自然人 / （一）予以公开: 12". Blank (`null`) cells are empty, never 0. With `diagnostics`, the involved cells
 * are marked (the pinpointed one distinctly), their messages shown on hover and keyboard focus, and a findings
 * list links to them. Every string from the report is escaped; the output is deterministic.
 *
 * @example
 * ```ts
 * import { renderHtml } from "@xxgk/renderer";
 * const page = renderHtml(report);
 * const annotated = renderHtml(report, { diagnostics: result.diagnostics });
 * ```
 */
export function renderHtml(report: Report, options: RenderHtmlOptions = {}): string {
  report = renderable(report);
  const prefix = sanitizePrefix(options.idPrefix);
  const lang = options.lang === "en" ? "en" : "zh";
  const diagnostics = options.diagnostics;
  const context: Context = {
    report,
    prefix,
    marks: diagnostics ? buildMarks(report, diagnostics, prefix, lang) : new Map(),
    imported: importedCells(report, lang),
  };
  const body = `${diagnostics ? `${renderFindings(diagnostics, context, lang)}\n` : ""}${renderArticle(context)}\n`;
  if (options.fragment) return body;
  return [
    "<!DOCTYPE html>",
    `<html lang="zh-CN">`,
    "<head>",
    `<meta charset="utf-8">`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<title>${escapeHtml(cleanInline(titleOf(report)))}</title>`,
    `<style>\n${REPORT_CSS}\n</style>`,
    "</head>",
    "<body>",
    `${body}</body>`,
    "</html>",
    "",
  ].join("\n");
}
