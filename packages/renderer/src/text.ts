/**
 * String hygiene shared by every output: report strings are data, never markup or terminal control.
 */

// C0 controls except TAB, LF, CR; DEL and C1 controls; the XML non-characters U+FFFE/U+FFFF. None is allowed in
// XML 1.0 (C1 is "discouraged"), none belongs in a published report, and C1 includes CSI (U+009B), a terminal escape.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;
// A UTF-16 surrogate without its partner cannot be encoded as UTF-8 (or written into XML).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NEEDS_CLEANING = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\uD800-\uDFFF]/;

/**
 * Drops characters that XML 1.0 forbids (and C1 controls) and replaces lone surrogates with U+FFFD.
 * TAB, LF and CR are kept; each output decides what a line break means.
 */
export function cleanText(value: string): string {
  if (!NEEDS_CLEANING.test(value)) return value;
  return value.replace(FORBIDDEN, "").replace(LONE_SURROGATE, "\uFFFD");
}

/** {@link cleanText}, then every line break (CRLF, CR, LF) as LF and every TAB as a space. */
export function cleanLines(value: string): string {
  return cleanText(value).replace(/\r\n?/g, "\n").replace(/\t/g, " ");
}

/** {@link cleanLines}, then every run of whitespace including line breaks as one space, trimmed. */
export function cleanInline(value: string): string {
  return cleanLines(value).replace(/\s+/g, " ").trim();
}

const HTML_SPECIAL = /[&<>"']/;
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Escapes text for HTML element content and quoted attribute values, after {@link cleanText}. */
export function escapeHtml(value: string): string {
  const clean = cleanText(value);
  if (!HTML_SPECIAL.test(clean)) return clean;
  return clean.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]!);
}
