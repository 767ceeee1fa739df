/**
 * Finding the six section headings (一 … 六) in the stream, in order, from the layout's headings and their
 * known variants; a heading may stand on its own line or sit inside a crawled page's single line of text.
 */
import { SECTION_LAYOUTS, type SectionKey } from "@xxgk/schema/layout";
import { canonical, editDistance } from "./normalize.js";
import { compactIndexAt, streamIndexAt, type Stream } from "./stream.js";

/** A heading found in the stream. */
export interface FoundSection {
  readonly key: SectionKey;
  /** Stream index where the heading starts and where the section's content starts. */
  readonly headingStart: number;
  readonly contentStart: number;
  /** The heading as published. */
  readonly printed: string;
  /** True when it differs from the official heading (after normalising width and spaces). */
  readonly variant: boolean;
}

const NUMERALS = "一二三四五六七八九十";
/** Characters that may sit between the ordinal and the title in variants (`五、政府信息公开工作存在的…`). */
const MAX_FILLER = 10;

/** Headings of the six sections found in the stream, in order; missing ones are left out. */
export function findSections(stream: Stream): FoundSection[] {
  const compact = stream.compact;
  const found: FoundSection[] = [];
  let from = 0;
  for (const section of SECTION_LAYOUTS) {
    const titles = [section.title, ...(section.headingVariants ?? [])].map((title) => canonical(title));
    const official = canonical(section.heading);
    let best: { start: number; end: number } | undefined;
    // `四、…` with the ordinal.
    const ordinal = section.number;
    for (let at = compact.indexOf(ordinal, from); at >= 0; at = compact.indexOf(ordinal, at + 1)) {
      const before = compact[at - 1];
      if (before !== undefined && (NUMERALS.includes(before) || before === "第" || before === "(")) continue;
      let titleStart = at + 1;
      if (compact[titleStart] === "、" || compact[titleStart] === "." || compact[titleStart] === ",") titleStart += 1;
      else continue;
      const end = matchTitle(compact, titleStart, titles);
      if (end !== undefined) {
        best = { start: at, end };
        break;
      }
    }
    // A renumbered heading (`一、主动公开政府信息情况` in a report with its own outline) or the title alone
    // ("missing numbers"), at the start of a line.
    const atLineStart = (start: number): number | undefined => {
      if (NUMERALS.includes(compact[start] ?? "") && (compact[start + 1] === "、" || compact[start + 1] === ".")) {
        return matchTitle(compact, start + 2, titles);
      }
      const title = titles.find((candidate) => compact.startsWith(candidate, start));
      return title ? start + title.length : undefined;
    };
    const starts = from === 0 ? [0] : [];
    for (const start of starts) {
      const end = atLineStart(start);
      if (end !== undefined && (!best || start < best.start)) best = { start, end };
    }
    for (let at = compact.indexOf("\n", Math.max(0, from - 1)); at >= 0; at = compact.indexOf("\n", at + 1)) {
      const start = at + 1;
      if (best && start >= best.start) break;
      if (start < from) continue;
      const end = atLineStart(start);
      if (end !== undefined) {
        best = { start, end };
        break;
      }
    }
    if (!best) continue;
    const headingStart = streamIndexAt(stream, best.start);
    const contentStart = streamIndexAt(stream, best.end - 1) + 1;
    const printed = stream.original.slice(headingStart, contentStart).trim();
    found.push({
      key: section.key,
      headingStart,
      contentStart,
      printed,
      variant: compact.slice(best.start, best.end) !== official,
    });
    from = best.end;
  }
  return found;
}

/** End (compact index) of a title starting at or shortly after `at`, or undefined. */
function matchTitle(compact: string, at: number, titles: readonly string[]): number | undefined {
  for (const title of titles) {
    if (compact.startsWith(title, at)) return at + title.length;
  }
  for (const title of titles) {
    const window = compact.slice(at, at + MAX_FILLER + title.length);
    const index = window.indexOf(title);
    if (index > 0 && !window.slice(0, index).includes("\n")) return at + index + title.length;
  }
  // A typo of a character or two in a long title.
  for (const title of titles) {
    if (title.length < 8) continue;
    for (const length of [title.length, title.length + 1, title.length - 1]) {
      const slice = compact.slice(at, at + length);
      if (!slice.includes("\n") && editDistance(slice, title, 2) <= 2) return at + length;
    }
  }
  return undefined;
}

/** The stream range [start, end) of the content of each found section. */
export function sectionRanges(stream: Stream, sections: readonly FoundSection[]): Map<SectionKey, { start: number; end: number }> {
  const ranges = new Map<SectionKey, { start: number; end: number }>();
  sections.forEach((section, index) => {
    const next = sections[index + 1];
    ranges.set(section.key, { start: section.contentStart, end: next ? next.headingStart : stream.text.length });
  });
  return ranges;
}

/** Compact index helper re-exported for callers that cut regions. */
export { compactIndexAt };
