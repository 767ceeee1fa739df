/**
 * Text measurement for terminal output: string-width (grapheme clusters, East Asian wide and fullwidth characters
 * as two cells, combining marks and zero-width characters as none, ANSI escapes ignored).
 */
import stringWidth from "string-width";

/** Display width of a string in a terminal (East Asian wide characters count two). */
export function displayWidth(text: string): number {
  return stringWidth(text);
}
