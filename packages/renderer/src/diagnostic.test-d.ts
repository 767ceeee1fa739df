/**
 * The renderer takes @xxgk/validators' diagnostics as plain data without depending on that package. This copies the
 * shape of its `Diagnostic` (as of its first release) and proves an array of them is accepted as it is.
 */
import { expectTypeOf, test } from "vitest";
import type { RenderDiagnostic } from "./diagnostic.js";
import type { renderHtml } from "./html.js";

interface ValidatorsDiagnosticCell {
  pointer: string;
  label: string;
  value: number | null | undefined;
}
interface ValidatorsPinpoint {
  pointer: string;
  label: string;
  stated: number | null;
  suggested: number;
}
interface ValidatorsDiagnostic {
  ruleId: string;
  severity: "error" | "warning" | "info";
  outcome: "fail" | "not-assessable";
  message: string;
  messageEn: string;
  pointers: string[];
  cells: ValidatorsDiagnosticCell[];
  stated?: number | null;
  expected?: number | null;
  difference?: number | null;
  pinpoint?: ValidatorsPinpoint;
  related?: ValidatorsDiagnostic[];
  // Added later: the cells that state `stated`, and a failure's candidate cells.
  statedBy?: string[];
  candidates?: ValidatorsDiagnosticCell[];
}

test("a list of @xxgk/validators diagnostics is accepted by renderHtml as it is", () => {
  expectTypeOf<ValidatorsDiagnostic>().toExtend<RenderDiagnostic>();
  expectTypeOf<ValidatorsDiagnostic[]>().toExtend<NonNullable<Parameters<typeof renderHtml>[1]>["diagnostics"]>();
});

test("the minimal shape of the brief is enough", () => {
  expectTypeOf<{ ruleId: string; severity: "error"; message: string; pointers: string[] }>().toExtend<RenderDiagnostic>();
});
