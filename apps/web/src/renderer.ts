/**
 * The parts of @xxgk/renderer the first load needs: the HTML page and the table grids the editor draws. They are
 * imported from the renderer's modules rather than its package entry, because the entry also carries the DOCX
 * writer and its library, which this app loads only on the first Word download (see `renderer-docx.ts`). The grids
 * (`tableModels`) are the renderer's own merged-cell layout of the official tables, so the editor and the published
 * page can never disagree; the package does not export them yet (the lead may export them and simplify this file).
 */
export { renderHtml } from "../../../packages/renderer/src/html.js";
export { REPORT_CSS } from "../../../packages/renderer/src/html-style.js";
export { tableModels, cellIdOf, type TableModel, type GridCell, type HeaderCell, type DataCell } from "../../../packages/renderer/src/table-model.js";
