/**
 * Reading the three tables from their regions of the stream.
 *
 * Rows are found by their labels (anchors); figures on the same line after a label belong to it. Figures whose
 * label is elsewhere (PDF text of merged cells puts labels before, after or around the figures) are assigned by
 * order: between two anchored rows, the unlabelled runs of figures fill the rows in between when their numbers
 * match. Each row's figures then become cells: as many values as columns are read directly; extra empty cells are
 * trimmed; glued digits are split (see `split-glued.ts`) using the table's identities from `@xxgk/validators`.
 */
import { LAYOUTS, cellsOf, type CellKind, type Edition } from "@xxgk/schema/layout";
import { identitiesOf } from "@xxgk/validators/core";
import { findAnchors, labelCandidates, type Anchor, type LabelCandidate } from "./anchors.js";
import { finding, type ImportFinding } from "./findings.js";
import type { SourcePosition } from "./source-document.js";
import { agreedCells, splitGlued, type LocalIdentity } from "./split-glued.js";
import { canonical as canonicalLabel } from "./normalize.js";
import { compactIndexAt as compactIndex, positionAt, type Stream } from "./stream.js";
import { tokenize, type Token } from "./tokens.js";

/** How a cell's value was obtained. */
export type CellHow = "read" | "inferred" | "unreadable" | "absent";

/** One cell as read. */
export interface CellReading {
  /** The value; null for blank, unreadable or absent. */
  readonly value: number | null;
  readonly how: CellHow;
  readonly position?: SourcePosition | undefined;
}

/** Result of reading the tables: cell readings by JSON Pointer, plus findings. */
export interface TableReadings {
  readonly cells: Map<string, CellReading>;
  readonly findings: ImportFinding[];
  /** Number of value tokens seen in each table region (0 everywhere suggests tables published as images). */
  readonly valueTokens: number;
  readonly labelsFound: number;
}

interface Run {
  readonly anchor?: Anchor | undefined;
  readonly tokens: Token[];
  readonly line: number;
}

const isValue = (token: Token) => token.kind === "number" || token.kind === "placeholder";

function buildRuns(tokens: readonly Token[], anchors: readonly Anchor[], stream: Stream): Run[] {
  const anchorStarts = new Set(anchors.map((anchor) => anchor.start));
  const events: ({ at: number; anchor: Anchor } | { at: number; token: Token })[] = [
    ...anchors.map((anchor) => ({ at: anchor.start, anchor })),
    // The tokenizer gives each anchor's text as one text token starting where the anchor starts.
    ...tokens.filter((token) => token.kind !== "text" || !anchorStarts.has(token.start)).map((token) => ({ at: token.start, token })),
  ];
  events.sort((a, b) => a.at - b.at || ("anchor" in a ? -1 : 1));
  const runs: Run[] = [];
  let current: Run | undefined;
  let closed = false;
  for (const event of events) {
    if ("anchor" in event) {
      current = { anchor: event.anchor, tokens: [], line: stream.lineOf[event.anchor.start]! };
      runs.push(current);
      closed = false;
      continue;
    }
    const token = event.token;
    if (!current || current.line !== token.line) {
      current = { tokens: [], line: token.line };
      runs.push(current);
      closed = false;
    }
    if (token.kind === "text") {
      if (current.tokens.some(isValue)) closed = true;
      continue;
    }
    if (closed) {
      current = { tokens: [], line: token.line };
      runs.push(current);
      closed = false;
    }
    current.tokens.push(token);
  }
  return runs;
}

interface RowSpec {
  readonly key: string;
  readonly order: number;
}

type Assignment =
  | { readonly kind: "run"; readonly run: Run; readonly anchored: boolean }
  | { readonly kind: "blank"; readonly anchor: Anchor }
  | { readonly kind: "unaligned" }
  | { readonly kind: "absent" };

/** Assigns runs of figures to rows: anchored runs to their row, unlabelled runs by order between anchors. */
function assignRuns(
  runs: readonly Run[],
  rows: readonly RowSpec[],
  pseudo: ReadonlyMap<string, readonly string[]>,
  sizes: ReadonlyMap<string, number>,
): Map<string, Assignment> {
  const result = new Map<string, Assignment>();
  // A labelled row whose cells are all empty (a pipe or tab row `| 规章 |  |  |  |`) was published blank.
  const hasValues = (run: Run) =>
    run.tokens.some(isValue) ||
    (run.anchor !== undefined && run.tokens.filter((token) => token.kind === "empty").length >= (sizes.get(run.anchor.key) ?? Number.POSITIVE_INFINITY));
  type Item = { kind: "anchored"; run: Run; order: number } | { kind: "orphan"; run: Run } | { kind: "label"; run: Run; order: number };
  // A label found twice in order (a heading and the row, a mention in prose and the row): the run whose figures
  // fit the row's columns best, the later one on a tie.
  const fit = (run: Run): number => {
    const size = sizes.get(run.anchor!.key) ?? 1;
    const values = run.tokens.filter((token) => token.kind !== "text");
    const digits = values.reduce((sum, token) => sum + Math.max(1, token.text.replace(/\D/gu, "").length), 0);
    if (values.length === size) return 3;
    if (values.length < size && digits >= size) return 2;
    if (values.length > size) return 1;
    return 0;
  };
  const chosen = new Map<string, Run>();
  for (const run of runs) {
    if (!run.anchor?.inOrder || !hasValues(run)) continue;
    const previous = chosen.get(run.anchor.key);
    if (!previous || fit(run) >= fit(previous)) chosen.set(run.anchor.key, run);
  }
  const items: Item[] = [];
  const outOfOrder: Run[] = [];
  for (const run of runs) {
    if (run.anchor && !run.anchor.inOrder) {
      if (hasValues(run)) outOfOrder.push(run);
    } else if (run.anchor) {
      if (chosen.get(run.anchor.key) === run) items.push({ kind: "anchored", run, order: run.anchor.order });
      else if (!hasValues(run)) items.push({ kind: "label", run, order: run.anchor.order });
    } else if (hasValues(run)) {
      items.push({ kind: "orphan", run });
    }
  }
  for (const item of items) {
    if (item.kind === "anchored") result.set(item.run.anchor!.key, { kind: "run", run: item.run, anchored: true });
  }
  // Rows covered by an anchored pseudo row (a collapsed group) are not waiting for figures.
  const covered = new Set<string>();
  for (const item of items) {
    if (item.kind === "anchored") for (const key of pseudo.get(item.run.anchor!.key) ?? []) covered.add(key);
  }
  const realRows = rows.filter((row) => !pseudo.has(row.key));
  // Walk the gaps between anchored runs.
  let previousOrder = Number.NEGATIVE_INFINITY;
  let gapItems: Item[] = [];
  const closeGap = (nextOrder: number) => {
    const gapRows = realRows.filter((row) => row.order > previousOrder && row.order < nextOrder && !result.has(row.key) && !covered.has(row.key));
    let orphans = gapItems.filter((item) => item.kind === "orphan").map((item) => item.run);
    const labels = gapItems.filter((item): item is Item & { kind: "label" } => item.kind === "label");
    if (gapRows.length === 0) return;
    if (orphans.length === gapRows.length) {
      gapRows.forEach((row, index) => result.set(row.key, { kind: "run", run: orphans[index]!, anchored: false }));
      return;
    }
    let remaining = gapRows;
    if (orphans.length < gapRows.length) {
      // A label with no figures, directly followed on the same line by the next label: a row published blank.
      for (const label of labels) {
        const index = items.indexOf(label);
        const next = items[index + 1];
        const sameLine = next && next.kind !== "orphan" && next.run.line === label.run.line;
        const atEnd = next === undefined || (next.kind !== "orphan" && next.run.line === label.run.line);
        if ((sameLine || atEnd) && remaining.some((row) => row.key === label.run.anchor!.key)) {
          result.set(label.run.anchor!.key, { kind: "blank", anchor: label.run.anchor! });
          remaining = remaining.filter((row) => row.key !== label.run.anchor!.key);
        }
      }
      if (orphans.length === remaining.length) {
        remaining.forEach((row, index) => result.set(row.key, { kind: "run", run: orphans[index]!, anchored: false }));
        return;
      }
      if (orphans.length === 0) {
        for (const row of remaining) result.set(row.key, { kind: "absent" });
        return;
      }
    }
    // Runs that cannot be a row (a stray number: fewer digits than the row has cells) drop out; what is left
    // must then match in number. Nothing is guessed beyond that.
    const plausible = orphans.filter((run) => {
      const values = run.tokens.filter((token) => token.kind !== "text");
      const size = sizes.get(remaining[0]?.key ?? "") ?? values.length;
      const digits = values.reduce((sum, token) => sum + Math.max(1, token.text.replace(/\D/gu, "").length), 0);
      return values.length >= size || digits >= size;
    });
    if (plausible.length === remaining.length) {
      remaining.forEach((row, index) => result.set(row.key, { kind: "run", run: plausible[index]!, anchored: false }));
      return;
    }
    for (const row of remaining) result.set(row.key, { kind: "unaligned" });
  };
  for (const item of items) {
    if (item.kind === "anchored") {
      closeGap(item.order);
      previousOrder = item.order;
      gapItems = [];
    } else {
      gapItems.push(item);
    }
  }
  closeGap(Number.POSITIVE_INFINITY);
  // Rows printed out of order, labelled on the same line as their figures, where nothing else claimed the row.
  for (const run of outOfOrder) {
    const key = run.anchor!.key;
    const current = result.get(key);
    if ((current === undefined || current.kind === "absent" || current.kind === "unaligned") && !covered.has(key) && rows.some((row) => row.key === key)) {
      result.set(key, { kind: "run", run, anchored: true });
    }
  }
  for (const row of realRows) if (!result.has(row.key) && !covered.has(row.key)) result.set(row.key, { kind: "absent" });
  return result;
}

const NUMBERED_HEADER = /^[\u4e00-\u9fff]{1,4}\d{1,2}$/u;

/**
 * Header cells numbered by an OCR tool or a converter (`数据1`, `数据2`, … `列3`): their digits are not figures.
 * A line counts when at least three of its cells look like that.
 */
function headerSpans(stream: Stream, from: number, to: number): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let lineStart = from;
  for (let index = from; index <= to; index += 1) {
    if (index < to && stream.text[index] !== "\n") continue;
    const cells: { start: number; end: number; text: string }[] = [];
    let cellStart = lineStart;
    for (let at = lineStart; at <= index; at += 1) {
      if (at === index || stream.text[at] === "\t") {
        const raw = stream.text.slice(cellStart, at);
        const text = raw.trim();
        const offset = raw.indexOf(text);
        cells.push({ start: cellStart + offset, end: cellStart + offset + text.length, text });
        cellStart = at + 1;
      }
    }
    const numbered = cells.filter((cell) => NUMBERED_HEADER.test(cell.text));
    if (numbered.length >= 3) spans.push(...numbered.map(({ start, end }) => ({ start, end })));
    lineStart = index + 1;
  }
  return spans;
}

/** One row (or table 四's single row of 15) to turn into cells. */
interface RowCells {
  readonly pointers: readonly string[];
  readonly kinds: readonly CellKind[];
  readonly label: string;
}

interface RowOutcome {
  readonly readings: CellReading[];
  /** Candidates left when a glued run is ambiguous, for propagation across rows. */
  readonly candidates?: readonly (readonly number[])[];
  readonly tokens?: readonly Token[];
}

function validFor(kind: CellKind, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (kind === "count") return Number.isInteger(value) && value >= 0;
  if (kind === "signedCount") return Number.isInteger(value);
  return value >= 0;
}

const POINTER_INDEX: Partial<Record<Edition, ReadonlyMap<string, number>>> = {};
const LOCAL_IDENTITIES = new Map<string, LocalIdentity[]>();

function localIdentities(pointers: readonly string[], edition: Edition, ruleIds: readonly string[]): LocalIdentity[] {
  const key = `${edition}|${ruleIds.join(",")}|${pointers.join(",")}`;
  const cached = LOCAL_IDENTITIES.get(key);
  if (cached) return cached;
  const index = (POINTER_INDEX[edition] ??= new Map(cellsOf(edition).map((cell, position) => [cell.pointer, position])));
  const local = new Map<number, number>();
  pointers.forEach((pointer, position) => {
    const global = index.get(pointer);
    if (global !== undefined) local.set(global, position);
  });
  const out: LocalIdentity[] = [];
  for (const ruleId of ruleIds) {
    for (const identity of identitiesOf(ruleId, edition)) {
      const terms = [...identity.stated, ...identity.expected];
      if (terms.some((term) => term.previous || !local.has(term.index) || term.sign !== 1)) continue;
      out.push({ stated: identity.stated.map((term) => local.get(term.index)!), expected: identity.expected.map((term) => local.get(term.index)!) });
    }
  }
  LOCAL_IDENTITIES.set(key, out);
  return out;
}

function holdsLocal(values: readonly (number | null)[], identities: readonly LocalIdentity[]): boolean {
  for (const identity of identities) {
    const terms = [...identity.stated, ...identity.expected];
    if (terms.some((index) => values[index] === null || values[index] === undefined)) continue;
    const stated = identity.stated.reduce((sum, index) => sum + values[index]!, 0);
    const expected = identity.expected.reduce((sum, index) => sum + values[index]!, 0);
    if (Math.abs(stated - expected) > 1e-9) return false;
  }
  return true;
}

function resolveRow(
  stream: Stream,
  row: RowCells,
  tokensIn: readonly Token[],
  identities: readonly LocalIdentity[],
  findings: ImportFinding[],
): RowOutcome {
  const size = row.kinds.length;
  let tokens = tokensIn.filter((token) => token.kind !== "text");
  while (tokens.length > size && tokens[tokens.length - 1]!.kind === "empty") tokens = tokens.slice(0, -1);
  while (tokens.length > size && tokens[0]!.kind === "empty") tokens = tokens.slice(1);
  const where = (token: Token | undefined) => (token ? positionAt(stream, token.start) : undefined);
  const unreadable = (position?: SourcePosition): CellReading[] => row.pointers.map(() => ({ value: null, how: "unreadable", position }));
  const first = tokens[0];
  const printed = tokens.map((token) => token.text || "∅").join(" ");

  const direct = (chosen: readonly Token[]): CellReading[] =>
    chosen.map((token, index) => {
      const position = where(token);
      if (token.kind === "empty") return { value: null, how: "read", position };
      if (token.kind === "placeholder") {
        findings.push(
          finding(
            "PLACEHOLDER",
            `${row.label}：“${token.text}”按空白读取（空白不等于 0）。`,
            `${row.label}: "${token.text}" read as a blank cell (blank is not zero).`,
            { position, pointers: [row.pointers[index]!] },
          ),
        );
        return { value: null, how: "read", position };
      }
      const value = Number(token.text);
      if (!validFor(row.kinds[index]!, value)) {
        findings.push(
          finding(
            "INVALID_VALUE",
            `${row.label}：“${token.text}”不是该栏的有效数值，未读取。`,
            `${row.label}: "${token.text}" is not a valid value for this column; left unread.`,
            { position, pointers: [row.pointers[index]!] },
          ),
        );
        return { value: null, how: "unreadable", position };
      }
      if (token.unit) {
        findings.push(
          finding(
            "UNIT_IN_CELL",
            `${row.label}：单元格中写有单位“${token.text}${token.unit}”，读取数字 ${token.text}，单位未换算。`,
            `${row.label}: the cell carries a unit ("${token.text}${token.unit}"); the number ${token.text} was read and the unit not converted.`,
            { position, pointers: [row.pointers[index]!] },
          ),
        );
      }
      return { value, how: "read", position };
    });

  if (tokens.length === size) return { readings: direct(tokens) };

  if (tokens.length > size) {
    const windows: { tokens: Token[]; values: (number | null)[] }[] = [];
    for (let start = 0; start + size <= tokens.length; start += 1) {
      const chosen = tokens.slice(start, start + size);
      const values = chosen.map((token, index) => (token.kind === "number" ? Number(token.text) : token.kind === "empty" || token.kind === "placeholder" ? null : Number.NaN));
      if (values.some((value, index) => value !== null && !validFor(row.kinds[index]!, value))) continue;
      if (!holdsLocal(values, identities)) continue;
      windows.push({ tokens: chosen, values });
    }
    const distinct = new Set(windows.map((window) => JSON.stringify(window.values)));
    if (distinct.size === 1) {
      findings.push(
        finding(
          "EXTRA_VALUES",
          `${row.label}：该行有 ${tokens.length} 个值（${printed}），多于 ${size} 栏；各种取法结果相同，已读取。`,
          `${row.label}: the row carries ${tokens.length} values (${printed}) for ${size} columns; every way of choosing gives the same figures, which were read.`,
          { position: where(first), pointers: row.pointers },
        ),
      );
      return { readings: direct(windows[0]!.tokens) };
    }
    findings.push(
      finding(
        "EXTRA_VALUES",
        `${row.label}：该行有 ${tokens.length} 个值（${printed}），多于 ${size} 栏，无法确定哪些属于本行，未读取。`,
        `${row.label}: the row carries ${tokens.length} values (${printed}) for ${size} columns and which belong to it cannot be told; left unread.`,
        { position: where(first), pointers: row.pointers },
        "warning",
      ),
    );
    return { readings: unreadable(where(first)) };
  }

  // Fewer tokens than cells: glued digits, if every token is a plain number.
  if (tokens.length === 0 || tokens.some((token) => token.kind !== "number" || token.unit)) {
    findings.push(
      finding(
        "MISSING_VALUES",
        `${row.label}：该行只有 ${tokens.length} 个值（${printed || "无"}），少于 ${size} 栏，无法确定缺少哪一栏，未读取。`,
        `${row.label}: the row carries ${tokens.length} values (${printed || "none"}) for ${size} columns and which are missing cannot be told; left unread.`,
        { position: where(first), pointers: row.pointers },
      ),
    );
    return { readings: unreadable(where(first)) };
  }
  const glue = tokens.map((token) => ({ text: token.text }));
  const glueKinds = row.kinds.map((kind) => kind);
  // Figures set apart by spaces were separated by the publisher: a short row there may have blank cells that left
  // no trace, so `12  5` is not taken for 1/2/5 by digit count. Only a token that cannot be one figure (`01`, `00`)
  // is split on digits alone; any other split must be confirmed by the table's arithmetic.
  const spaced = tokens.some((token, index) => index > 0 && /[\s]/u.test(stream.text.slice(tokens[index - 1]!.end, token.start)));
  const certainlyGlued = (text: string) => /^[+-]?0\d/u.test(text);
  const raw = spaced
    ? splitGlued(
        tokens.map((token) => ({ text: token.text, whole: !certainlyGlued(token.text) })),
        glueKinds,
        [],
      )
    : splitGlued(glue, glueKinds, []);
  const positions = tokens.map((token) => where(token));
  if (spaced && raw.candidates.length !== 1 && identities.length === 0) {
    findings.push(
      finding(
        "MISSING_VALUES",
        `${row.label}：该行只有 ${tokens.length} 个以空格分开的值（${printed}），少于 ${size} 栏，无法确定哪一栏空白，未读取。`,
        `${row.label}: the row carries ${tokens.length} space-separated values (${printed}) for ${size} columns, and which are blank cannot be told; left unread.`,
        { position: where(first), pointers: row.pointers },
      ),
    );
    return { readings: unreadable(where(first)) };
  }
  if (raw.candidates.length === 1 && !raw.exhausted) {
    const values = raw.candidates[0]!;
    findings.push(
      finding(
        "SPLIT_BY_DIGITS",
        `${row.label}：单元格粘连（${printed}），按位数只有一种拆分：${values.join(" / ")}。`,
        `${row.label}: cells glued together (${printed}); their digits allow one split only: ${values.join(" / ")}.`,
        { position: where(first), pointers: row.pointers },
      ),
    );
    return { readings: values.map((value) => ({ value, how: "inferred", position: positions[0] })) };
  }
  const fitted = splitGlued(glue, glueKinds, identities);
  if (fitted.candidates.length === 0 && spaced && !tokens.some((token) => certainlyGlued(token.text))) {
    // Figures the publisher set apart: values are missing (blank cells without a trace), not glued together.
    findings.push(
      finding(
        "MISSING_VALUES",
        `${row.label}：该行只有 ${tokens.length} 个以空格分开的值（${printed}），少于 ${size} 栏，无法确定哪几栏空白，未读取。`,
        `${row.label}: the row carries ${tokens.length} space-separated values (${printed}) for ${size} columns, and which are blank cannot be told; left unread.`,
        { position: where(first), pointers: row.pointers },
      ),
    );
    return { readings: unreadable(where(first)) };
  }
  if (fitted.candidates.length === 0) {
    findings.push(
      finding(
        "SPLIT_NONE_FITS",
        fitted.exhausted || raw.exhausted
          ? `${row.label}：单元格粘连（${printed}），可能的拆分过多，未读取。`
          : `${row.label}：单元格粘连（${printed}），没有一种拆分符合表内勾稽关系，未读取。`,
        fitted.exhausted || raw.exhausted
          ? `${row.label}: cells glued together (${printed}) with too many possible splits; left unread.`
          : `${row.label}: cells glued together (${printed}) and no split satisfies the table's arithmetic; left unread.`,
        { position: where(first), pointers: row.pointers },
      ),
    );
    return { readings: unreadable(where(first)) };
  }
  const agreed = agreedCells(fitted.candidates, size);
  const splits = spaced ? splitGlued(glue, glueKinds, []).splits : raw.splits;
  const readings: CellReading[] = agreed.map((value) =>
    value === undefined ? { value: null, how: "unreadable", position: where(first) } : { value, how: "inferred", position: where(first) },
  );
  if (agreed.every((value) => value !== undefined) && !fitted.exhausted) {
    findings.push(
      finding(
        "SPLIT_INFERRED",
        `${row.label}：单元格粘连（${printed}），${splits} 种拆分中只有 ${agreed.join(" / ")} 符合表内勾稽关系。`,
        `${row.label}: cells glued together (${printed}); of ${splits} possible splits only ${agreed.join(" / ")} satisfies the table's arithmetic.`,
        { position: where(first), pointers: row.pointers },
      ),
    );
    return { readings };
  }
  return { readings, candidates: fitted.candidates, tokens };
}

function ambiguousFinding(row: RowCells, outcome: RowOutcome, stream: Stream): ImportFinding {
  const printed = (outcome.tokens ?? []).map((token) => token.text).join(" ");
  const shown = outcome.candidates!.slice(0, 3).map((candidate) => candidate.join("/")).join("；");
  const more = outcome.candidates!.length > 3 ? ` …` : "";
  const unread = row.pointers.filter((_, index) => outcome.readings[index]!.how === "unreadable");
  const first = outcome.tokens?.[0];
  return finding(
    "SPLIT_AMBIGUOUS",
    `${row.label}：单元格粘连（${printed}），有 ${outcome.candidates!.length} 种拆分都可能，表内勾稽关系无法区分（${shown}${more}），其中不一致的 ${unread.length} 个单元格未读取。`,
    `${row.label}: cells glued together (${printed}); ${outcome.candidates!.length} splits are possible and the table's arithmetic cannot tell them apart (${shown.replace(/；/gu, "; ")}${more}); the ${unread.length} cells on which they differ were left unread.`,
    { position: first ? positionAt(stream, first.start) : undefined, pointers: unread },
  );
}

function pointer(section: string, row: string, column: string): string {
  return `/${section}/${row}/${column}`;
}

/** Decides the edition from 表二's column and row labels: the labels found only in one edition's layout. */
export function editionFromTables(stream: Stream, from: number, to: number): { edition: Edition | undefined; scores: Record<Edition, number> } {
  const region = stream.compact.slice(compactIndex(stream, from), compactIndex(stream, to));
  const labelsOf = (edition: Edition) => {
    const table2 = LAYOUTS[edition].table2;
    return [
      ...table2.blocks.flatMap((block) => block.columns.map((column) => column.label)),
      ...table2.blocks.flatMap((block) => block.rows.map((row) => row.label)),
    ].map((label) => canonicalLabel(label));
  };
  const all = { "2021": labelsOf("2021"), "2019": labelsOf("2019") };
  const scores = { "2021": 0, "2019": 0 } as Record<Edition, number>;
  for (const edition of ["2021", "2019"] as const) {
    const other = edition === "2021" ? all["2019"] : all["2021"];
    const distinctive = [...new Set(all[edition])].filter((label) => !other.some((candidate) => candidate.includes(label)));
    scores[edition] = distinctive.filter((label) => region.includes(label) || region.includes(label.replace(/\(.*\)$/u, ""))).length;
  }
  const edition = scores["2021"] > scores["2019"] ? "2021" : scores["2019"] > scores["2021"] ? "2019" : undefined;
  return { edition, scores };
}

/** Reads 表二, 表三 and 表四 of one edition from their regions. */
export function readTables(
  stream: Stream,
  edition: Edition,
  regions: Partial<Record<"table2" | "table3" | "table4", { start: number; end: number }>>,
): TableReadings {
  const layout = LAYOUTS[edition];
  const cells = new Map<string, CellReading>();
  const findings: ImportFinding[] = [];
  let valueTokens = 0;
  let labelsFound = 0;
  const outcomes: { row: RowCells; outcome: RowOutcome }[] = [];

  const noteAnchors = (anchors: readonly Anchor[]) => {
    labelsFound += anchors.length;
    for (const anchor of anchors) {
      if (anchor.match === "approximate" || anchor.match === "variant") {
        findings.push(
          finding(
            anchor.match === "approximate" ? "LABEL_APPROXIMATE" : "LABEL_VARIANT",
            `行标签“${anchor.printed.trim()}”按“${anchor.label}”读取。`,
            `Row label "${anchor.printed.trim()}" read as "${anchor.label}".`,
            { position: positionAt(stream, anchor.start) },
          ),
        );
      }
    }
  };

  const readLabelledTable = (
    region: { start: number; end: number } | undefined,
    section: string,
    specs: readonly { key: string; label: string; order: number; variants?: readonly string[] | undefined; columns: readonly { key: string; kind: CellKind }[] }[],
    extraCandidates: readonly LabelCandidate[],
    covers: ReadonlyMap<string, readonly string[]>,
    ruleIds: readonly string[],
    tableName: string,
  ): Map<string, Assignment> => {
    const rows = specs.map((spec) => ({ key: spec.key, order: spec.order }));
    if (!region) {
      for (const spec of specs) {
        for (const column of spec.columns) cells.set(pointer(section, spec.key, column.key), { value: null, how: "absent" });
      }
      return new Map();
    }
    const candidates = [...labelCandidates(specs), ...extraCandidates];
    const anchors = findAnchors(stream, region.start, region.end, candidates);
    noteAnchors(anchors);
    const tokens = tokenize(stream, region.start, region.end, [...anchors, ...headerSpans(stream, region.start, region.end)].sort((a, b) => a.start - b.start));
    valueTokens += tokens.filter(isValue).length;
    const runs = buildRuns(tokens, anchors, stream);
    const sizes = new Map(specs.map((spec) => [spec.key, spec.columns.length]));
    for (const candidate of extraCandidates) sizes.set(candidate.key, specs[0]?.columns.length ?? 1);
    const assignment = assignRuns(runs, [...rows, ...extraCandidates.map((candidate) => ({ key: candidate.key, order: candidate.order }))], covers, sizes);
    const missing: string[] = [];
    const unaligned: string[] = [];
    for (const spec of specs) {
      const pointers = spec.columns.map((column) => pointer(section, spec.key, column.key));
      const rowCells: RowCells = { pointers, kinds: spec.columns.map((column) => column.kind), label: `${tableName} / ${spec.label}` };
      const assigned = assignment.get(spec.key);
      if (!assigned) continue; // covered by a collapsed group, filled by the caller
      if (assigned.kind === "absent" || assigned.kind === "unaligned") {
        (assigned.kind === "absent" ? missing : unaligned).push(spec.label);
        for (const target of pointers) cells.set(target, { value: null, how: assigned.kind === "absent" ? "absent" : "unreadable" });
        continue;
      }
      if (assigned.kind === "blank") {
        const position = positionAt(stream, assigned.anchor.start);
        findings.push(
          finding("ROW_BLANK", `${rowCells.label}：该行只有标签、没有数值，按空白读取。`, `${rowCells.label}: the row has its label but no values; read as blank.`, {
            position,
            pointers,
          }),
        );
        for (const target of pointers) cells.set(target, { value: null, how: "read", position });
        continue;
      }
      const outcome = resolveRow(stream, rowCells, assigned.run.tokens, localIdentities(pointers, edition, ruleIds), findings);
      outcomes.push({ row: rowCells, outcome });
      pointers.forEach((target, index) => cells.set(target, outcome.readings[index]!));
    }
    if (missing.length > 0) {
      findings.push(
        finding(
          "ROW_NOT_FOUND",
          `${tableName}中未找到这些行：${missing.join("、")}。`,
          `${tableName}: these rows were not found: ${missing.join(", ")}.`,
          { position: positionAt(stream, region.start) },
        ),
      );
    }
    if (unaligned.length > 0) {
      findings.push(
        finding(
          "ROWS_UNALIGNED",
          `${tableName}中这些行的数值无法与行标签对应，未读取：${unaligned.join("、")}。`,
          `${tableName}: the figures of these rows could not be matched to their labels and were left unread: ${unaligned.join(", ")}.`,
          { position: positionAt(stream, region.start) },
        ),
      );
    }
    return assignment;
  };

  // 表二: rows of every block in order.
  let order = 0;
  const table2Specs = layout.table2.blocks.flatMap((block) =>
    block.rows.map((row) => ({ key: row.key, label: row.label, order: (order += 1), variants: row.variants, columns: block.columns })),
  );
  readLabelledTable(regions.table2, "proactiveDisclosure", table2Specs, [], new Map(), [], layout.table2.name);

  // 表三: 2021 reports sometimes print （六）其他处理 as one row (the 2019 layout): a pseudo row before its sub-rows.
  const table3 = layout.table3;
  const columns3 = table3.columns.map((column) => ({ key: column.key, kind: "count" as CellKind }));
  const table3Specs = table3.rows.map((row, index) => ({ key: row.key, label: row.label, order: index + 1, columns: columns3 }));
  const extra: LabelCandidate[] = [];
  const covers = new Map<string, readonly string[]>();
  // The 2021 group whose label is a row of its own in the 2019 layout.
  const groupOfOther = table3.rowGroups.find((group) => LAYOUTS["2019"].table3.rows.some((row) => row.label === group.label));
  if (edition === "2021" && groupOfOther) {
    const firstIndex = table3.rows.findIndex((row) => row.key === groupOfOther.firstRow);
    extra.push(...labelCandidates([{ key: "*collapsed", label: groupOfOther.label, order: firstIndex + 0.5 }]).filter((candidate) => candidate.kind === "label"));
    covers.set("*collapsed", table3.rows.slice(firstIndex, firstIndex + groupOfOther.rowSpan).map((row) => row.key));
  }
  const assignment3 = readLabelledTable(regions.table3, "applications", table3Specs, extra, covers, ["T3-SUM-ROW"], table3.name);
  const collapsed = assignment3.get("*collapsed");
  if (edition === "2021" && groupOfOther && collapsed?.kind === "run") {
    const firstIndex = table3.rows.findIndex((row) => row.key === groupOfOther.firstRow);
    const subRows = table3.rows.slice(firstIndex, firstIndex + groupOfOther.rowSpan);
    const sampleRow = subRows[0]!;
    const pointers = table3.columns.map((column) => pointer("applications", sampleRow.key, column.key));
    const rowCells: RowCells = { pointers, kinds: columns3.map((column) => column.kind), label: `${table3.name} / ${groupOfOther.label}` };
    const outcome = resolveRow(stream, rowCells, collapsed.run.tokens, localIdentities(pointers, edition, ["T3-SUM-ROW"]), findings);
    const position = positionAt(stream, collapsed.run.anchor!.start);
    const deduced: string[] = [];
    const unread: string[] = [];
    table3.columns.forEach((column, index) => {
      const reading = outcome.readings[index]!;
      for (const subRow of subRows) {
        const target = pointer("applications", subRow.key, column.key);
        if (reading.value === 0) {
          cells.set(target, { value: 0, how: "inferred", position });
          deduced.push(target);
        } else {
          cells.set(target, { value: null, how: "unreadable", position });
          unread.push(target);
        }
      }
    });
    findings.push(
      finding(
        "OTHER_HANDLING_COLLAPSED",
        `${table3.name}：${groupOfOther.label}印成一行（2019 年版格式），而报告用 2021 年版表格。` +
          (deduced.length > 0 ? `合计为 0 的栏，其下 ${subRows.length} 个子项均为 0（非负数之和为 0）。` : "") +
          (unread.length > 0 ? `合计不为 0 或无法读取的栏，子项无法拆分，未读取。` : ""),
        `${table3.name}: ${groupOfOther.label} is printed as one row (the 2019 layout) in a report using the 2021 tables.` +
          (deduced.length > 0 ? ` Where its total is 0, each of its ${subRows.length} sub-rows is 0 (non-negative counts summing to 0).` : "") +
          (unread.length > 0 ? " Where it is not 0 or unreadable, the sub-rows cannot be told apart and were left unread." : ""),
        { position, pointers: [...deduced, ...unread] },
      ),
    );
  } else if (edition === "2021" && groupOfOther) {
    // No collapsed row: any sub-row still unset is absent.
    for (const row of table3.rows) {
      for (const column of table3.columns) {
        const target = pointer("applications", row.key, column.key);
        if (!cells.has(target)) cells.set(target, { value: null, how: "absent" });
      }
    }
  }

  // 表四: one row of 15 figures (three groups of five), however it is printed.
  const table4 = layout.table4;
  const pointers4 = table4.groups.flatMap((group) => table4.columns.map((column) => pointer("reviewAndLitigation", group.key, column.key)));
  const region4 = regions.table4;
  if (!region4) {
    for (const target of pointers4) cells.set(target, { value: null, how: "absent" });
  } else {
    const tokens = tokenize(stream, region4.start, region4.end, []);
    valueTokens += tokens.filter(isValue).length;
    // Per line, the values after the line's last text.
    const byLine = new Map<number, Token[]>();
    for (const token of tokens) {
      const list = byLine.get(token.line);
      if (list) list.push(token);
      else byLine.set(token.line, [token]);
    }
    const values: Token[] = [];
    const groupLabels = table4.groups.map((group) => canonicalLabel(group.label));
    // Printed a group a line (`xxgk render --to txt`, transposed tables): a group's line with its label and no
    // figures at all was published blank — its five cells are empty, not the next group's figures.
    const perGroup = groupLines(byLine, groupLabels, table4.columns.length);
    if (perGroup) values.push(...perGroup.flat());
    else for (const lineTokens of byLine.values()) {
      let lastText = -1;
      lineTokens.forEach((token, index) => {
        if (token.kind === "text") lastText = index;
      });
      const tail = lineTokens.slice(lastText + 1);
      const lineText = lineTokens.filter((token) => token.kind === "text").map((token) => token.text).join("");
      // A group's row left wholly blank (`| 行政复议 |  |  |  |  |  |`) still holds its five cells.
      const blankGroupRow =
        (tail.length === table4.columns.length || tail.length === pointers4.length) &&
        tail.every((token) => token.kind === "empty") &&
        groupLabels.some((label) => canonicalLabel(lineText).endsWith(label));
      if (tail.some(isValue) || blankGroupRow) values.push(...tail);
    }
    const rowCells: RowCells = { pointers: pointers4, kinds: pointers4.map(() => "count"), label: table4.name };
    if (values.length > 0) {
      const outcome = resolveRow(stream, rowCells, values, localIdentities(pointers4, edition, ["T4-SUM-GROUP"]), findings);
      outcomes.push({ row: rowCells, outcome });
      pointers4.forEach((target, index) => cells.set(target, outcome.readings[index]!));
    } else {
      for (const target of pointers4) cells.set(target, { value: null, how: "absent" });
      findings.push(
        finding("ROW_NOT_FOUND", `${table4.name}中未找到数值。`, `${table4.name}: no figures found.`, { position: positionAt(stream, region4.start) }),
      );
    }
  }

  propagate(edition, cells, outcomes);
  mergeDigitSplits(findings);
  for (const { row, outcome } of outcomes) {
    if (outcome.candidates) findings.push(ambiguousFinding(row, outcome, stream));
  }
  return { cells, findings, valueTokens, labelsFound };
}

/**
 * 表四 printed one line per group, each line ending in its group's label followed by its figures: the lines in group
 * order, a line without figures given as many empty cells as a group has columns. Undefined unless every group has
 * exactly one such line (in order) holding either no figures or exactly one group's worth of cells, and at least one
 * holds none (otherwise the usual reading applies).
 */
function groupLines(byLine: ReadonlyMap<number, Token[]>, groupLabels: readonly string[], columns: number): Token[][] | undefined {
  const found: Token[][] = [];
  let blank = 0;
  for (const lineTokens of byLine.values()) {
    const lastText = lineTokens.findLastIndex((token) => token.kind === "text");
    if (lastText < 0) {
      if (lineTokens.some(isValue)) return undefined;
      continue;
    }
    const text = canonicalLabel(lineTokens.slice(0, lastText + 1).map((token) => token.text).join(""));
    const group = groupLabels.findIndex((label) => text.endsWith(label));
    const tail = lineTokens.slice(lastText + 1);
    if (group < 0) {
      if (tail.some(isValue)) return undefined;
      continue;
    }
    if (group !== found.length) return undefined;
    if (tail.length === 0) {
      const at = lineTokens[lastText]!;
      found.push(Array.from({ length: columns }, () => ({ kind: "empty" as const, start: at.end, end: at.end, text: "", line: at.line })));
      blank += 1;
    } else if (tail.length === columns) found.push(tail);
    else return undefined;
  }
  return found.length === groupLabels.length && blank > 0 ? found : undefined;
}

/** One SPLIT_BY_DIGITS finding per table instead of one per row. */
function mergeDigitSplits(findings: ImportFinding[]): void {
  const byTable = new Map<string, ImportFinding[]>();
  for (const item of findings) {
    if (item.code !== "SPLIT_BY_DIGITS") continue;
    const table = item.message.split(" / ")[0]!.split("：")[0]!;
    const list = byTable.get(table);
    if (list) list.push(item);
    else byTable.set(table, [item]);
  }
  for (const [table, items] of byTable) {
    if (items.length < 2) continue;
    const first = findings.indexOf(items[0]!);
    const pointers = items.flatMap((item) => item.pointers ?? []);
    const merged = finding(
      "SPLIT_BY_DIGITS",
      `${table}：${items.length} 行的单元格粘连（数字之间没有分隔），每行的位数只容许一种拆分，已按位拆分读取。`,
      `${table}: in ${items.length} rows the cells are glued together (no separator between the figures); each row's digits allow one split only, which was read.`,
      { position: items[0]!.position, pointers },
    );
    for (const item of items) findings.splice(findings.indexOf(item), 1);
    findings.splice(first, 0, merged);
  }
}

/**
 * Narrows ambiguous glued rows with the identities that cross rows (表三's column sums and balance): a candidate
 * survives when every identity whose other cells are all known holds.
 */
function propagate(edition: Edition, cells: Map<string, CellReading>, outcomes: { row: RowCells; outcome: RowOutcome }[]): void {
  const all = cellsOf(edition);
  const identities = ["T3-SUM-COLUMN", "T3-BALANCE", "T3-SUM-ROW", "T4-SUM-GROUP"].flatMap((ruleId) => identitiesOf(ruleId, edition));
  let changed = true;
  let rounds = 0;
  while (changed && rounds < 10) {
    changed = false;
    rounds += 1;
    for (const entry of outcomes) {
      const { row, outcome } = entry;
      if (!outcome.candidates || outcome.candidates.length < 2) continue;
      const own = new Map(row.pointers.map((target, index) => [target, index]));
      const relevant = identities.filter((identity) =>
        [...identity.stated, ...identity.expected].some((term) => own.has(all[term.index]!.pointer)),
      );
      const survivors = outcome.candidates.filter((candidate) =>
        relevant.every((identity) => {
          let total = 0;
          for (const [terms, sign] of [
            [identity.stated, 1],
            [identity.expected, -1],
          ] as const) {
            for (const term of terms) {
              const target = all[term.index]!.pointer;
              const local = own.get(target);
              const value = local !== undefined ? candidate[local]! : cells.get(target)?.how === "unreadable" ? undefined : cells.get(target)?.value;
              if (value === null || value === undefined || term.previous) return true;
              total += sign * term.sign * value;
            }
          }
          return Math.abs(total) < 1e-9;
        }),
      );
      if (survivors.length > 0 && survivors.length < outcome.candidates.length) {
        changed = true;
        const agreed = agreedCells(survivors, row.pointers.length);
        const readings = agreed.map((value, index) =>
          value === undefined ? { ...outcome.readings[index]!, value: null, how: "unreadable" as const } : { ...outcome.readings[index]!, value, how: "inferred" as const },
        );
        entry.outcome = { readings, ...(survivors.length > 1 && agreed.some((value) => value === undefined) ? { candidates: survivors } : {}), tokens: outcome.tokens ?? [] };
        row.pointers.forEach((target, index) => cells.set(target, readings[index]!));
      }
    }
  }
}
