/**
 * Text repetition between report sections: normalising Chinese prose, character shingles, the share of one text
 * found in another with the repeated passages side by side, and MinHash signatures with locality-sensitive hashing
 * (banding) so that comparing every body with every other does not grow quadratically.
 *
 * Hand-written: the npm MinHash packages are unmaintained and hash words split on spaces, which Chinese text does
 * not have; what is needed here is small (character shingles, one seeded hash family, banding) and must be
 * deterministic, so the same region gives the same page every time.
 */
import { SECTION_LAYOUTS } from "@xxgk/schema/layout";

/** Characters per shingle. Eight Chinese characters are about a short phrase. */
export const SHINGLE = 8;

/** Shortest passage counted as repeated, in normalised characters. */
export const MIN_PASSAGE = 20;

/** A section's text prepared for comparison. */
export interface PreparedText {
  /** The original text (paragraphs joined by line breaks). */
  readonly original: string;
  /** Normalised text: no whitespace, digits as `0`, the body's own name and official headings removed. */
  readonly normal: string;
  /** For each character of `normal`, its position in `original`. */
  readonly origin: Int32Array;
  /** Shingle hashes, one per start position of `normal` (length `normal.length - SHINGLE + 1`, or 0). */
  readonly hashes: Uint32Array;
  /** The distinct shingle hashes, ascending. */
  readonly unique: Uint32Array;
}

const HEADINGS = SECTION_LAYOUTS.flatMap((section) => [section.heading, section.title]).sort((a, b) => b.length - a.length);

function isDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 0xff10 && code <= 0xff19);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0x3000 || code === 0xa0;
}

/** FNV-1a over `length` characters of `text` from `start`. */
function fnv(text: string, start: number, length: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < start + length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Prepares paragraphs for comparison. The body's own name and the official headings are blanked out first (two
 * bodies' reports are not alike because each names itself), whitespace is dropped and every digit becomes `0`, so
 * a text copied from last year with the year and figures changed still matches.
 */
export function prepareText(paragraphs: readonly string[], body: string | undefined): PreparedText {
  const original = paragraphs.join("\n");
  // Positions to leave out: the body's own name and the official headings wherever they occur.
  const skip = new Uint8Array(original.length);
  const blank = (needle: string) => {
    if (needle.length < 2) return;
    for (let at = original.indexOf(needle); at >= 0; at = original.indexOf(needle, at + needle.length)) skip.fill(1, at, at + needle.length);
  };
  if (body) blank(body.trim());
  for (const heading of HEADINGS) blank(heading);
  const codes = new Uint16Array(original.length);
  const origin = new Int32Array(original.length);
  let length = 0;
  for (let index = 0; index < original.length; index++) {
    const code = original.charCodeAt(index);
    if (skip[index] || isSpace(code)) continue;
    codes[length] = isDigit(code) ? 48 : code;
    origin[length++] = index;
  }
  let normal = "";
  for (let start = 0; start < length; start += 4096) normal += String.fromCharCode(...codes.subarray(start, Math.min(length, start + 4096)));
  const count = Math.max(0, length - SHINGLE + 1);
  const hashes = new Uint32Array(count);
  for (let index = 0; index < count; index++) hashes[index] = fnv(normal, index, SHINGLE);
  const sorted = hashes.slice().sort();
  let unique = 0;
  for (let index = 0; index < sorted.length; index++) if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[unique++] = sorted[index]!;
  return { original, normal, origin: origin.slice(0, length), hashes, unique: sorted.slice(0, unique) };
}

/** The distinct shingle hashes of a text. */
export function shingleSet(text: PreparedText): Set<number> {
  return new Set(text.unique);
}

/**
 * Shingles shared by so many reports of the region that they are boilerplate (the set phrases every report uses):
 * those in at least `share` of the texts and in at least `minimum` of them. None when there are fewer texts than
 * `minimum` (a handful of reports cannot tell boilerplate from copying).
 */
export function boilerplateShingles(texts: readonly (PreparedText | undefined)[], share = 0.2, minimum = 5): Set<number> {
  const present = texts.filter((text): text is PreparedText => text !== undefined);
  if (present.length < minimum * 2) return new Set();
  const threshold = Math.max(minimum, Math.ceil(present.length * share));
  // Every text's distinct shingles in one sorted array: a run of equal hashes is the number of texts that have it.
  const all = new Uint32Array(present.reduce((sum, text) => sum + text.unique.length, 0));
  let offset = 0;
  for (const text of present) {
    all.set(text.unique, offset);
    offset += text.unique.length;
  }
  all.sort();
  const result = new Set<number>();
  for (let start = 0; start < all.length; ) {
    let end = start + 1;
    while (end < all.length && all[end] === all[start]) end++;
    if (end - start >= threshold) result.add(all[start]!);
    start = end;
  }
  return result;
}

/** How much of one text is found in another. */
export interface Repetition {
  /** Share (0–1) of the text's characters (boilerplate excluded) inside passages found in the other text. */
  share: number;
  /** Characters compared (boilerplate excluded). */
  compared: number;
  /** The longest passages, longest first, as both texts write them. */
  passages: { text: string; otherText: string }[];
}

/**
 * The share of `text` found in `other`: passages of at least {@link MIN_PASSAGE} characters that `other` contains
 * too, found greedily left to right from shared shingles (a simplified greedy string tiling). Characters inside
 * boilerplate shingles count neither as compared nor as repeated. Undefined when fewer than `minimumText`
 * characters are left to compare.
 */
export function repetition(text: PreparedText, other: PreparedText, boilerplate: ReadonlySet<number>, minimumText: number): Repetition | undefined {
  const length = text.normal.length;
  const boiler = new Uint8Array(length);
  if (boilerplate.size > 0) {
    const { hashes } = text;
    for (let start = 0; start < hashes.length; start++) if (boilerplate.has(hashes[start]!)) boiler.fill(1, start, start + SHINGLE);
  }
  let compared = 0;
  for (let index = 0; index < length; index++) if (!boiler[index]) compared++;
  if (compared < minimumText) return undefined;
  const firstAt = new Map<number, number>();
  const otherHashes = other.hashes;
  for (let start = otherHashes.length - 1; start >= 0; start--) firstAt.set(otherHashes[start]!, start);
  const covered = new Uint8Array(length);
  const found: { start: number; otherStart: number; length: number }[] = [];
  let index = 0;
  while (index < text.hashes.length) {
    const at = firstAt.get(text.hashes[index]!);
    if (at === undefined) {
      index++;
      continue;
    }
    let run = 0;
    while (index + run < length && at + run < other.normal.length && text.normal[index + run] === other.normal[at + run]) run++;
    if (run >= MIN_PASSAGE) {
      covered.fill(1, index, index + run);
      found.push({ start: index, otherStart: at, length: run });
      index += run;
    } else index++;
  }
  let repeated = 0;
  for (let position = 0; position < length; position++) if (covered[position] && !boiler[position]) repeated++;
  const slice = (prepared: PreparedText, start: number, runLength: number) =>
    prepared.original.slice(prepared.origin[start]!, prepared.origin[start + runLength - 1]! + 1);
  const passages = found
    .sort((left, right) => right.length - left.length || left.start - right.start)
    .slice(0, 5)
    .map((passage) => ({ text: slice(text, passage.start, passage.length), otherText: slice(other, passage.otherStart, passage.length) }));
  return { share: repeated / compared, compared, passages };
}

/** Hash functions per MinHash signature: 24 bands of 3 rows. */
export const BANDS = 24;
export const ROWS = 3;

function mix(value: number, seed: number): number {
  let hash = (value ^ seed) >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

const SEEDS = Uint32Array.from({ length: BANDS * ROWS }, (_, index) => mix(index + 1, 0x9e3779b9));
// Odd multipliers: with the shingle hash mixed once, each hash function of the family is one xor and one multiply.
const MULTIPLIERS = Uint32Array.from({ length: BANDS * ROWS }, (_, index) => mix(index + 1, 0x85ebca6b) | 1);

/** The MinHash signature of a set of shingle hashes (boilerplate left out). */
export function minHash(hashes: Iterable<number>, boilerplate: ReadonlySet<number>): Uint32Array {
  const size = SEEDS.length;
  const signature = new Uint32Array(size).fill(0xffffffff);
  for (const hash of hashes) {
    if (boilerplate.has(hash)) continue;
    const base = mix(hash, 0x27d4eb2f);
    for (let index = 0; index < size; index++) {
      const value = Math.imul(base ^ SEEDS[index]!, MULTIPLIERS[index]!) >>> 0;
      if (value < signature[index]!) signature[index] = value;
    }
  }
  return signature;
}

/**
 * Candidate pairs of similar texts by locality-sensitive hashing: texts whose signatures agree on every row of at
 * least one band. With 24 bands of 3 rows a pair whose shingle sets have a Jaccard similarity of 0.5 is a
 * candidate with probability 1 − (1 − 0.5³)²⁴ ≈ 96 %, of 0.4 ≈ 80 %, of 0.1 ≈ 2 %. The work grows with the number of
 * texts and of candidates, not with the number of pairs. Pairs are returned once, lower index first, sorted.
 */
export function candidatePairs(signatures: readonly (Uint32Array | undefined)[]): [number, number][] {
  const pairs = new Set<number>();
  const count = signatures.length;
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((signature, index) => {
      if (!signature || signature[0] === 0xffffffff) return;
      let key = "";
      for (let row = 0; row < ROWS; row++) key += `${signature[band * ROWS + row]},`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      for (let left = 0; left < bucket.length; left++) {
        for (let right = left + 1; right < bucket.length; right++) pairs.add(bucket[left]! * count + bucket[right]!);
      }
    }
  }
  return [...pairs].sort((a, b) => a - b).map((pair) => [Math.floor(pair / count), pair % count]);
}
