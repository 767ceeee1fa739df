/**
 * A zod-free structure check of a report, driven by the layout data and the shared constraints.
 *
 * It answers one question fast — is this value a well-formed report? — so that a command checking one file
 * need not load zod at all when the answer is yes. It says nothing about *why* a value is malformed: for that,
 * `parseReport` runs the zod schema. A property test asserts the two agree on every input.
 */
import { BODY_LEVELS, CREDIT_CODE_PATTERN, ISO_DATE_PATTERN, REGION_CODE_PATTERN, REPORT_YEAR_RANGE } from "./constraints.js";
import { cellsOf } from "./cells.js";
import { EDITIONS, type CellKind, type Edition } from "./layout.js";
import type { Report } from "./schema.js";

type Value = unknown;
type Check = (value: Value) => boolean;

const isObject = (value: Value): value is Record<string, Value> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isString: Check = (value) => typeof value === "string";
const isNonEmptyString: Check = (value) => typeof value === "string" && value.length >= 1;
const matches =
  (pattern: RegExp): Check =>
  (value) =>
    typeof value === "string" && pattern.test(value);

// Index by index, as zod does: a hole in a sparse array is an undefined element, not a skipped one.
function arrayOf(check: Check): Check {
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (let index = 0; index < value.length; index += 1) if (!check(value[index])) return false;
    return true;
  };
}

const isStringArray = arrayOf(isString);

/**
 * An object whose keys are all known, whose required keys are present, and whose values pass their checks. Keys are
 * enumerated and read the way zod reads them (`for…in`, property access), so the two agree on every input.
 */
function strictObject(fields: Record<string, { check: Check; optional?: boolean }>): Check {
  // Parallel arrays and indexed loops: this runs for every row of every report, so it is kept lean.
  const keys = Object.keys(fields);
  const checks = keys.map((key) => fields[key]!.check);
  const optional = keys.map((key) => fields[key]!.optional === true);
  const known = new Set(keys);
  return (value) => {
    if (!isObject(value)) return false;
    for (const key in value) if (!known.has(key)) return false;
    for (let index = 0; index < keys.length; index += 1) {
      const item = value[keys[index]!];
      if (item === undefined) {
        if (!optional[index]) return false;
        continue;
      }
      if (!checks[index]!(item)) return false;
    }
    return true;
  };
}

const isProsePart = strictObject({ title: { check: isString }, paragraphs: { check: isStringArray } });
const isProse = strictObject({
  paragraphs: { check: isStringArray },
  parts: { check: arrayOf(isProsePart), optional: true },
});

const levels = new Set<string>(Object.keys(BODY_LEVELS));

/** Keys and checks of `meta`; a test asserts they are exactly the zod schema's keys. */
export const META_FIELD_CHECKS = {
  body: { check: isNonEmptyString },
  year: {
    check: (value: Value) =>
      Number.isSafeInteger(value) && (value as number) >= REPORT_YEAR_RANGE.min && (value as number) <= REPORT_YEAR_RANGE.max,
  },
  title: { check: isNonEmptyString, optional: true },
  publishedOn: { check: matches(ISO_DATE_PATTERN), optional: true },
  regionCode: { check: matches(REGION_CODE_PATTERN), optional: true },
  creditCode: { check: matches(CREDIT_CODE_PATTERN), optional: true },
  level: { check: (value: Value) => typeof value === "string" && levels.has(value), optional: true },
  source: { check: isString, optional: true },
} as const;

const isMeta = strictObject(META_FIELD_CHECKS);

const CELL_CHECKS: Record<CellKind, Check> = {
  count: (value) => value === null || (Number.isSafeInteger(value) && (value as number) >= 0),
  signedCount: (value) => value === null || Number.isSafeInteger(value),
  amount: (value) => value === null || (typeof value === "number" && Number.isFinite(value) && value >= 0),
};

function tableChecks(edition: Edition): Record<string, Check> {
  const tables = new Map<string, Map<string, Map<string, Check>>>();
  for (const cell of cellsOf(edition)) {
    const rows = tables.get(cell.section) ?? new Map<string, Map<string, Check>>();
    tables.set(cell.section, rows);
    const columns = rows.get(cell.row) ?? new Map<string, Check>();
    rows.set(cell.row, columns);
    columns.set(cell.column, CELL_CHECKS[cell.kind]);
  }
  const checks: Record<string, Check> = {};
  for (const [section, rows] of tables) {
    const rowChecks: Record<string, { check: Check }> = {};
    for (const [row, columns] of rows) {
      const cellChecks: Record<string, { check: Check }> = {};
      for (const [column, check] of columns) cellChecks[column] = { check };
      rowChecks[row] = { check: strictObject(cellChecks) };
    }
    checks[section] = strictObject(rowChecks);
  }
  return checks;
}

const IMPORT_FORMATS = new Set(["text", "markdown", "html", "pdf", "docx"]);
const isImportRecord: Check = strictObject({
  tool: { check: (value) => typeof value === "string" && value.length > 0 },
  version: { check: (value) => typeof value === "string" && value.length > 0 },
  source: {
    check: strictObject({
      fileName: { check: isString, optional: true },
      format: { check: (value) => typeof value === "string" && IMPORT_FORMATS.has(value) },
    }),
    optional: true,
  },
  unreadable: { check: isStringArray },
  inferred: { check: isStringArray },
  absent: { check: isStringArray, optional: true },
  positions: { check: (value) => isObject(value as Value) && Object.values(value as Record<string, Value>).every(isString), optional: true },
});

function reportCheck(edition: Edition): Check {
  const tables = tableChecks(edition);
  return strictObject({
    $schema: { check: isString, optional: true },
    edition: { check: (value) => value === edition },
    meta: { check: isMeta },
    preamble: { check: isProse, optional: true },
    overview: { check: isProse },
    proactiveDisclosure: { check: tables.proactiveDisclosure! },
    applications: { check: tables.applications! },
    reviewAndLitigation: { check: tables.reviewAndLitigation! },
    problemsAndImprovements: { check: isProse },
    otherMatters: { check: isProse },
    import: { check: isImportRecord, optional: true },
  });
}

// Built on first use, one edition at a time.
const REPORT_CHECKS: Partial<Record<Edition, Check>> = {};

/**
 * True when the value is a well-formed report of either edition — exactly when `parseReport` succeeds — without
 * loading zod. Use `parseReport` to learn what is wrong with a value that is not.
 */
export function isWellFormedReport(value: unknown): value is Report {
  try {
    if (!isObject(value)) return false;
    const edition = value.edition;
    if (!EDITIONS.includes(edition as Edition)) return false;
    const check = (REPORT_CHECKS[edition as Edition] ??= reportCheck(edition as Edition));
    return check(value);
  } catch {
    // A value whose property access throws (a getter, a proxy) is no report; parseReport says so too.
    return false;
  }
}
