/**
 * The bundled example report (examples/2023-shizuishan-shangwuju.json), embedded as text at build time.
 */
import text from "xxgk-embedded:example";

/** File name of the embedded example. */
export const EXAMPLE_NAME = "2023-shizuishan-shangwuju.json";

/** The example report's JSON text, exactly as committed. */
export function exampleText(): string {
  return text;
}
