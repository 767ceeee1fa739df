/**
 * The limits every reader enforces, so that a hostile or broken file is refused instead of exhausting memory or time.
 * Real reports are far below all of them: the corpus PDFs are 0.2–0.4 MB with 5–6 pages and under 1,000 text items,
 * the HTML pages 0.1 MB, a rendered DOCX 20 KB holding 100 KB of XML.
 */
export interface SourceLimits {
  /** Largest input accepted, in bytes (any format; for HTML given as a string, its length in UTF-16 code units). */
  readonly maxInputBytes: number;
  /** PDF: most pages read. */
  readonly maxPdfPages: number;
  /** PDF: most text items read over the whole document. */
  readonly maxPdfTextItems: number;
  /** PDF and DOCX: most bytes that compressed streams may expand to, all together. */
  readonly maxInflatedBytes: number;
  /** HTML and DOCX: most table rows over the whole document. */
  readonly maxTableRows: number;
  /** HTML and DOCX: most grid columns of one table after column spans are expanded. */
  readonly maxGridColumns: number;
}

/** The default limits. */
export const DEFAULT_LIMITS: SourceLimits = {
  maxInputBytes: 50 * 1024 * 1024,
  maxPdfPages: 1_000,
  maxPdfTextItems: 250_000,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxTableRows: 100_000,
  maxGridColumns: 1_000,
};

/** Options every reader takes. */
export interface ReadOptions {
  /** The input's file name (or any label), used only in error messages. */
  readonly fileName?: string;
  /** Tighter (or looser) limits than {@link DEFAULT_LIMITS}; unset fields keep the default. */
  readonly limits?: Partial<SourceLimits>;
}

/** The effective limits for a call. */
export function limitsOf(options: ReadOptions | undefined): SourceLimits {
  return { ...DEFAULT_LIMITS, ...options?.limits };
}
