/**
 * The bundled example report (examples/2023-shizuishan-shangwuju.json), embedded as text at build time in a
 * module of its own, loaded only by the commands that print it.
 */

/** File name of the embedded example. */
export const EXAMPLE_NAME = "2023-shizuishan-shangwuju.json";

/** The example report's JSON text, exactly as committed. */
export async function exampleText(): Promise<string> {
  return (await import("xxgk-embedded:example")).default;
}
