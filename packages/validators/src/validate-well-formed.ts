import { isWellFormedReport, type ParseResult, type Report } from "@xxgk/schema/layout";
import { validateWith } from "./engine.js";
import type { ValidateOptions, ValidationResult } from "./types.js";

/**
 * Validates a report exactly as `validate` does, without loading zod — or returns `undefined` when the value is
 * not a well-formed report (or `options.previous` is given and is not one), so the caller can fall back to `validate` (from `@xxgk/validators`) to learn why.
 * For tools that must start fast: `@xxgk/validators/core` never imports zod.
 */
export function validateWellFormed(input: unknown, options: ValidateOptions = {}): ValidationResult | undefined {
  if (!isWellFormedReport(input)) return undefined;
  // Last year's report is checked too: when it is not well formed, only `validate` can say why.
  const previous = options?.previous;
  if (previous !== undefined && previous !== null && !isWellFormedReport(previous)) return undefined;
  // Only `input` and `previous` are ever parsed, both well formed.
  return validateWith((value): ParseResult => ({ success: true, report: value as Report, issues: [] }), input, options);
}
