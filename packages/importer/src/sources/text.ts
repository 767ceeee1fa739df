/** Text normalisation shared by the readers. */

/** Any run of whitespace (Unicode `\s` covers NBSP, U+3000 and BOM) or zero-width spaces. */
const WHITESPACE_RUN = /[\s\u200b]+/gu;
const HAS_WHITESPACE = /[\s\u200b]/u;
const LINE_BREAK = /[\n\r]/u;
/** Characters laid out without spaces between them: Han, kana, CJK punctuation and fullwidth forms. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\u3040-\u30ff\uff00-\uffef]/u;

function codePointBefore(text: string, index: number): string {
  if (index <= 0) return "";
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.slice(index - 1, index);
}

function codePointAt(text: string, index: number): string {
  const point = text.codePointAt(index);
  return point === undefined ? "" : String.fromCodePoint(point);
}

/**
 * Collapses whitespace the way a browser lays out text: every run becomes one space, except that a run holding a
 * line break between two wide (CJK) characters disappears (CSS Text's segment-break rule — Chinese source text is
 * wrapped in the middle of words), and runs of zero-width spaces disappear. The result is trimmed.
 */
export function normalizeText(raw: string): string {
  if (!HAS_WHITESPACE.test(raw)) return raw;
  return raw
    .replace(WHITESPACE_RUN, (run: string, offset: number, whole: string) => {
      if (run.replaceAll("\u200b", "") === "") return "";
      if (LINE_BREAK.test(run)) {
        const before = codePointBefore(whole, offset);
        const after = codePointAt(whole, offset + run.length);
        if (WIDE.test(before) && WIDE.test(after)) return "";
      }
      return " ";
    })
    .trim();
}

/** True when the character is laid out without spaces around it (CJK). */
export function isWide(character: string): boolean {
  return WIDE.test(character);
}
