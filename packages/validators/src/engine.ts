/**
 * The engine: evaluates every rule of the catalog on any input, pinpoints the faulty cell, and assembles plain-data
 * diagnostics. Never throws.
 */
import type { Edition, ParseResult } from "@xxgk/schema/layout";
import { CATALOG, needsEdition, type CatalogEntry } from "./catalog.js";

const RULE_IDS: readonly string[] = CATALOG.map((entry) => entry.id);
import {
  CellStatus,
  diagnosticCell,
  inferEdition,
  readCellValues,
  type CellValues,
} from "./cell-values.js";
import type { DocumentView, Finding, RuleContext } from "./context.js";
import type { Identity, IdentityTerm } from "./identities.js";
import { pointerLabel } from "./labels.js";
import { group } from "./pinpoint.js";
import {
  inconsistentPreviousCells,
  notApplicable,
  NO_PREVIOUS_REPORT,
  NOTHING_TO_CHECK,
  otherEdition,
  previousInconsistencyNote,
} from "./outcomes.js";
import type {
  Bilingual,
  Diagnostic,
  DiagnosticCell,
  PreviousValidation,
  Profile,
  RuleOutcome,
  Severity,
  ValidateOptions,
  ValidationResult,
} from "./types.js";

/**
 * At most this many SCHEMA diagnostics per report; the rest are summed up in one more diagnostic. A hostile or
 * badly converted file can have hundreds of thousands of structural problems, and nobody reads past the first few.
 */
export const SCHEMA_DIAGNOSTIC_LIMIT = 200;

/** Metadata fields with a dedicated rule: an invalid value is reported once, by that rule when it is active. */
const DEDICATED_META_RULES: Readonly<Record<string, string>> = {
  "/meta/publishedOn": "META-PUBLISHED-ON",
  "/meta/creditCode": "META-CREDIT-CODE",
  "/meta/regionCode": "META-REGION-CODE",
};

function view(input: unknown, edition: Edition | undefined): DocumentView {
  const record =
    input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
  const meta = record?.meta;
  return {
    input,
    record,
    meta: meta !== null && typeof meta === "object" && !Array.isArray(meta) ? (meta as Record<string, unknown>) : undefined,
    edition,
    values: edition ? readCellValues(input, edition) : undefined,
  };
}

function fill(template: string, params: Readonly<Record<string, string | number>> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (params[key] === undefined ? whole : String(params[key])));
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : String(value);
}

/** An identity evaluated on the documents. */
export interface IdentityResult {
  readonly entry: CatalogEntry;
  readonly identity: Identity;
  readonly outcome: "pass" | "fail" | "not-assessable";
  /** stated − expected (fail and pass only). */
  readonly residual: number;
  readonly stated: number;
  readonly expected: number;
  readonly blockers: DiagnosticCell[];
}

function termValues(term: IdentityTerm, current: CellValues, previous: CellValues | undefined): CellValues | undefined {
  return term.previous ? previous : current;
}

const cellFor = diagnosticCell;

function evaluateIdentity(
  entry: CatalogEntry,
  identity: Identity,
  current: CellValues,
  previous: CellValues | undefined
): IdentityResult {
  // Hot path (tens of identities per report): plain loops, no allocation unless an operand is blank or invalid.
  let stated = 0;
  let expected = 0;
  // Σ|term| bounds every partial sum: while it stays within 2^53 − 1, double arithmetic is exact.
  let magnitude = 0;
  let blockers: DiagnosticCell[] | undefined;
  for (let side = 0; side < 2; side += 1) {
    const terms = side === 0 ? identity.stated : identity.expected;
    for (let position = 0; position < terms.length; position += 1) {
      const term = terms[position]!;
      const values = term.previous ? previous : current;
      if (values === undefined || values.status[term.index] !== CellStatus.Ok) {
        if (values) (blockers ??= []).push(cellFor(values, term.index, term.previous));
        continue;
      }
      const value = term.sign * values.values[term.index]!;
      magnitude += Math.abs(value);
      if (side === 0) stated += value;
      else expected += value;
    }
  }
  if (blockers) return { entry, identity, outcome: "not-assessable", residual: 0, stated: 0, expected: 0, blockers };
  if (magnitude > Number.MAX_SAFE_INTEGER) {
    const exact = exactResidual(identity, current, previous);
    if (exact !== undefined) {
      return { entry, identity, outcome: exact === 0n ? "pass" : "fail", residual: Number(exact), stated, expected, blockers: NO_BLOCKERS };
    }
  }
  const residual = stated - expected;
  return { entry, identity, outcome: residual === 0 ? "pass" : "fail", residual, stated, expected, blockers: NO_BLOCKERS };
}

/**
 * stated − expected computed exactly, for identities whose sums leave the range where doubles hold every integer
 * (two cells of 2^53 − 1 already do): otherwise M + (M − 1) and M + (M − 3) round to the same double and a wrong
 * report passes. Undefined when an operand is not an integer (amounts are not part of any identity today).
 */
function exactResidual(identity: Identity, current: CellValues, previous: CellValues | undefined): bigint | undefined {
  let residual = 0n;
  for (let side = 0; side < 2; side += 1) {
    for (const term of side === 0 ? identity.stated : identity.expected) {
      const value = (term.previous ? previous : current)!.values[term.index]!;
      if (!Number.isInteger(value)) return undefined;
      const signed = BigInt(term.sign) * BigInt(value);
      residual += side === 0 ? signed : -signed;
    }
  }
  return residual;
}

const NO_BLOCKERS: DiagnosticCell[] = [];

export interface Emitted {
  readonly diagnostic: Diagnostic;
  /** For identity failures: the result, so pinpoint groups can be assembled. */
  readonly result?: IdentityResult;
}

function identityDiagnostic(
  result: IdentityResult,
  severity: Severity,
  current: CellValues,
  previous: CellValues | undefined
): Diagnostic {
  const { entry, identity } = result;
  const numbers = { stated: result.stated, expected: result.expected, difference: signed(result.residual) };
  const cells: DiagnosticCell[] = [];
  const pointers: string[] = [];
  for (const term of [...identity.stated, ...identity.expected]) {
    const values = termValues(term, current, previous)!;
    cells.push(cellFor(values, term.index, term.previous));
    if (!term.previous) pointers.push(values.table.cells[term.index]!.pointer);
  }
  const statedBy = identity.stated.filter((term) => !term.previous).map((term) => current.table.cells[term.index]!.pointer);
  return {
    ruleId: entry.id,
    severity,
    outcome: "fail",
    message: fill(entry.message.zh, { ...identity.params, ...numbers }),
    messageEn: fill(entry.message.en, { ...identity.paramsEn, ...numbers }),
    pointers,
    cells,
    stated: result.stated,
    statedBy,
    expected: result.expected,
    difference: result.residual,
  };
}

function findingDiagnostic(entry: CatalogEntry, finding: Finding, severity: Severity): Diagnostic {
  const numbers: Record<string, string | number> = {};
  if (typeof finding.stated === "number") numbers.stated = finding.stated;
  if (typeof finding.expected === "number") numbers.expected = finding.expected;
  if (typeof finding.difference === "number") numbers.difference = signed(finding.difference);
  const diagnostic: Diagnostic = {
    ruleId: entry.id,
    severity,
    outcome: "fail",
    message: fill(entry.message.zh, { ...finding.params, ...numbers }),
    messageEn: fill(entry.message.en, { ...(finding.paramsEn ?? finding.params), ...numbers }),
    pointers: [...(finding.pointers ?? [])],
    cells: [...(finding.cells ?? [])],
  };
  if (finding.stated !== undefined) diagnostic.stated = finding.stated;
  if (finding.statedBy !== undefined) diagnostic.statedBy = [...finding.statedBy];
  if (finding.expected !== undefined) diagnostic.expected = finding.expected;
  if (finding.difference !== undefined) diagnostic.difference = finding.difference;
  return diagnostic;
}

function notAssessableDiagnostic(
  entry: CatalogEntry,
  count: number,
  blockers: DiagnosticCell[],
  otherPointers: string[],
  reasons: readonly Bilingual[]
): Diagnostic {
  const seen = new Set<string>();
  const cells = blockers.filter((cell) => {
    const key = `${cell.document ?? ""}${cell.pointer}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const pointers = [...new Set([...otherPointers, ...cells.filter((cell) => !cell.document).map((cell) => cell.pointer)])];
  const zh: string[] = [];
  const en: string[] = [];
  const because = [...new Map(reasons.map((reason) => [reason.zh, reason])).values()];
  for (const reason of because) {
    zh.push(reason.zh);
    en.push(reason.en);
  }
  const unreadable = cells.filter((cell) => cell.unreadable);
  if (unreadable.length > 0) {
    const names = (lang: "zh" | "en") => {
      const where = unreadable.map((cell) => (lang === "en" ? cell.labelEn ?? cell.label : cell.label));
      if (lang === "en") return where.length <= 3 ? where.join("; ") : `${where.slice(0, 3).join("; ")} and ${where.length - 3} more`;
      return where.length <= 3 ? where.join("；") : `${where.slice(0, 3).join("；")} 等 ${where.length} 处`;
    };
    zh.push(`所涉单元格导入时无法辨认（不按 0 计算）：${names("zh")}`);
    en.push(`an operand could not be read when imported (never taken as 0): ${names("en")}`);
  }
  if (cells.length > unreadable.length || (otherPointers.length > 0 && because.length === 0)) {
    const rest = cells.filter((cell) => !cell.unreadable);
    const restList = (lang: "zh" | "en") => {
      const where = [
        ...[...new Set(otherPointers)].map((pointer) => pointerLabel(pointer, lang)),
        ...rest.map((cell) => (lang === "en" ? cell.labelEn ?? cell.label : cell.label)),
      ];
      if (lang === "en") return where.length <= 3 ? where.join("; ") : `${where.slice(0, 3).join("; ")} and ${where.length - 3} more`;
      return where.length <= 3 ? where.join("；") : `${where.slice(0, 3).join("；")} 等 ${where.length} 处`;
    };
    zh.push(`所涉内容空白、缺失或无效（空白不按 0 计算）：${restList("zh")}`);
    en.push(`an operand is blank, missing or invalid (blank is never taken as 0): ${restList("en")}`);
  }
  return {
    ruleId: entry.id,
    severity: "info",
    outcome: "not-assessable",
    message: `${entry.title.zh}：${count} 项检查无法评估，${zh.join("；")}。`,
    messageEn: `${entry.title.en}: ${count === 1 ? "1 check" : `${count} checks`} could not be assessed because ${en.join("; ")}.`,
    pointers,
    cells,
  };
}

function resolveSeverity(entry: CatalogEntry, profile: Profile, overrides: unknown): Severity | "off" {
  const override =
    overrides !== null && typeof overrides === "object" && Object.hasOwn(overrides, entry.id)
      ? (overrides as Record<string, unknown>)[entry.id]
      : undefined;
  if (override === "off" || override === "error" || override === "warning" || override === "info") return override;
  return entry.severity[profile];
}

function schemaDiagnostics(
  entry: CatalogEntry,
  parsed: ParseResult,
  severity: Severity,
  values: CellValues | undefined,
  cellValueRuleActive: boolean,
  reportedElsewhere: ReadonlySet<string>
): Diagnostic[] {
  if (parsed.success) return [];
  const diagnostics: Diagnostic[] = [];
  let more = 0;
  for (const issue of parsed.issues) {
    const index = values?.table.index.get(issue.pointer);
    // CELL-VALUE reports invalid cell values with a better message; do not report them twice.
    if (index !== undefined && cellValueRuleActive && values!.status[index] === CellStatus.Invalid) continue;
    // So do the META rules for the metadata fields they check.
    if (reportedElsewhere.has(issue.pointer)) continue;
    if (diagnostics.length >= SCHEMA_DIAGNOSTIC_LIMIT) {
      more += 1;
      continue;
    }
    const cells: DiagnosticCell[] = index !== undefined ? [cellFor(values!, index)] : [];
    const labelEn = index !== undefined ? values!.table.labelsEn[index]! : pointerLabel(issue.pointer, "en");
    diagnostics.push({
      ruleId: entry.id,
      severity,
      outcome: "fail",
      message: fill(entry.message.zh, { label: issue.label, message: issue.message }),
      messageEn: fill(entry.message.en, { label: labelEn, message: issue.messageEn }),
      pointers: [issue.pointer],
      cells,
    });
  }
  if (more > 0) {
    diagnostics.push({
      ruleId: entry.id,
      severity,
      outcome: "fail",
      message: `……及另外 ${more} 个结构问题（每份报告只列出前 ${SCHEMA_DIAGNOSTIC_LIMIT} 个）。`,
      messageEn: `… and ${more} more structural problem${more === 1 ? "" : "s"} (only the first ${SCHEMA_DIAGNOSTIC_LIMIT} of a report are listed).`,
      pointers: [""],
      cells: [],
    });
  }
  return diagnostics;
}

function run(parse: ReportParser, input: unknown, options: ValidateOptions): ValidationResult {
  // Invalid options fall back to the defaults; the rule OPTIONS reports them. Profile names are read in any case.
  const profile: Profile = typeof options.profile === "string" && options.profile.toLowerCase() === "audit" ? "audit" : "publish";
  const today = options.today instanceof Date && !Number.isNaN(options.today.getTime()) ? options.today : new Date();
  const parsed = parse(input);
  const document = view(input, parsed.success ? parsed.report.edition : inferEdition(input));
  // `previous: null` (e.g. a JSON field left empty) means there is no previous report, as `undefined` does.
  const previous =
    options.previous === undefined || options.previous === null
      ? undefined
      : view(options.previous, inferEdition(options.previous));
  // Last year's report is checked on its own first (same profile, rules and date): its findings are its own, and the
  // cross-year rules are assessable only when its structure is valid.
  const checkedPrevious = previous ? previousValidation(parse, options) : undefined;
  const previousResult = checkedPrevious?.result;
  const context: RuleContext = {
    document,
    report: parsed.success ? parsed.report : undefined,
    previous,
    previousResult,
    previousStructureValid: checkedPrevious?.structureValid ?? false,
    profile,
    today,
    options: { rules: options.rules, profile: options.profile, today: options.today },
    ruleIds: RULE_IDS,
  };

  const emitted: Emitted[] = [];
  const outcomes: RuleOutcome[] = [];
  const identityResults: IdentityResult[] = [];
  const active = (id: string) => resolveSeverity(CATALOG.find((entry) => entry.id === id)!, profile, options.rules) !== "off";
  const cellValueRuleActive = active("CELL-VALUE");
  let schema: { entry: CatalogEntry; severity: Severity; at: number } | undefined;

  const previousSuspect = previousResult ? inconsistentPreviousCells(previousResult) : undefined;
  let sumsEvaluated = 0;
  let sumsNotAssessable = 0;
  for (const entry of CATALOG) {
    const severity = resolveSeverity(entry, profile, options.rules);
    if (severity === "off") continue;
    // Nothing to check: listed as not applicable, never as passed.
    if (entry.crossYear && !previous) {
      outcomes.push(notApplicable(entry.id, NO_PREVIOUS_REPORT));
      continue;
    }
    if (document.edition && !entry.editions.includes(document.edition)) {
      outcomes.push(notApplicable(entry.id, otherEdition(document.edition, entry.editions)));
      continue;
    }
    let notApplicableReason: Bilingual | undefined;
    let wholeRuleReason: Bilingual | undefined;

    let evaluated = 0;
    let failed = 0;
    let notAssessable = 0;
    const blockers: DiagnosticCell[] = [];
    const blockerPointers: string[] = [];
    const reasons: Bilingual[] = [];
    const addBlocked = (finding: Finding) => {
      if (finding.reason) reasons.push(finding.reason);
      for (const pointer of finding.pointers ?? []) {
        const index = document.values?.table.index.get(pointer);
        if (index !== undefined) blockers.push(cellFor(document.values!, index, false));
        else blockerPointers.push(pointer);
      }
    };

    if (needsEdition(entry) && !document.values) {
      evaluated = 1;
      notAssessable = 1;
      blockerPointers.push("/edition");
    } else if (entry.evaluator.kind === "schema") {
      // Built after every rule ran, so that the META rules' findings can take over their fields' issues.
      schema = { entry, severity, at: emitted.length };
      evaluated = parsed.success ? 1 : parsed.issues.length;
      failed = parsed.success ? 0 : parsed.issues.length;
    } else if (entry.evaluator.kind === "identity") {
      const identities = entry.evaluator.identities(context);
      if ("notAssessable" in identities) {
        evaluated = 1;
        notAssessable = 1;
        addBlocked(identities.notAssessable);
        wholeRuleReason = identities.notAssessable.reason;
      } else {
        for (const identity of identities) {
          const result = evaluateIdentity(entry, identity, document.values!, previous?.values);
          evaluated += 1;
          let suspect = false;
          if (result.outcome === "not-assessable") {
            notAssessable += 1;
            blockers.push(...result.blockers);
          } else if (result.outcome === "fail") {
            failed += 1;
            const diagnostic = identityDiagnostic(result, severity, document.values!, previous?.values);
            if (entry.crossYear) suspect = crossYearDetails(diagnostic, previousSuspect);
            emitted.push({ diagnostic, result });
          }
          // A failure that last year's own inconsistency may explain does not pinpoint this year's cell.
          if (entry.pinpoints && !suspect) identityResults.push(result);
        }
      }
      if (!entry.crossYear) {
        sumsEvaluated += evaluated;
        sumsNotAssessable += notAssessable;
      }
    } else {
      for (const finding of entry.evaluator.check(context)) {
        if (finding.outcome === "not-applicable") {
          notApplicableReason ??= finding.reason;
          continue;
        }
        evaluated += 1;
        if (finding.outcome === "fail") {
          failed += 1;
          emitted.push({ diagnostic: findingDiagnostic(entry, finding, severity) });
        } else if (finding.outcome === "not-assessable") {
          notAssessable += 1;
          addBlocked(finding);
        }
      }
    }
    if (notAssessable > 0)
      emitted.push({ diagnostic: notAssessableDiagnostic(entry, notAssessable, blockers, blockerPointers, reasons) });
    if (evaluated === 0) {
      outcomes.push(notApplicable(entry.id, notApplicableReason ?? NOTHING_TO_CHECK));
      continue;
    }
    const outcome: RuleOutcome = {
      ruleId: entry.id,
      outcome: failed > 0 ? "fail" : notAssessable > 0 ? "not-assessable" : "pass",
      evaluated,
      failed,
      notAssessable,
    };
    if (wholeRuleReason && outcome.outcome === "not-assessable") outcome.reason = wholeRuleReason;
    outcomes.push(outcome);
  }

  if (schema) {
    // A metadata field a META rule found wrong is reported once, by that rule (the structure still failed).
    const reportedElsewhere = new Set<string>();
    for (const { diagnostic } of emitted) {
      for (const pointer of diagnostic.pointers) {
        if (diagnostic.outcome === "fail" && DEDICATED_META_RULES[pointer] === diagnostic.ruleId) reportedElsewhere.add(pointer);
      }
    }
    const diagnostics = schemaDiagnostics(
      schema.entry,
      parsed,
      schema.severity,
      document.values,
      cellValueRuleActive,
      reportedElsewhere
    );
    emitted.splice(schema.at, 0, ...diagnostics.map((diagnostic) => ({ diagnostic })));
  }

  const diagnostics = group(emitted, identityResults, document.values);
  const counts = { error: 0, warning: 0, info: 0, notAssessable: 0, passed: 0, notApplicable: 0, identities: sumsEvaluated, identitiesNotAssessable: sumsNotAssessable };
  for (const diagnostic of diagnostics) {
    if (diagnostic.outcome === "fail") counts[diagnostic.severity] += 1;
    else counts.notAssessable += 1;
  }
  for (const outcome of outcomes) {
    if (outcome.outcome === "pass") counts.passed += 1;
    else if (outcome.outcome === "not-applicable") counts.notApplicable += 1;
  }
  const result: ValidationResult = { diagnostics, outcomes, counts, ok: counts.error === 0 };
  if (parsed.success) result.report = parsed.report;
  if (previousResult) result.previous = previousResult;
  return result;
}

/** Last year's report checked on its own, with the same options but no report before it. */
function previousValidation(parse: ReportParser, options: ValidateOptions): { result: PreviousValidation; structureValid: boolean } {
  const { report, previous: _none, ...result } = run(parse, options.previous, { ...options, previous: undefined });
  return { result, structureValid: report !== undefined };
}

/**
 * A cross-year failure names last year's cells by pointer too; when last year's report is itself inconsistent at
 * one of them, the message says so. True when it is (the failure may be last year's fault).
 */
function crossYearDetails(diagnostic: Diagnostic, suspect: ReadonlyMap<string, readonly string[]> | undefined): boolean {
  const previousCells = diagnostic.cells.filter((cell) => cell.document === "previous");
  diagnostic.previousPointers = previousCells.map((cell) => cell.pointer);
  let flagged = false;
  for (const cell of previousCells) {
    const rules = suspect?.get(cell.pointer);
    if (!rules) continue;
    const note = previousInconsistencyNote(cell.label, cell.labelEn ?? cell.label, rules);
    diagnostic.message += note.zh;
    diagnostic.messageEn += note.en;
    flagged = true;
  }
  return flagged;
}

/** Checks a value's structure, as `parseReport` of @xxgk/schema does. */
export type ReportParser = (input: unknown) => ParseResult;

/**
 * The engine behind `validate`, with the structure check passed in: `validate` passes zod's `parseReport`;
 * `validateWellFormed` passes a check that needs no zod. Never throws.
 */
export function validateWith(parse: ReportParser, input: unknown, options: ValidateOptions = {}): ValidationResult {
  try {
    return run(parse, input, options ?? {});
  } catch (error) {
    // A safety net: an engine bug must not take a batch of 500 reports down with it.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      diagnostics: [
        {
          ruleId: "SCHEMA",
          severity: "error",
          outcome: "fail",
          message: `（整份报告）：无法检查该输入：${detail}`,
          messageEn: `(whole report): the input could not be checked: ${detail}`,
          pointers: [""],
          cells: [],
        },
      ],
      outcomes: [],
      counts: { error: 1, warning: 0, info: 0, notAssessable: 0, passed: 0, notApplicable: 0, identities: 0, identitiesNotAssessable: 0 },
      ok: false,
    };
  }
}
