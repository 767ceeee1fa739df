/**
 * Errors the CLI reports to the user: a stable `name`, a `code`, bilingual text and the exit code.
 */
import type { Lang, Message } from "./i18n.js";

/** Exit codes: 0 no error-severity finding, 1 at least one, 2 usage or I/O error. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** Stable codes of {@link CliError}. */
export type CliErrorCode =
  | "usage"
  | "not-found"
  | "read-failed"
  | "too-large"
  | "binary"
  | "undecodable"
  | "output-exists"
  | "output-is-input"
  | "write-failed"
  | "no-match"
  | "not-available";

/** An error shown to the user as one message, ending the command with exit code 2. */
export class CliError extends Error {
  override readonly name = "CliError";
  /** Machine-readable kind. */
  readonly code: CliErrorCode;
  /** Chinese and English text. */
  readonly text: Message;
  /** Process exit code. */
  readonly exitCode: number;

  constructor(code: CliErrorCode, text: Message, exitCode: number = EXIT.usage) {
    super(text.en);
    this.code = code;
    this.text = text;
    this.exitCode = exitCode;
  }

  /** The message in a language. */
  messageIn(lang: Lang): string {
    return lang === "en" ? this.text.en : this.text.zh;
  }
}
