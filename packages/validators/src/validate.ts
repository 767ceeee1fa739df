/**
 * The two ways into the engine: `validate` checks any value (zod explains malformed structure), and
 * `validateWellFormed` checks a report whose structure is already known to be sound without loading zod.
 */
import { parseReport } from "@xxgk/schema";
import { validateWith } from "./engine.js";
import type { ValidateOptions, ValidationResult } from "./types.js";

/**
 * Validates any JSON value as a 政府信息公开工作年度报告: structure, every consistency rule of the catalog, and
 * (with `options.previous`) the cross-year rules. Never throws; never changes the input. Rules whose operands are
 * blank or invalid are not assessable; every other rule is still evaluated, even when the structure is invalid.
 *
 * @example
 * const result = validate(JSON.parse(text), { profile: "audit" });
 * if (!result.ok) console.log(formatText([{ file: "report.json", result }]));
 */
export function validate(input: unknown, options: ValidateOptions = {}): ValidationResult {
  return validateWith(parseReport, input, options);
}
