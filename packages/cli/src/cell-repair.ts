/**
 * Reports whose only structural problems are bad cell values (a negative count, 2.5 applications, "251000元"): the
 * rest of the report is sound, and a reviewer needs exactly those cells shown. `render --annotate` renders a copy with
 * the cells blank (the validators' CELL-VALUE findings mark them, with the stated value); `export` writes every other
 * cell and says what was stated in a `problem` column. Reports broken anywhere else are refused as before.
 * zod-free: the structural issues come from the caller (parseReport, loaded on demand).
 */
import { cellAt, formatCellValue, type CellInfo, type Edition } from "@xxgk/schema/layout";
import { msg, type Message } from "./i18n.js";

/** One cell whose stated value is not valid for it. */
export interface InvalidCell {
  cell: CellInfo;
  /** The value as stated in the file (a string, a negative or fractional number, …). */
  stated: unknown;
  /** What was stated and why it is invalid: `填报“251000元”，不是数字`. */
  problem: Message;
}

/** A structural issue as parseReport reports it (only the pointer matters here). */
export interface IssueAt {
  pointer: string;
}

function shown(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

/** What was stated and why it is not a valid value for the cell. */
export function cellProblem(cell: Pick<CellInfo, "kind">, stated: unknown): Message {
  if (typeof stated === "string") {
    const quoted = /^\s*-?\d+(\.\d+)?\s*$/.test(stated);
    return msg(
      `填报“${shown(stated)}”，不是数字${quoted ? "（数字不要加引号）" : ""}`,
      `stated "${shown(stated)}", not a number${quoted ? " (numbers take no quotes)" : ""}`,
    );
  }
  if (typeof stated === "number" && Number.isFinite(stated)) {
    const text = formatCellValue(stated);
    const negative = stated < 0 && cell.kind !== "signedCount";
    const fractional = !Number.isInteger(stated) && cell.kind !== "amount";
    if (negative && fractional) return msg(`填报 ${text}，应为非负整数`, `stated ${text}, must be a whole number, not negative`);
    if (negative) return msg(`填报 ${text}，不能为负数`, `stated ${text}, must not be negative`);
    if (fractional) return msg(`填报 ${text}，应为整数`, `stated ${text}, must be a whole number`);
    // A count beyond 2^53 − 1 was rounded when read: the stated figure is not known (the digits shown are rounded).
    if (cell.kind !== "amount" && !Number.isSafeInteger(stated)) {
      return msg(
        `填报 ${text}，超出可精确表示的整数范围（最大 ${Number.MAX_SAFE_INTEGER}）`,
        `stated ${text}, which exceeds the largest exactly representable integer (${Number.MAX_SAFE_INTEGER})`,
      );
    }
  }
  let text: string;
  try {
    text = JSON.stringify(stated) ?? String(stated);
  } catch {
    text = String(stated);
  }
  return msg(`填报 ${shown(text)}，不是数字`, `stated ${shown(text)}, not a number`);
}

function ownValue(value: unknown, path: readonly string[]): { present: boolean; value?: unknown } {
  let node: unknown = value;
  for (const key of path) {
    if (node === null || typeof node !== "object" || Array.isArray(node) || !Object.hasOwn(node, key)) return { present: false };
    node = (node as Record<string, unknown>)[key];
  }
  return { present: true, value: node };
}

/**
 * The invalid cells when EVERY structural issue is at a cell of the report's edition whose value is stated (present)
 * but invalid; `undefined` when any issue is elsewhere (a missing section, an unknown edition, bad metadata, a missing
 * or unknown cell), so the report is refused as before.
 */
export function invalidCellsOnly(value: unknown, issues: readonly IssueAt[]): InvalidCell[] | undefined {
  if (issues.length === 0 || value === null || typeof value !== "object" || Array.isArray(value)) return undefined;
  const edition = (value as { edition?: unknown }).edition;
  if (edition !== "2021" && edition !== "2019") return undefined;
  const found = new Map<string, InvalidCell>();
  for (const issue of issues) {
    const cell = cellAt(edition as Edition, issue.pointer);
    if (!cell) return undefined;
    const stated = ownValue(value, cell.path);
    if (!stated.present || stated.value === null) return undefined;
    if (!found.has(cell.pointer)) found.set(cell.pointer, { cell, stated: stated.value, problem: cellProblem(cell, stated.value) });
  }
  return [...found.values()];
}

/** A copy of the report with the given cells blank (`null`); the input is not changed. */
export function withCellsBlank(value: unknown, cells: readonly InvalidCell[]): unknown {
  const copy = { ...(value as Record<string, unknown>) };
  for (const { cell } of cells) {
    let node = copy;
    cell.path.forEach((key, depth) => {
      if (depth === cell.path.length - 1) node[key] = null;
      else {
        // Copy each object on the way, so the caller's value keeps its stated values.
        node[key] = { ...(node[key] as Record<string, unknown>) };
        node = node[key] as Record<string, unknown>;
      }
    });
  }
  return copy;
}

/** `1 个单元格的取值无效` / `1 cell with an invalid value`, `2 cells with invalid values`. */
export function invalidCellCount(count: number): Message {
  return msg(`${count} 个单元格的取值无效`, count === 1 ? "1 cell with an invalid value" : `${count} cells with invalid values`);
}
