/**
 * Text measurement for terminal output, with the Unicode East Asian Width data of get-east-asian-width (the table
 * behind string-width): wide and fullwidth characters take two cells; combining marks, variation selectors, zero-width
 * joiners and other format characters none. string-width itself is not used: it builds an `Intl.Segmenter` when it is
 * loaded, which costs ~20 ms of every command's start-up (the CLI starts in ~100 ms); grapheme clusters matter little
 * for what is measured here (help columns, the caret under a JSON error).
 */
import { eastAsianWidth } from "get-east-asian-width";

const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200b\ufe00-\ufe0f]$/u;

/** Display width of a string in a terminal (East Asian wide characters count two). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code < 0x7f) {
      if (code >= 0x20) width++;
      continue;
    }
    if (ZERO_WIDTH.test(char)) continue;
    width += eastAsianWidth(code);
  }
  return width;
}
