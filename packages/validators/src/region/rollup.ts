/**
 * The region's roll-up: totals of 表三 and 表四 over its bodies and the rates reviewers quote, per body and overall.
 * A blank cell is left out of a total and counted as blank, never taken as 0.
 */
import { cellsOf, readCell, type Edition } from "@xxgk/schema/layout";
import type { BodyRates, RegionRollup, RollupCell } from "./types.js";

type Read = (pointer: string) => number | null;

function reader(raw: unknown, edition: Edition): Read {
  const cells = new Map(cellsOf(edition).map((cell) => [cell.pointer, cell]));
  return (pointer) => {
    const cell = cells.get(pointer);
    if (!cell) return null;
    const value = readCell(raw, cell);
    return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
  };
}

function sum(...values: (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

function ratio(part: number | null, whole: number | null): number | null {
  return part === null || whole === null || whole <= 0 ? null : part / whole;
}

/** The rates of one set of figures (a body's, or the region's totals). */
export function ratesOf(read: Read): BodyRates {
  const received = read("/applications/newlyReceived/total");
  const handled = read("/applications/total/total");
  const disclosedFully = read("/applications/disclosed/total");
  const disclosedPartly = read("/applications/partiallyDisclosed/total");
  const group = (key: string, column: string) => read(`/reviewAndLitigation/${key}/${column}`);
  const reconsiderations = group("reconsideration", "total");
  const reconsiderationsCorrected = group("reconsideration", "corrected");
  const reconsiderationsPending = group("reconsideration", "pending");
  const lawsuits = sum(group("litigationDirect", "total"), group("litigationAfterReconsideration", "total"));
  const lawsuitsCorrected = sum(group("litigationDirect", "corrected"), group("litigationAfterReconsideration", "corrected"));
  const lawsuitsPending = sum(group("litigationDirect", "pending"), group("litigationAfterReconsideration", "pending"));
  const concluded = (total: number | null, pending: number | null) => (total === null || pending === null ? null : total - pending);
  return {
    received,
    handled,
    disclosedFully,
    disclosedPartly,
    disclosureRate: ratio(sum(disclosedFully, disclosedPartly), handled),
    reconsiderations,
    reconsiderationsCorrected,
    reconsiderationCorrectionRate: ratio(reconsiderationsCorrected, concluded(reconsiderations, reconsiderationsPending)),
    lawsuits,
    lawsuitsCorrected,
    lawsuitCorrectionRate: ratio(lawsuitsCorrected, concluded(lawsuits, lawsuitsPending)),
  };
}

/** The rates of one report (any JSON value of a known edition). */
export function bodyRates(raw: unknown, edition: Edition | undefined): BodyRates {
  if (!edition) return ratesOf(() => null);
  return ratesOf(reader(raw, edition));
}

/**
 * Adds up 表三 and 表四 over the reports of the edition most of them use (the other edition's layout differs; its
 * reports are counted in `leftOut`).
 */
export function rollUp(reports: readonly { raw: unknown; edition: Edition | undefined }[]): RegionRollup {
  const counts = new Map<Edition, number>();
  for (const report of reports) if (report.edition) counts.set(report.edition, (counts.get(report.edition) ?? 0) + 1);
  const edition: Edition = (counts.get("2019") ?? 0) > (counts.get("2021") ?? 0) ? "2019" : "2021";
  const included = reports.filter((report) => report.edition === edition);
  const cells: RollupCell[] = cellsOf(edition)
    .filter((cell) => cell.table === "table3" || cell.table === "table4")
    .map((cell) => {
      let total = 0;
      let stated = 0;
      for (const report of included) {
        const value = readCell(report.raw, cell);
        if (typeof value === "number" && Number.isFinite(value) && value >= 0) {
          total += value;
          stated++;
        }
      }
      return { pointer: cell.pointer, label: cell.label, total, stated, blank: included.length - stated };
    });
  const byPointer = new Map(cells.map((cell) => [cell.pointer, cell]));
  const rates = ratesOf((pointer) => {
    const cell = byPointer.get(pointer);
    return cell && cell.stated > 0 ? cell.total : null;
  });
  return { edition, reports: included.length, leftOut: reports.length - included.length, cells, rates };
}
