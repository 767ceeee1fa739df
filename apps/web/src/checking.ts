/**
 * Live checking: the rule catalog of @xxgk/validators (its zod-free `core` entry) run on every change, and the
 * findings turned into marks on the cells they involve.
 */
import type { Report } from "@xxgk/schema/layout";
import { validateWellFormed, type Diagnostic, type Severity, type ValidationResult } from "@xxgk/validators/core";

/** What a cell shows: the most severe finding involving it, and whether it is the pinpointed one. */
export interface CellMark {
  severity: Severity;
  /** True when a finding singles this cell out as the likely error. */
  pinpoint: boolean;
  /** The value that would satisfy the failed rules, when pinpointed. */
  suggested?: number;
  /** Indexes into {@link CheckResult.findings} of the findings that involve the cell. */
  findings: number[];
  /** True when the only findings on the cell say it is blank (shown as an unfilled cell, not as a wrong one). */
  onlyBlank: boolean;
}

/** The rule that asks for 0 instead of a blank cell. */
const BLANK_RULE = "BLANK-CELL";

/** The findings of one check. */
export interface CheckResult {
  result: ValidationResult;
  /** Top-level failed findings, most severe first, then in catalog order. */
  findings: Diagnostic[];
  /** Marks by cell pointer. */
  marks: Map<string, CellMark>;
  /** Time taken by validation and marking, in milliseconds. */
  elapsedMs: number;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

function walk(diagnostic: Diagnostic, visit: (diagnostic: Diagnostic) => void, depth = 0): void {
  visit(diagnostic);
  if (depth < 4) for (const related of diagnostic.related ?? []) walk(related, visit, depth + 1);
}

/** Validates a report (publish profile, with last year's report when known) and marks the cells. */
export function checkReport(report: Report, previous: Report | undefined, now: () => number = () => performance.now()): CheckResult {
  const started = now();
  const result = validateWellFormed(report, { profile: "publish", ...(previous ? { previous } : {}) });
  if (!result) throw new TypeError("checkReport: the editor's report is not well formed (a bug in the editor)");
  const findings = result.diagnostics
    .filter((diagnostic) => diagnostic.outcome === "fail")
    .map((diagnostic, order) => ({ diagnostic, order }))
    .sort((a, b) => RANK[b.diagnostic.severity] - RANK[a.diagnostic.severity] || a.order - b.order)
    .map(({ diagnostic }) => diagnostic);
  const marks = new Map<string, CellMark>();
  findings.forEach((finding, index) => {
    walk(finding, (diagnostic) => {
      for (const pointer of diagnostic.pointers) {
        const mark = marks.get(pointer);
        const blank = diagnostic.ruleId === BLANK_RULE;
        if (!mark) marks.set(pointer, { severity: diagnostic.severity, pinpoint: false, findings: [index], onlyBlank: blank });
        else {
          if (RANK[diagnostic.severity] > RANK[mark.severity]) mark.severity = diagnostic.severity;
          if (!mark.findings.includes(index)) mark.findings.push(index);
          mark.onlyBlank &&= blank;
        }
      }
      const pinpoint = diagnostic.pinpoint;
      if (pinpoint) {
        const mark = marks.get(pinpoint.pointer) ?? { severity: diagnostic.severity, pinpoint: true, findings: [index], onlyBlank: false };
        mark.pinpoint = true;
        mark.onlyBlank = false;
        mark.suggested = pinpoint.suggested;
        if (!mark.findings.includes(index)) mark.findings.push(index);
        marks.set(pinpoint.pointer, mark);
      }
    });
  });
  return { result, findings, marks, elapsedMs: now() - started };
}
