/**
 * Finding the row labels of a table in a region of the stream: exact (in canonical form), a known variant, a
 * label without its number (`本年新收…` for `一、本年新收…`), a label cut at the end of a line (wrapped onto the
 * next line, or split around a row of figures), or with one-character slips (OCR). The labels come from the
 * layout data of `@xxgk/schema`; nothing here spells a label.
 */
import { approximateFind, canonical, slipAllowance } from "./normalize.js";
import { compactIndexAt, streamIndexAt, type Stream } from "./stream.js";

/** A label the region may contain. */
export interface LabelCandidate {
  /** Row key (or a pseudo key such as `otherHandling*` for a collapsed group). */
  readonly key: string;
  /** Position of the row in the table's order (pseudo rows sit between real ones). */
  readonly order: number;
  /** The official label as printed in the layout. */
  readonly label: string;
  /** Text to look for, canonical. */
  readonly text: string;
  readonly kind: "label" | "variant" | "core";
}

/** A label found in the stream. */
export interface Anchor {
  readonly key: string;
  readonly order: number;
  /** Stream indexes [start, end). */
  readonly start: number;
  readonly end: number;
  readonly match: "exact" | "variant" | "core" | "prefix" | "approximate";
  /** The official label. */
  readonly label: string;
  /** The text as published. */
  readonly printed: string;
  /** Edit distance for approximate matches. */
  readonly distance: number;
  /**
   * False for a label found outside the table's order (a scrambled PDF prints rows out of order; prose before the
   * table mentions a row): used only when its row is found nowhere else.
   */
  readonly inOrder: boolean;
}

const NUMBERING = /^(?:\d+\.|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))/u;

/** Candidates for a list of labelled rows, with label-without-number forms where those are unambiguous. */
export function labelCandidates(
  rows: readonly { key: string; label: string; order: number; variants?: readonly string[] | undefined }[],
): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  const cores = new Map<string, number>();
  for (const row of rows) {
    const text = canonical(row.label);
    out.push({ key: row.key, order: row.order, label: row.label, text, kind: "label" });
    for (const variant of row.variants ?? []) {
      out.push({ key: row.key, order: row.order, label: row.label, text: canonical(variant), kind: "variant" });
    }
    const core = text.replace(NUMBERING, "");
    if (core !== text && core.length >= 4) cores.set(core, (cores.get(core) ?? 0) + 1);
  }
  for (const row of rows) {
    const text = canonical(row.label);
    const core = text.replace(NUMBERING, "");
    if (core !== text && cores.get(core) === 1 && !out.some((other) => other.text !== text && other.text.includes(core))) {
      out.push({ key: row.key, order: row.order, label: row.label, text: core, kind: "core" });
    }
  }
  return out;
}

interface Raw {
  readonly key: string;
  readonly order: number;
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly quality: number;
  readonly match: Anchor["match"];
  readonly distance: number;
}

const PREFIX_SEED = 6;
const APPROXIMATE_LINE_LIMIT = 300;

/** Finds the labels of `candidates` in `[from, to)` of the stream, non-overlapping and in the table's order. */
export function findAnchors(stream: Stream, from: number, to: number, candidates: readonly LabelCandidate[]): Anchor[] {
  const compactFrom = compactIndexAt(stream, from);
  const compactTo = compactIndexAt(stream, to);
  const region = stream.compact.slice(compactFrom, compactTo);
  const raw: Raw[] = [];
  for (const candidate of candidates) {
    if (candidate.text.length === 0) continue;
    let at = region.indexOf(candidate.text);
    while (at >= 0) {
      const quality = candidate.kind === "label" ? 4 : candidate.kind === "variant" ? 3 : 2;
      raw.push({
        key: candidate.key,
        order: candidate.order,
        label: candidate.label,
        start: at,
        end: at + candidate.text.length,
        quality,
        match: candidate.kind === "label" ? "exact" : candidate.kind,
        distance: 0,
      });
      at = region.indexOf(candidate.text, at + 1);
    }
    // A label cut at the end of its line or by a run of figures.
    if (candidate.kind === "label" && candidate.text.length >= PREFIX_SEED + 2) {
      const seed = candidate.text.slice(0, PREFIX_SEED);
      let seedAt = region.indexOf(seed);
      while (seedAt >= 0) {
        let length = PREFIX_SEED;
        while (length < candidate.text.length && region[seedAt + length] === candidate.text[length]) length += 1;
        const next = region[seedAt + length];
        if (length < candidate.text.length && (next === undefined || next === "\n" || /\d/u.test(next))) {
          raw.push({
            key: candidate.key,
            order: candidate.order,
            label: candidate.label,
            start: seedAt,
            end: seedAt + length,
            quality: 1,
            match: "prefix",
            distance: 0,
          });
        }
        seedAt = region.indexOf(seed, seedAt + 1);
      }
    }
  }
  // One-character slips: per line, the one label that fits best, if it fits clearly better than any other.
  const found = new Uint8Array(region.length + 1);
  for (const match of raw) found.fill(1, match.start, match.end);
  let lineStart = 0;
  for (const lineText of region.split("\n")) {
    const covered = found.subarray(lineStart, lineStart + lineText.length).includes(1);
    const textOnly = lineText.replace(/\d+/gu, "");
    if (!covered && textOnly.length >= PREFIX_SEED && lineText.length <= APPROXIMATE_LINE_LIMIT) {
      let best: { candidate: LabelCandidate; distance: number; end: number } | undefined;
      let second = Number.POSITIVE_INFINITY;
      const present = new Set(lineText);
      for (const candidate of candidates) {
        if (candidate.kind !== "label" || candidate.text.length < PREFIX_SEED) continue;
        // A label within its allowance shares all but a few of its characters with the line: skip the others cheaply.
        let shared = 0;
        for (const char of candidate.text) if (present.has(char)) shared += 1;
        if (shared < candidate.text.length - slipAllowance(candidate.text.length) - 1) {
          second = Math.min(second, candidate.text.length);
          continue;
        }
        const found = approximateFind(candidate.text, lineText);
        if (!best || found.distance < best.distance) {
          if (best) second = Math.min(second, best.distance);
          best = { candidate, distance: found.distance, end: found.end };
        } else {
          second = Math.min(second, found.distance);
        }
      }
      if (best && best.distance > 0 && best.distance <= slipAllowance(best.candidate.text.length) && best.distance < second) {
        const end = lineStart + best.end;
        raw.push({
          key: best.candidate.key,
          order: best.candidate.order,
          label: best.candidate.label,
          start: Math.max(lineStart, end - best.candidate.text.length),
          end,
          quality: 0,
          match: "approximate",
          distance: best.distance,
        });
      }
    }
    lineStart += lineText.length + 1;
  }

  // Non-overlapping, best first; then the longest chain in the table's order.
  raw.sort((a, b) => b.quality - a.quality || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const accepted: Raw[] = [];
  const occupied = new Uint8Array(region.length + 1);
  for (const candidate of raw) {
    if (occupied.subarray(candidate.start, candidate.end).includes(1)) continue;
    occupied.fill(1, candidate.start, candidate.end);
    accepted.push(candidate);
  }
  accepted.sort((a, b) => a.start - b.start);
  const chain = new Set(longestIncreasing(accepted));
  return accepted.map((found) => {
    const start = streamIndexAt(stream, compactFrom + found.start);
    const end = streamIndexAt(stream, compactFrom + found.end - 1) + 1;
    return {
      key: found.key,
      order: found.order,
      start,
      end,
      match: found.match,
      label: found.label,
      printed: stream.original.slice(start, end),
      distance: found.distance,
      inOrder: chain.has(found),
    };
  });
}

/** Above this many labels (a table of thousands of rows is no report) the chain is built greedily. */
const CHAIN_LIMIT = 1_000;

/** Longest chain of anchors whose table order strictly increases (a label repeated in a note drops out). */
function longestIncreasing(items: readonly Raw[]): Raw[] {
  if (items.length > CHAIN_LIMIT) {
    const chain: Raw[] = [];
    for (const item of items) {
      const last = chain[chain.length - 1];
      if (!last || item.order > last.order || item.key === last.key) chain.push(item);
    }
    return chain;
  }
  const length = items.map(() => 1);
  const previous = items.map(() => -1);
  let bestEnd = -1;
  for (let i = 0; i < items.length; i += 1) {
    for (let j = 0; j < i; j += 1) {
      // The same label twice (a heading, then the row) may both stay: the row with figures wins later.
      const same = items[j]!.key === items[i]!.key;
      const ordered = items[j]!.order < items[i]!.order || same;
      // Chains are measured in distinct rows, so a repeated label never outweighs another row.
      const extended = length[j]! + (same ? 0 : 1);
      if (ordered && extended > length[i]!) {
        length[i] = extended;
        previous[i] = j;
      }
    }
    if (bestEnd < 0 || length[i]! > length[bestEnd]!) bestEnd = i;
  }
  const out: Raw[] = [];
  for (let at = bestEnd; at >= 0; at = previous[at]!) out.push(items[at]!);
  return out.reverse();
}
