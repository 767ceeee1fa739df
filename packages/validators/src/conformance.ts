/**
 * The conformance suite: valid and invalid reports of both editions as plain files, each case labelled with what
 * is wrong and what a conforming implementation must say about it, so that an implementation in any language can
 * prove itself (the way XBRL conformance suites and IATI rulesets do). Built from the catalog's failing examples
 * (so a new rule brings its cases with it), the awkward corners below, and real reports passed in by the script.
 * Internal: reached through the `generate` build entry; `scripts/generate-conformance.mjs` writes
 * `conformance/`, and a test fails when the committed files drift.
 */
import { createEmptyReport, JSON_SCHEMA_VERSION, parseReport, type Edition } from "@xxgk/schema";
import { CATALOG } from "./catalog.js";
import { exampleInputs, sampleReport, SAMPLE_YEARS } from "./sample.js";
import type { Bilingual, Diagnostic, ExampleEdit, RuleOutcome, ValidateOptions } from "./types.js";
import { validate } from "./validate.js";

/** The date every case is checked on, unless the case says otherwise (rules about "today" depend on it). */
export const CONFORMANCE_TODAY = "2025-06-30";

/** A failure a conforming implementation must report. */
export interface ConformanceFailure {
  rule: string;
  /** JSON Pointers into the report of what is involved (a cell, a section, `""` for the whole report). */
  pointers: string[];
  /** Identity rules: every term's cell in order (stated side, then expected side). */
  cells?: { pointer: string; document?: "previous" }[];
  stated?: number | null;
  expected?: number | null;
  difference?: number | null;
}

/** One case of the suite. */
export interface ConformanceCase {
  id: string;
  description: Bilingual;
  /** `valid`: the schema accepts it and no rule fails. `structural`: the JSON Schema must reject it. `rule`: the schema accepts it and `rule` must fail. `real`: a published report, as it is. */
  kind: "valid" | "structural" | "rule" | "real";
  /** For `rule` cases (and structural cases from a rule's example): the rule that must fail. */
  rule?: string;
  /** The edition the case is about (absent when the report has none). */
  edition?: Edition;
  /** Path of the report, relative to the suite's folder. */
  report: string;
  /** Path of last year's report, for cross-year cases. */
  previous?: string;
  /** Options of the check: `today` (YYYY-MM-DD), and for some cases `profile` or `rules`. */
  options: { today: string; profile?: string; rules?: Record<string, string> };
  /** Whether the report JSON Schema (report.schema.json) accepts the report. */
  schemaValid: boolean;
  /** Outcome of every rule evaluated on the case, in catalog order. */
  outcomes: Record<string, RuleOutcome["outcome"]>;
  /** Every failure, in the order reported. */
  failures: ConformanceFailure[];
}

/** The suite's index (`conformance/manifest.json`). */
export interface ConformanceManifest {
  contractVersion: number;
  description: string;
  cases: ConformanceCase[];
}

/** A case before it is checked: what it is and its inputs. */
export interface CaseInput {
  id: string;
  description: Bilingual;
  kind?: ConformanceCase["kind"];
  rule?: string;
  report: unknown;
  previous?: unknown;
  options?: { today?: string; profile?: string; rules?: Record<string, string> };
  /** What the case is meant to show, asserted by the test when the suite is built (never copied from the output). */
  expect?: { fail?: string[]; pass?: string[]; notAssessable?: string[]; notApplicable?: string[]; schemaValid?: boolean };
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/** An overview without figures, so that a case about a table is not also a case about PROSE-FIGURES. */
const PLAIN_OVERVIEW: ExampleEdit = { pointer: "/overview", value: { paragraphs: ["本年度政府信息公开工作有序开展。"] } };

function edited(edition: Edition, edits: readonly ExampleEdit[], previousEdition?: Edition) {
  const example = { editions: [edition], description: { zh: "", en: "" }, edits: [...edits] };
  const { input, previous } = exampleInputs(example, edition);
  if (previousEdition && previousEdition !== edition) {
    const other = sampleReport(previousEdition, { previous: true });
    other.meta.year = input.meta.year - 1;
    other.meta.publishedOn = `${input.meta.year}-01-20`;
    for (const edit of edits) if (edit.document === "previous") setPointer(other, edit);
    return { input, previous: other };
  }
  return { input, previous };
}

function setPointer(root: unknown, edit: ExampleEdit): void {
  const parts = edit.pointer.split("/").slice(1);
  let node = root as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  if (edit.remove) delete node[parts[parts.length - 1]!];
  else node[parts[parts.length - 1]!] = structuredClone(edit.value);
}

/** Cases from the catalog's failing examples: one per example and edition. */
function exampleCases(): CaseInput[] {
  const cases: CaseInput[] = [];
  for (const entry of CATALOG) {
    entry.examples.forEach((example, position) => {
      for (const edition of example.editions) {
        const { input, previous } = exampleInputs(example, edition);
        const suffix = entry.examples.length > 1 ? `-${position + 1}` : "";
        cases.push({
          id: `rule-${entry.id.toLowerCase()}${suffix}-${edition}`,
          description: example.description,
          rule: entry.id,
          report: input,
          previous: entry.crossYear ? previous : undefined,
          options: example.options ? { ...example.options } : undefined,
          expect: { fail: [entry.id] },
        });
      }
    });
  }
  return cases;
}

/** The awkward corners: blanks, signs, decimals, the largest safe integers, editions across years. */
function cornerCases(): CaseInput[] {
  const cases: CaseInput[] = [];
  for (const edition of ["2021", "2019"] as const) {
    cases.push({
      id: `valid-sample-${edition}`,
      description: { zh: `${edition} 版一致的示例报告`, en: `a consistent sample report of edition ${edition}` },
      kind: "valid",
      report: sampleReport(edition),
      expect: { schemaValid: true },
    });
    const { input, previous } = edited(edition, []);
    cases.push({
      id: `valid-cross-year-${edition}-${edition}`,
      description: { zh: `同一机关相邻两年的 ${edition} 版报告`, en: `consecutive years of the same body, both edition ${edition}` },
      kind: "valid",
      report: input,
      previous,
      expect: { schemaValid: true, pass: ["X-PREVIOUS-REPORT", "X-CARRY-OVER"] },
    });
    cases.push({
      id: `blank-table3-cell-${edition}`,
      description: {
        zh: "表三一个单元格空白（null）：空白不按 0 计算，用到它的勾稽关系无法评估",
        en: "one 表三 cell blank (null): never taken as 0, the identities using it are not assessable",
      },
      report: edited(edition, [{ pointer: "/applications/disclosed/naturalPerson", value: null }]).input,
      expect: { schemaValid: true, fail: ["BLANK-CELL"], notAssessable: ["T3-SUM-ROW", "T3-SUM-COLUMN"], pass: ["CELL-VALUE"] },
    });
    cases.push({
      id: `blank-whole-table4-${edition}`,
      description: { zh: "表四全部空白", en: "表四 entirely blank" },
      report: edited(edition, [
        ...["reconsideration", "litigationDirect", "litigationAfterReconsideration"].flatMap((group) =>
          ["upheld", "corrected", "other", "pending", "total"].map((column) => ({
            pointer: `/reviewAndLitigation/${group}/${column}`,
            value: null,
          }))
        ),
        PLAIN_OVERVIEW,
      ]).input,
      expect: { schemaValid: true, fail: ["BLANK-CELL"], notAssessable: ["T4-SUM-GROUP"] },
    });
    cases.push({
      id: `largest-safe-integer-${edition}`,
      description: {
        zh: "表四总计为最大安全整数 2^53−1，等于各结果之和",
        en: "a 表四 total of 2^53 − 1, the largest safe integer, equal to the sum of its outcomes",
      },
      report: edited(edition, [
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/upheld", value: MAX_SAFE - 1 },
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/corrected", value: 1 },
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/total", value: MAX_SAFE },
        PLAIN_OVERVIEW,
      ]).input,
      kind: "valid",
      expect: { schemaValid: true, pass: ["T4-SUM-GROUP", "CELL-VALUE"] },
    });
    cases.push({
      id: `largest-safe-integers-sum-${edition}`,
      description: {
        zh: "两个最大安全整数之和与总计不符：差额须精确计算",
        en: "two largest safe integers whose sum the total does not match: the difference must be exact",
      },
      report: edited(edition, [
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/upheld", value: MAX_SAFE },
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/corrected", value: MAX_SAFE },
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/total", value: MAX_SAFE },
        PLAIN_OVERVIEW,
      ]).input,
      expect: { schemaValid: true, fail: ["T4-SUM-GROUP"] },
    });
    cases.push({
      id: `sum-past-largest-safe-integer-${edition}`,
      description: {
        zh: "表三“自然人”一列：（七）总计 + 四 = 2^54 − 3，一 + 二 = 2^54 − 4，相差 1：和超出 2^53 时须按精确整数计算",
        en: "表三, natural persons: handled + carried forward = 2^54 − 3, received + carried over = 2^54 − 4, a difference of 1: sums past 2^53 must be exact",
      },
      report: edited(edition, [
        { pointer: "/applications/total/naturalPerson", value: MAX_SAFE },
        { pointer: "/applications/carriedForward/naturalPerson", value: MAX_SAFE - 1 },
        { pointer: "/applications/newlyReceived/naturalPerson", value: MAX_SAFE },
        { pointer: "/applications/carriedOver/naturalPerson", value: MAX_SAFE - 2 },
        PLAIN_OVERVIEW,
      ]).input,
      expect: { schemaValid: true, fail: ["T3-BALANCE"] },
    });
    cases.push({
      id: `one-past-largest-safe-integer-${edition}`,
      description: {
        zh: "单元格为 2^53（超出最大安全整数）：结构不符，单元格无效，所在勾稽关系无法评估（不按舍入后的值计算）",
        en: "a cell of 2^53, one past the largest safe integer: structurally invalid, an invalid cell, and its identity not assessable (never evaluated with the rounded value)",
      },
      report: edited(edition, [{ pointer: "/reviewAndLitigation/reconsideration/pending", value: MAX_SAFE + 1 }]).input,
      expect: { schemaValid: false, fail: ["SCHEMA", "CELL-VALUE"], notAssessable: ["T4-SUM-GROUP"] },
    });
    cases.push({
      id: `past-largest-safe-integer-rounded-sum-${edition}`,
      description: {
        zh: "表四一行：总计 2^53 + 2，维持 2^53 + 1（读入时舍入为 2^53）、纠正 1：按舍入后的值会“成立”，应无法评估",
        en: "a 表四 row: total 2^53 + 2, upheld 2^53 + 1 (read as 2^53), corrected 1: the rounded values would pass; it must be not assessable",
      },
      report: edited(edition, [
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/upheld", value: MAX_SAFE + 2 },
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/corrected", value: 1 },
        { pointer: "/reviewAndLitigation/litigationAfterReconsideration/total", value: MAX_SAFE + 3 },
        PLAIN_OVERVIEW,
      ]).input,
      expect: { schemaValid: false, fail: ["CELL-VALUE"], notAssessable: ["T4-SUM-GROUP"] },
    });
    cases.push({
      id: `fractional-count-${edition}`,
      description: { zh: "件数有小数", en: "a count with a fraction" },
      report: edited(edition, [{ pointer: "/applications/disclosed/naturalPerson", value: 12.5 }]).input,
      expect: { schemaValid: false, fail: ["CELL-VALUE"], notAssessable: ["T3-SUM-ROW"] },
    });
    cases.push({
      id: `negative-count-${edition}`,
      description: { zh: "件数为负数", en: "a negative count" },
      report: edited(edition, [{ pointer: "/reviewAndLitigation/reconsideration/upheld", value: -1 }]).input,
      expect: { schemaValid: false, fail: ["CELL-VALUE"], notAssessable: ["T4-SUM-GROUP"] },
    });
  }
  cases.push({
    id: "blank-fee-amount-2021",
    description: {
      zh: "2021 版表二收费金额空白：写回时必须仍为 null",
      en: "the 2021 fee amount left blank: it must stay null when written back",
    },
    report: edited("2021", [{ pointer: "/proactiveDisclosure/fees/amount", value: null }]).input,
    expect: { schemaValid: true, fail: ["BLANK-CELL"], pass: ["CELL-VALUE"] },
  });
  cases.push({
    id: "fee-decimals-2021",
    description: { zh: "收费金额带两位小数", en: "a fee amount with two decimals" },
    report: edited("2021", [{ pointer: "/proactiveDisclosure/fees/amount", value: 1234.56 }]).input,
    kind: "valid",
    expect: { schemaValid: true, pass: ["CELL-VALUE", "BLANK-CELL"] },
  });
  cases.push({
    id: "negative-fee-2021",
    description: { zh: "收费金额为负数", en: "a negative fee amount" },
    report: edited("2021", [{ pointer: "/proactiveDisclosure/fees/amount", value: -0.5 }]).input,
    expect: { schemaValid: false, fail: ["CELL-VALUE"] },
  });
  cases.push({
    id: "signed-change-2019",
    description: {
      zh: "2019 版“本年增/减”为负数（减少 8 项）：有效",
      en: "2019's 本年增/减 negative (8 fewer items): valid",
    },
    kind: "valid",
    report: edited("2019", [
      { pointer: "/proactiveDisclosure/penalties/previousItems", value: 30 },
      { pointer: "/proactiveDisclosure/penalties/change", value: -8 },
      { pointer: "/proactiveDisclosure/fees/change", value: 0 },
    ]).input,
    expect: { schemaValid: true, pass: ["CELL-VALUE"] },
  });
  cases.push({
    id: "fractional-signed-change-2019",
    description: { zh: "2019 版“本年增/减”有小数", en: "2019's 本年增/减 with a fraction" },
    report: edited("2019", [{ pointer: "/proactiveDisclosure/licensing/change", value: -2.5 }]).input,
    expect: { schemaValid: false, fail: ["CELL-VALUE"] },
  });
  cases.push({
    id: "procurement-decimals-2019",
    description: { zh: "2019 版政府集中采购金额带小数", en: "2019's procurement amount with decimals" },
    kind: "valid",
    report: edited("2019", [{ pointer: "/proactiveDisclosure/procurement/amount", value: 0.05 }]).input,
    expect: { schemaValid: true, pass: ["CELL-VALUE"] },
  });
  // Across the change of edition: 2021's report of 2021 after 2019's report of 2020.
  const transition = edited("2021", [], "2019");
  transition.input.meta.year = 2021;
  transition.input.meta.publishedOn = "2022-01-20";
  transition.previous.meta.year = 2020;
  cases.push({
    id: "cross-year-2021-after-2019",
    description: {
      zh: "2021 年度（2021 版）与 2020 年度（2019 版）：结转逐列比对，现行有效件数不比对",
      en: "2021 (edition 2021) after 2020 (edition 2019): carry-over compared column by column, documents in force not",
    },
    kind: "valid",
    report: transition.input,
    previous: transition.previous,
    expect: { schemaValid: true, pass: ["X-CARRY-OVER", "X-PREVIOUS-REPORT"], notApplicable: ["X-IN-FORCE"] },
  });
  const gap = edited("2021", []);
  gap.previous.meta.year = gap.input.meta.year - 2;
  cases.push({
    id: "cross-year-not-consecutive-2021",
    description: {
      zh: "上年报告不是上一年度：跨年度勾稽关系无法评估",
      en: "the previous report is not for the preceding year: the cross-year identities are not assessable",
    },
    report: gap.input,
    previous: gap.previous,
    expect: { schemaValid: true, fail: ["X-PREVIOUS-REPORT"], notAssessable: ["X-CARRY-OVER", "X-IN-FORCE"] },
  });
  const otherBody = edited("2021", [
    { document: "previous", pointer: "/meta/body", value: "另一市另一局" },
    { document: "previous", pointer: "/applications/carriedForward/naturalPerson", value: 3 },
    { document: "previous", pointer: "/applications/carriedForward/total", value: 3 },
  ]);
  cases.push({
    id: "cross-year-other-body-2021",
    description: {
      zh: "上年报告属于另一机关（其结转数也不同）：跨年度勾稽关系无法评估，不报错",
      en: "the previous report is another body's (with other carried-forward figures): the cross-year identities are not assessable, not failed",
    },
    report: otherBody.input,
    previous: otherBody.previous,
    expect: { schemaValid: true, fail: ["X-PREVIOUS-REPORT"], notAssessable: ["X-CARRY-OVER", "X-IN-FORCE"] },
  });
  const noYear = edited("2021", [{ document: "previous", pointer: "/meta/year", value: "上年" }]);
  cases.push({
    id: "cross-year-previous-without-year-2021",
    description: {
      zh: "上年报告的年度不是数字（其结构因此也无效）：跨年度勾稽关系无法评估",
      en: "the previous report's year is not a number (so its structure is invalid too): the cross-year identities are not assessable",
    },
    report: noYear.input,
    previous: noYear.previous,
    expect: { schemaValid: true, fail: ["X-PREVIOUS-REPORT"], notAssessable: ["X-CARRY-OVER", "X-IN-FORCE"] },
  });
  const brokenPrevious = edited("2021", [{ document: "previous", pointer: "/applications/carriedForward/naturalPerson", value: "3件" }]);
  cases.push({
    id: "cross-year-previous-structurally-invalid-2021",
    description: {
      zh: "上年报告结构无效（单元格写成文字）：跨年度勾稽关系无法评估",
      en: "the previous report is structurally invalid (a cell written as text): the cross-year identities are not assessable",
    },
    report: brokenPrevious.input,
    previous: brokenPrevious.previous,
    expect: { schemaValid: true, fail: ["X-PREVIOUS-REPORT"], notAssessable: ["X-CARRY-OVER", "X-IN-FORCE"] },
  });
  cases.push({
    id: "cross-year-blank-carried-forward-2021",
    description: {
      zh: "上年报告“结转下年度”空白：本年“上年结转”无法比对",
      en: "last year's carried-forward cell blank: this year's carried-over cannot be compared",
    },
    report: edited("2021", [{ document: "previous", pointer: "/applications/carriedForward/naturalPerson", value: null }]).input,
    previous: edited("2021", [{ document: "previous", pointer: "/applications/carriedForward/naturalPerson", value: null }]).previous,
    expect: { schemaValid: true, notAssessable: ["X-CARRY-OVER"] },
  });
  const empty = createEmptyReport({ edition: "2021", year: SAMPLE_YEARS["2021"], body: "某局" });
  cases.push({
    id: "edition-2019-table-under-2021",
    description: {
      zh: "edition 为 2021，表三却是 2019 版的“（六）其他处理”",
      en: "edition 2021 with 2019's table 3 row （六）其他处理",
    },
    report: (() => {
      const report = structuredClone(empty) as unknown as Record<string, Record<string, unknown>>;
      const applications = report.applications!;
      applications.otherHandling = applications.otherOther;
      delete applications.otherNoCorrection;
      delete applications.otherFeeUnpaid;
      delete applications.otherOther;
      return report;
    })(),
    expect: { schemaValid: false, fail: ["SCHEMA"] },
  });
  cases.push({
    id: "unknown-edition",
    description: { zh: "edition 为未定义的 2022", en: "an edition (2022) the format does not define" },
    report: { ...structuredClone(empty), edition: "2022" },
    expect: { schemaValid: false, fail: ["SCHEMA"] },
  });
  return cases;
}

function failureOf(diagnostic: Diagnostic): ConformanceFailure {
  const failure: ConformanceFailure = { rule: diagnostic.ruleId, pointers: [...diagnostic.pointers] };
  if (diagnostic.stated !== undefined) {
    failure.cells = diagnostic.cells.map((cell) => (cell.document ? { pointer: cell.pointer, document: cell.document } : { pointer: cell.pointer }));
    failure.stated = diagnostic.stated;
    failure.expected = diagnostic.expected ?? null;
    failure.difference = diagnostic.difference ?? null;
  }
  return failure;
}

function fileName(id: string): string {
  return `reports/${id}.json`;
}

/** Checks one case with this engine and describes it as the suite records it. */
export function checkCase(input: CaseInput): ConformanceCase {
  const options = { today: CONFORMANCE_TODAY, ...input.options };
  const validateOptions: ValidateOptions = { today: new Date(`${options.today}T12:00:00`) };
  if (options.profile) validateOptions.profile = options.profile as ValidateOptions["profile"];
  if (options.rules) validateOptions.rules = options.rules as ValidateOptions["rules"];
  if (input.previous !== undefined) validateOptions.previous = input.previous;
  const result = validate(input.report, validateOptions);
  const schemaValid = parseReport(input.report).success;
  const outcomes = Object.fromEntries(result.outcomes.map((outcome) => [outcome.ruleId, outcome.outcome]));
  const failures = result.diagnostics
    .flatMap((diagnostic) => [diagnostic, ...(diagnostic.related ?? [])])
    .filter((diagnostic) => diagnostic.outcome === "fail")
    .map(failureOf);
  const anyFail = Object.values(outcomes).includes("fail");
  // A report from the repository that fails rules without being a case about one rule is recorded as it is.
  const rule = input.rule ?? input.expect?.fail?.[0];
  const kind = input.kind ?? (!schemaValid ? "structural" : rule ? "rule" : anyFail ? "real" : "valid");
  const edition = (input.report as { edition?: unknown }).edition;
  const out: ConformanceCase = {
    id: input.id,
    description: input.description,
    kind,
    ...(rule ? { rule } : {}),
    ...(edition === "2021" || edition === "2019" ? { edition } : {}),
    report: fileName(input.id),
    ...(input.previous !== undefined ? { previous: fileName(`${input.id}.previous`) } : {}),
    options,
    schemaValid,
    outcomes,
    failures,
  };
  return out;
}

/** The suite: its manifest and every file, keyed by path relative to the suite's folder. */
export function buildConformanceSuite(extra: readonly CaseInput[] = []): {
  manifest: ConformanceManifest;
  files: Record<string, unknown>;
  inputs: CaseInput[];
} {
  const inputs = [...cornerCases(), ...exampleCases(), ...extra];
  const ids = new Set<string>();
  const files: Record<string, unknown> = {};
  const cases = inputs.map((input) => {
    if (ids.has(input.id)) throw new Error(`duplicate conformance case id ${input.id}`);
    ids.add(input.id);
    const checked = checkCase(input);
    files[checked.report] = input.report;
    if (checked.previous) files[checked.previous] = input.previous;
    return checked;
  });
  return {
    manifest: {
      contractVersion: JSON_SCHEMA_VERSION,
      description:
        "xxgk conformance suite: each case names a report (and last year's report for cross-year rules), the options to check it with, whether report.schema.json accepts it, the outcome of every rule evaluated, and every failure. See docs/consumers.md.",
      cases,
    },
    files,
    inputs,
  };
}


