/**
 * Identification codes in report metadata: 统一社会信用代码 (GB 32100-2015) and 行政区划代码 (GB/T 2260).
 */

/** The 31 characters of GB 32100-2015 (digits and upper-case letters without I, O, S, V, Z), in value order. */
const CREDIT_CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
/** Weights of positions 1–17 (3^(i-1) mod 31). */
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Why a 统一社会信用代码 is invalid, or `ok`. */
export type CreditCodeCheck =
  | { ok: true }
  | { ok: false; reason: "length" | "character" | "shape"; expectedCheck?: undefined }
  | { ok: false; reason: "checksum"; expectedCheck: string };

/** The check character (position 18) GB 32100-2015 prescribes for the first 17 characters. */
export function creditCodeCheckCharacter(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let position = 0; position < 17; position += 1) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[position]!);
    if (value < 0) return undefined;
    sum += value * CREDIT_CODE_WEIGHTS[position]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check];
}

/**
 * Checks a 统一社会信用代码: 18 characters from the GB 32100-2015 alphabet, positions 3–8 digits (the registering
 * authority's 行政区划码), and the check character computed with the standard's weights modulo 31.
 */
export function checkCreditCode(code: string): CreditCodeCheck {
  if (code.length !== 18) return { ok: false, reason: "length" };
  for (const character of code) if (!CREDIT_CODE_ALPHABET.includes(character)) return { ok: false, reason: "character" };
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}/.test(code)) return { ok: false, reason: "shape" };
  const expected = creditCodeCheckCharacter(code.slice(0, 17))!;
  return expected === code[17] ? { ok: true } : { ok: false, reason: "checksum", expectedCheck: expected };
}

/** The two-digit province codes of GB/T 2260 (including 台湾 71, 香港 81, 澳门 82). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  "11",
  "12",
  "13",
  "14",
  "15",
  "21",
  "22",
  "23",
  "31",
  "32",
  "33",
  "34",
  "35",
  "36",
  "37",
  "41",
  "42",
  "43",
  "44",
  "45",
  "46",
  "50",
  "51",
  "52",
  "53",
  "54",
  "61",
  "62",
  "63",
  "64",
  "65",
  "71",
  "81",
  "82",
]);

/** Why a 行政区划代码 is malformed, or `ok`. */
export type RegionCodeCheck = { ok: true } | { ok: false; reason: "shape" | "province" };

/** Checks the shape of a 6-digit 行政区划代码: six digits, a known province prefix. */
export function checkRegionCode(code: string): RegionCodeCheck {
  if (!/^\d{6}$/.test(code)) return { ok: false, reason: "shape" };
  if (!PROVINCE_CODES.has(code.slice(0, 2))) return { ok: false, reason: "province" };
  return { ok: true };
}
