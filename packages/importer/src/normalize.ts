/**
 * Text normalisation for matching published wording against the official labels of the layout.
 *
 * Published reports write the same label in many forms: full- or half-width brackets and digits (`（一）`/`(一)`),
 * `1、`/`1．`/`1.`, spaces inside labels (`结 果 维 持`), traditional characters. Matching compares both sides in
 * one canonical form: NFKC (full-width → half-width), no whitespace, `N、`/`N．` → `N.`, traditional → simplified
 * for the characters that occur in the official labels and headings.
 */

// Traditional → simplified for the characters of the official labels and headings (and a few common neighbours).
// A full converter (OpenCC) ships megabytes of dictionaries; matching a few hundred fixed labels needs only these.
const TRADITIONAL =
  "開开請请數数資资處处結结轉转與与屬属機机關关國国務务規规範范書书報报復复議议訴诉訟讼維维糾纠審审總总計计構构組组織织業业" +
  "無无現现製制廢废許许罰罚強强費费採采購购項项條条門门網网體体況况單单發发聯联證证護护權权戶户確确獲获" +
  "過过決决視视災灾產产設设專专責责實实據据會会認认進进這这們们對对為为於于從从經经濟济醫医療疗動动農农" +
  "稅税險险車车價价營营衛卫辦办證证態态結结勞劳議议類类內内訊讯問问題题違违違违評评責责準准備备寫写級级傳传";

const TRADITIONAL_MAP: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...TRADITIONAL];
  for (let index = 0; index + 1 < chars.length; index += 2) map.set(chars[index]!, chars[index + 1]!);
  return map;
})();

/** The simplified form of one character (itself when it is not one of the mapped traditional characters). */
export function simplifyChar(char: string): string {
  return TRADITIONAL_MAP.get(char) ?? char;
}

/** Converts the traditional characters the labels use into simplified ones. */
export function simplify(text: string): string {
  let out = "";
  for (const char of text) out += TRADITIONAL_MAP.get(char) ?? char;
  return out;
}

const WHITESPACE = /[\s\u3000\u00a0]+/gu;

/**
 * The canonical form used to compare a piece of text with a label: NFKC, simplified, no whitespace,
 * `1、`/`1．` → `1.`, curly quotes kept (they are part of `“三安全一稳定”`).
 */
export function canonical(text: string): string {
  return simplify(text.normalize("NFKC"))
    .replace(WHITESPACE, "")
    .replace(/(\d)、/gu, "$1.");
}

/**
 * Canonical form of one character (as `canonical` maps it), used where positions must be kept: the result has
 * the same number of code units as the input character, or is "" for whitespace.
 */
export function canonicalChar(char: string): string {
  const cached = CHAR_CACHE.get(char);
  if (cached !== undefined) return cached;
  let folded: string;
  if (/[\s\u3000\u00a0]/u.test(char)) folded = "";
  else {
    folded = simplify(char.normalize("NFKC"));
    if (folded.length !== 1) folded = char;
  }
  // Bounded: a document of random characters must not grow it without limit.
  if (CHAR_CACHE.size < 65_536) CHAR_CACHE.set(char, folded);
  return folded;
}

const CHAR_CACHE = new Map<string, string>();

/** Levenshtein distance, stopping early once it exceeds `limit` (returns `limit + 1` then). */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Best approximate occurrence of `needle` inside `haystack` (semi-global alignment: any start and end in the
 * haystack are free). Returns the edit distance and the end index (exclusive) in the haystack of the best match.
 * Quadratic in the lengths; callers bound both (labels are short, haystacks are one line).
 */
export function approximateFind(needle: string, haystack: string): { distance: number; end: number } {
  const n = needle.length;
  const width = haystack.length + 1;
  let previous = new Int32Array(width);
  let current = new Int32Array(width);
  for (let i = 1; i <= n; i += 1) {
    current[0] = i;
    const code = needle.charCodeAt(i - 1);
    for (let j = 1; j < width; j += 1) {
      const cost = code === haystack.charCodeAt(j - 1) ? 0 : 1;
      const best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current[j] = best;
    }
    [previous, current] = [current, previous];
  }
  let distance = n;
  let end = 0;
  for (let j = 0; j <= haystack.length; j += 1) {
    if (previous[j]! < distance) {
      distance = previous[j]!;
      end = j;
    }
  }
  return { distance, end };
}

/** The largest number of one-character slips tolerated when matching a label of `length` characters. */
export function slipAllowance(length: number): number {
  if (length < 6) return 0;
  return Math.min(3, Math.floor(length / 5));
}
