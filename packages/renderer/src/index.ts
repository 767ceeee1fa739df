/**
 * @xxgk/renderer — a 政府信息公开工作年度报告 as publish-ready HTML, Word (DOCX), Markdown and plain text, in the
 * official layout of both editions. Labels, merged cells and order come from `@xxgk/schema`'s layout data.
 */
export { renderHtml, type RenderHtmlOptions } from "./html.js";
export { REPORT_CSS, FONT_STACKS } from "./html-style.js";
export { renderMarkdown } from "./markdown.js";
export { renderText } from "./plain-text.js";
export { renderDocx } from "./docx.js";
export type { RenderDiagnostic, RenderDiagnosticCell, RenderPinpoint } from "./diagnostic.js";
export { RenderError } from "./errors.js";
