/**
 * The intermediate form every input format is read into before recognition.
 *
 * Each reader (plain text / Markdown, HTML, PDF, DOCX) turns its input into a `SourceDocument`: the document's
 * content in reading order as `SourceLine`s. A line is either a paragraph of prose (one cell) or one row of a table
 * (several cells). The recogniser in this package works only on this form, so it never needs to know which format a
 * report came from, and every cell it reads can say where it came from (`SourcePosition`).
 */

/** The input formats the importer reads. */
export type SourceFormat = "text" | "markdown" | "html" | "pdf" | "docx";

/** Where a piece of text was found in the source document. Lines, columns, pages, tables, rows and cells are 1-based. */
export type SourcePosition =
  /** Plain text or Markdown: line and column (in UTF-16 code units) of the decoded text. */
  | { readonly kind: "text"; readonly line: number; readonly column: number }
  /**
   * PDF: page number and the position of the text's left edge on its baseline, in PDF points measured from the
   * page's top-left corner (x to the right, y downwards), rounded to 0.1 pt.
   */
  | { readonly kind: "pdf"; readonly page: number; readonly x: number; readonly y: number }
  /**
   * HTML or DOCX: for a table cell, the table (counted over the whole document), row and cell (as written in the
   * source, before spans are expanded); for a paragraph outside tables, its block number with `table` 0.
   */
  | {
      readonly kind: "html" | "docx";
      readonly table: number;
      readonly row: number;
      readonly cell: number;
      /** For paragraphs outside tables: the paragraph's number in the document. */
      readonly block?: number;
    };

/** One cell of a line, as it appears in the source. */
export interface SourceCell {
  /** The cell's text with whitespace runs collapsed to one space and trimmed; "" for an empty cell. */
  readonly text: string;
  readonly position: SourcePosition;
  /**
   * The cell's first column in the table's grid after row and column spans are expanded (0-based), where the
   * source has a real grid (HTML, DOCX). Absent for text and PDF.
   */
  readonly gridColumn?: number;
  /** Rows and columns the cell spans in the source (HTML rowspan/colspan, DOCX vMerge/gridSpan); absent means 1. */
  readonly rowSpan?: number;
  readonly colSpan?: number;
  /** PDF only: the cell's horizontal extent in points, for aligning values to header columns when cells are missing. */
  readonly x0?: number;
  readonly x1?: number;
}

/** A paragraph (one cell, `table` absent) or one row of a table (`table` present). */
export interface SourceLine {
  readonly cells: readonly SourceCell[];
  /** Where the line starts. */
  readonly position: SourcePosition;
  /** For table rows of HTML/DOCX (and PDF rows a reader could attribute to a ruled table): the table and row. */
  readonly table?: { readonly index: number; readonly row: number };
}

/** A whole document in reading order. */
export interface SourceDocument {
  readonly format: SourceFormat;
  readonly lines: readonly SourceLine[];
  /** The document's title where the format carries one (HTML `<title>`, DOCX core properties). */
  readonly title?: string;
  /** PDF: number of pages. */
  readonly pages?: number;
}
