/**
 * The one error the source readers throw. Every refusal says, in Chinese and in English, which input, where in it
 * and what is wrong; `code` is stable for programs.
 */

/** Why a source could not be read. */
export type SourceReadErrorCode =
  /** The input is larger than the reader's size limit. */
  | "too-large"
  /** The bytes are a kind of file the importer does not read (old .doc, spreadsheet, image, archive, program…). */
  | "unsupported-format"
  /** Text whose encoding is neither UTF-8, UTF-16 (with BOM) nor GB18030. */
  | "undecodable"
  /** A PDF that PDF.js cannot open (damaged, truncated, not a PDF). */
  | "invalid-pdf"
  /** A password-protected PDF. */
  | "encrypted"
  /** A PDF whose pages carry no text at all (a scan or images of text). */
  | "no-text-layer"
  /** A ZIP that is not a Word document, or a Word document without `word/document.xml`. */
  | "invalid-docx"
  /** A compressed part expands beyond the reader's limits (a ZIP or PDF "bomb"). */
  | "decompression-limit"
  /** Too many pages, text items, rows or columns for one report. */
  | "limit-exceeded";

/** A message in both languages the project speaks. */
export interface LocalizedMessage {
  /** Chinese (the default for users). */
  readonly zh: string;
  /** English. */
  readonly en: string;
}

/** Thrown by every reader, by {@link decodeText} and never for anything but bad input. */
export class SourceReadError extends Error {
  override readonly name = "SourceReadError";
  /** Stable machine-readable reason. */
  readonly code: SourceReadErrorCode;
  /** The message in Chinese and English; `message` is the Chinese one. */
  readonly messages: LocalizedMessage;

  constructor(code: SourceReadErrorCode, messages: LocalizedMessage, options?: { cause?: unknown }) {
    super(messages.zh, options);
    this.code = code;
    this.messages = messages;
  }
}

/** Formats a byte count for messages: `12.3 MiB`, `512 KiB`, `17 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KiB`;
  return `${bytes} B`;
}

/** The `too-large` error for an input of `size` bytes over `limit`; `what` names the input in both languages. */
export function tooLargeError(what: LocalizedMessage, size: number, limit: number): SourceReadError {
  return new SourceReadError("too-large", {
    zh: `${what.zh}过大（${formatBytes(size)}），超过 ${formatBytes(limit)} 的上限；一份年度报告通常不足 5 MiB，请确认是否选错了文件`,
    en: `${what.en} too large (${formatBytes(size)}), over the ${formatBytes(limit)} limit; an annual report is usually under 5 MiB — is this the right file?`,
  });
}
