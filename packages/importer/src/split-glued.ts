/**
 * Splitting cells that arrive glued together (`2000002`, `88-720`, `1400000 14`) back into the table's cells.
 *
 * Hand-written because no library does this: it is a small constraint search specific to the format. A run of
 * tokens (digit strings separated in the source) must become exactly `cells.length` cells; each token splits into
 * one or more parts, a part is a valid number (no leading zero except `0` itself; a sign only on the first part
 * of a token and only in a signed column; a decimal token is never split). Every split that satisfies the
 * arithmetic identities the caller gives is a candidate; the caller keeps the cells on which every candidate
 * agrees and leaves the others unread. The search is bounded (`NODE_BUDGET` steps, `SOLUTION_LIMIT` candidates):
 * a 60-digit run gives up with `exhausted` instead of enumerating millions of splits.
 */

/** One token of a run: the digits as published, e.g. `1400000`, `-720`, `45.82`. */
export interface GlueToken {
  /** The number's text: optional sign, digits, optional decimal part. */
  readonly text: string;
  /** True when the token must stay one cell (it was set apart by spaces and shows no sign of gluing). */
  readonly whole?: boolean;
}

/** A linear identity between cells of the run: Σ stated = Σ expected (indexes into the run's cells). */
export interface LocalIdentity {
  readonly stated: readonly number[];
  readonly expected: readonly number[];
}

/** What the search found. */
export interface SplitOutcome {
  /** Every split that satisfies the identities (at most `SOLUTION_LIMIT`), each as the cells' values. */
  readonly candidates: readonly (readonly number[])[];
  /** How many splits exist before the identities are applied (capped at `SOLUTION_LIMIT`). */
  readonly splits: number;
  /** True when the search stopped at its budget: the candidates are then not complete. */
  readonly exhausted: boolean;
}

/** The kind of each target cell: only `signed` cells may take a sign; only `amount` cells may be decimals. */
export type GlueCellKind = "count" | "signedCount" | "amount";

const NODE_BUDGET = 200_000;
const SOLUTION_LIMIT = 2_000;

function validPart(part: string, kind: GlueCellKind, first: boolean): number | undefined {
  let digits = part;
  let sign = 1;
  if (digits.startsWith("-") || digits.startsWith("+") || digits.startsWith("−")) {
    if (!first || kind !== "signedCount") return undefined;
    sign = digits.startsWith("+") ? 1 : -1;
    digits = digits.slice(1);
  }
  if (digits === "") return undefined;
  if (digits.includes(".")) {
    if (kind !== "amount" || !/^\d+\.\d+$/u.test(digits)) return undefined;
    if (digits.length > 1 && digits.startsWith("0") && !digits.startsWith("0.")) return undefined;
    return sign * Number(digits);
  }
  if (!/^\d+$/u.test(digits)) return undefined;
  if (digits.length > 1 && digits.startsWith("0")) return undefined;
  // A glued run never hides a count of more than 12 digits; bounding it keeps the numbers exact.
  if (digits.length > 12) return undefined;
  return sign * Number(digits);
}

/**
 * Every way to split `tokens` into `kinds.length` cells that satisfies `identities`. Tokens are kept in order and
 * never merged; each token gives at least one cell.
 */
export function splitGlued(tokens: readonly GlueToken[], kinds: readonly GlueCellKind[], identities: readonly LocalIdentity[]): SplitOutcome {
  const cellCount = kinds.length;
  const values = new Array<number>(cellCount).fill(0);
  const candidates: number[][] = [];
  let splits = 0;
  let nodes = 0;
  let exhausted = false;

  // Identities checked as soon as their last cell is assigned.
  const byLastCell = new Map<number, LocalIdentity[]>();
  for (const identity of identities) {
    const last = Math.max(...identity.stated, ...identity.expected);
    const list = byLastCell.get(last);
    if (list) list.push(identity);
    else byLastCell.set(last, [identity]);
  }
  const holds = (cell: number): boolean => {
    for (const identity of byLastCell.get(cell) ?? []) {
      let stated = 0;
      let expected = 0;
      for (const index of identity.stated) stated += values[index]!;
      for (const index of identity.expected) expected += values[index]!;
      if (Math.abs(stated - expected) > 1e-9) return false;
    }
    return true;
  };

  // Minimum number of cells the tokens after `token` need (one each).
  const search = (token: number, offset: number, cell: number): void => {
    if (exhausted) return;
    nodes += 1;
    if (nodes > NODE_BUDGET || candidates.length >= SOLUTION_LIMIT) {
      exhausted = true;
      return;
    }
    if (token === tokens.length) {
      if (cell === cellCount) {
        splits += 1;
        candidates.push([...values]);
      }
      return;
    }
    const text = tokens[token]!.text;
    const remainingTokens = tokens.length - token - 1;
    if (cell >= cellCount) return;
    // The rest of this token is one cell, or this cell takes a prefix and the token continues.
    const rest = text.slice(offset);
    const cellsLeftAfter = cellCount - cell - 1;
    // Close the token with this cell.
    if (cellsLeftAfter >= remainingTokens) {
      const value = validPart(rest, kinds[cell]!, offset === 0);
      if (value !== undefined) {
        values[cell] = value;
        if (holds(cell)) search(token + 1, 0, cell + 1);
      }
    }
    // Or take a shorter prefix (not for decimals: a decimal token is one cell; nor for a token kept whole).
    if (rest.includes(".") || tokens[token]!.whole) return;
    for (let length = 1; length < rest.length; length += 1) {
      const part = rest.slice(0, length);
      if (part === "-" || part === "+" || part === "−") continue;
      // Digits left in this token must still fit in the cells left.
      if (cellsLeftAfter < remainingTokens + 1) break;
      const value = validPart(part, kinds[cell]!, offset === 0);
      if (/^[+\-−]?0\d/u.test(part)) break; // a longer part starting with 0 is never valid
      if (value === undefined) continue;
      values[cell] = value;
      if (holds(cell)) search(token, offset + length, cell + 1);
      if (exhausted) return;
    }
  };
  search(0, 0, 0);
  return { candidates, splits, exhausted };
}

/**
 * Cells every candidate agrees on (value) and cells where they differ (undefined). Empty candidates → all undefined.
 */
export function agreedCells(candidates: readonly (readonly number[])[], cellCount: number): (number | undefined)[] {
  const out: (number | undefined)[] = new Array(cellCount).fill(undefined);
  if (candidates.length === 0) return out;
  for (let cell = 0; cell < cellCount; cell += 1) {
    const first = candidates[0]![cell]!;
    out[cell] = candidates.every((candidate) => candidate[cell] === first) ? first : undefined;
  }
  return out;
}
