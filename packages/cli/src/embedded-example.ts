/**
 * The bundled example report (examples/2023-shizuishan-shangwuju.json), embedded as text at build time.
 */
declare const __XXGK_EXAMPLE__: string | undefined;

/** File name of the embedded example. */
export const EXAMPLE_NAME = "2023-shizuishan-shangwuju.json";

/** The example report's JSON text, exactly as committed. */
export function exampleText(): string {
  if (typeof __XXGK_EXAMPLE__ !== "string") throw new Error("the example report is embedded at build time; run the built CLI");
  return __XXGK_EXAMPLE__;
}
