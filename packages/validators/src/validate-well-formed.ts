import { isWellFormedReport, type ParseResult } from "@xxgk/schema/layout";
import { validateWith } from "./engine.js";
import type { ValidateOptions, ValidationResult } from "./types.js";

/**
 * Validates a report exactly as `validate` does, without loading zod — or returns `undefined` when the value is
 * not a well-formed report, so the caller can fall back to `validate` (from `@xxgk/validators`) to learn why.
 * For tools that must start fast: `@xxgk/validators/core` never imports zod.
 */
export function validateWellFormed(input: unknown, options: ValidateOptions = {}): ValidationResult | undefined {
  if (!isWellFormedReport(input)) return undefined;
  const parsed: ParseResult = { success: true, report: input, issues: [] };
  return validateWith(() => parsed, input, options);
}
