/**
 * The arithmetic identities of the format (R1–R4, X1, X2), derived from the layout data of @xxgk/schema.
 * Each identity reads: Σ stated terms = Σ expected terms. Its residual is stated − expected.
 */
import { LAYOUTS, type Edition } from "@xxgk/schema/layout";
import { cellTable } from "./cell-values.js";

/** One operand of an identity. */
export interface IdentityTerm {
  /** Cell index in the cell table of its document's edition. */
  readonly index: number;
  /** +1 or −1 inside its side of the identity. */
  readonly sign: 1 | -1;
  /** True when the cell belongs to last year's report. */
  readonly previous: boolean;
}

/** One identity to evaluate. */
export interface Identity {
  /** The rule it belongs to. */
  readonly ruleId: string;
  /** The cell (of the current report) that states the checked figure, e.g. the 总计 cell. */
  readonly subject: number;
  /** Terms of the stated side. */
  readonly stated: readonly IdentityTerm[];
  /** Terms of the expected side. */
  readonly expected: readonly IdentityTerm[];
  /** Message parameters: scope labels in Chinese and English. */
  readonly params: Readonly<Record<string, string>>;
  readonly paramsEn: Readonly<Record<string, string>>;
}

const current = (index: number, sign: 1 | -1 = 1): IdentityTerm => ({ index, sign, previous: false });
const previous = (index: number, sign: 1 | -1 = 1): IdentityTerm => ({ index, sign, previous: true });

function indexer(edition: Edition) {
  const table = cellTable(edition);
  return (section: string, row: string, column: string): number => {
    const index = table.index.get(`/${section}/${row}/${column}`);
    if (index === undefined) throw new Error(`no cell /${section}/${row}/${column} in edition ${edition}`);
    return index;
  };
}

function table3Identities(edition: Edition) {
  const layout = LAYOUTS[edition].table3;
  const at = indexer(edition);
  const cell = (row: string, column: string) => at("applications", row, column);
  const detailColumns = layout.columns.filter((column) => column.key !== "total");
  const outcomeRows = layout.rows.filter((row) => row.role === "outcome");
  const rowOf = (role: string) => layout.rows.find((row) => row.role === role)!.key;
  const received = rowOf("received");
  const carriedOver = rowOf("carriedOver");
  const outcomeTotal = rowOf("outcomeTotal");
  const carriedForward = rowOf("carriedForward");

  const sumRow: Identity[] = layout.rows.map((row) => ({
    ruleId: "T3-SUM-ROW",
    subject: cell(row.key, "total"),
    stated: [current(cell(row.key, "total"))],
    expected: detailColumns.map((column) => current(cell(row.key, column.key))),
    params: { row: row.label },
    paramsEn: { row: row.english },
  }));
  const sumColumn: Identity[] = layout.columns.map((column) => ({
    ruleId: "T3-SUM-COLUMN",
    subject: cell(outcomeTotal, column.key),
    stated: [current(cell(outcomeTotal, column.key))],
    expected: outcomeRows.map((row) => current(cell(row.key, column.key))),
    params: { column: column.label },
    paramsEn: { column: column.english },
  }));
  const balance: Identity[] = layout.columns.map((column) => ({
    ruleId: "T3-BALANCE",
    subject: cell(carriedForward, column.key),
    stated: [current(cell(outcomeTotal, column.key)), current(cell(carriedForward, column.key))],
    expected: [current(cell(received, column.key)), current(cell(carriedOver, column.key))],
    params: { column: column.label },
    paramsEn: { column: column.english },
  }));
  return { sumRow, sumColumn, balance };
}

function table4Identities(edition: Edition): Identity[] {
  const layout = LAYOUTS[edition].table4;
  const at = indexer(edition);
  return layout.groups.map((group) => ({
    ruleId: "T4-SUM-GROUP",
    subject: at("reviewAndLitigation", group.key, "total"),
    stated: [current(at("reviewAndLitigation", group.key, "total"))],
    expected: layout.columns
      .filter((column) => column.key !== "total")
      .map((column) => current(at("reviewAndLitigation", group.key, column.key))),
    params: { group: group.parent ? `${group.parent}（${group.label}）` : group.label },
    paramsEn: { group: group.english },
  }));
}

interface EditionIdentities {
  readonly byRule: ReadonlyMap<string, readonly Identity[]>;
}

function build(edition: Edition): EditionIdentities {
  const table3 = table3Identities(edition);
  return {
    byRule: new Map<string, readonly Identity[]>([
      ["T3-SUM-ROW", table3.sumRow],
      ["T3-SUM-COLUMN", table3.sumColumn],
      ["T3-BALANCE", table3.balance],
      ["T4-SUM-GROUP", table4Identities(edition)],
    ]),
  };
}

// Built on first use, one edition at a time.
const SINGLE: Partial<Record<Edition, EditionIdentities>> = {};

/** The identities of a single-report rule for an edition (empty when the rule has none). */
export function identitiesOf(ruleId: string, edition: Edition): readonly Identity[] {
  return (SINGLE[edition] ??= build(edition)).byRule.get(ruleId) ?? [];
}

const ALL_SINGLE: Partial<Record<Edition, readonly Identity[]>> = {};

/**
 * Every single-report identity of an edition (R1–R4: T3-SUM-ROW, T3-SUM-COLUMN, T3-BALANCE, T4-SUM-GROUP), the
 * same objects {@link identitiesOf} returns. Pinpointing checks a suggested value against all of them, whatever rules
 * the caller turned off: a value that breaks the form's arithmetic is no repair.
 */
export function singleReportIdentities(edition: Edition): readonly Identity[] {
  return (ALL_SINGLE[edition] ??= [...(SINGLE[edition] ??= build(edition)).byRule.values()].flat());
}

const crossCache = new Map<string, readonly Identity[]>();

/** X1: this year's 二、上年结转 = last year's 四、结转下年度继续办理, column by column (表三 columns are the same in both editions). */
export function carryOverIdentities(edition: Edition, previousEdition: Edition): readonly Identity[] {
  const key = `X-CARRY-OVER|${edition}|${previousEdition}`;
  const cached = crossCache.get(key);
  if (cached) return cached;
  const at = indexer(edition);
  const atPrevious = indexer(previousEdition);
  const identities = LAYOUTS[edition].table3.columns.map((column) => ({
    ruleId: "X-CARRY-OVER",
    subject: at("applications", "carriedOver", column.key),
    stated: [current(at("applications", "carriedOver", column.key))],
    expected: [previous(atPrevious("applications", "carriedForward", column.key))],
    params: { column: column.label },
    paramsEn: { column: column.english },
  }));
  crossCache.set(key, identities);
  return identities;
}

/**
 * X2 (edition 2021 in both years): 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数, for 规章 and
 * 行政规范性文件. Empty when either report is not edition 2021 (the 2019 columns count different things).
 */
export function inForceIdentities(edition: Edition, previousEdition: Edition): readonly Identity[] {
  if (edition !== "2021" || previousEdition !== "2021") return [];
  const key = "X-IN-FORCE";
  const cached = crossCache.get(key);
  if (cached) return cached;
  const at = indexer("2021");
  const block = LAYOUTS["2021"].table2.blocks.find((candidate) => candidate.columns.some((column) => column.key === "inForce"))!;
  const identities = block.rows.map((row) => ({
    ruleId: "X-IN-FORCE",
    subject: at("proactiveDisclosure", row.key, "inForce"),
    stated: [current(at("proactiveDisclosure", row.key, "inForce"))],
    expected: [
      previous(at("proactiveDisclosure", row.key, "inForce")),
      current(at("proactiveDisclosure", row.key, "issued")),
      current(at("proactiveDisclosure", row.key, "repealed"), -1),
    ],
    params: { row: row.label },
    paramsEn: { row: row.english },
  }));
  crossCache.set(key, identities);
  return identities;
}
