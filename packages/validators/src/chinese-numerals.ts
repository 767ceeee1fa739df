/**
 * Parsing the figures written in report prose: Arabic digits (half- or full-width, with thousands separators) and
 * Chinese numerals (二十一, 一百零三, 两千, 1.2万).
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  壹: 1,
  二: 2,
  贰: 2,
  两: 2,
  三: 3,
  叁: 3,
  四: 4,
  肆: 4,
  五: 5,
  伍: 5,
  六: 6,
  陆: 6,
  七: 7,
  柒: 7,
  八: 8,
  捌: 8,
  九: 9,
  玖: 9,
};

const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Readonly<Record<string, number>> = { 万: 10_000, 萬: 10_000, 亿: 100_000_000, 億: 100_000_000 };

/** The characters a Chinese numeral may contain (for building patterns). */
export const CHINESE_NUMERAL_CHARACTERS = "零〇一壹二贰两三叁四肆五伍六陆七柒八捌九玖十拾百佰千仟万萬亿億";

/** Parses a Chinese numeral such as `二十一`, `一百零三`, `两千`, `三万五千`, `十`. Returns undefined when malformed. */
export function parseChineseNumeral(text: string): number | undefined {
  if (text.length === 0) return undefined;
  // Digit-by-digit form, e.g. 二〇二三 (years) or 一〇三.
  if ([...text].every((character) => DIGITS[character] !== undefined) && text.length > 1) {
    return Number([...text].map((character) => DIGITS[character]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const character of text) {
    const value = DIGITS[character];
    if (value !== undefined) {
      if (digit !== undefined && value !== 0) return undefined; // two digits in a row: 二三
      digit = value === 0 ? undefined : value;
      continue;
    }
    const small = SMALL_UNITS[character];
    if (small !== undefined) {
      section += (digit ?? (small === 10 ? 1 : Number.NaN)) * small;
      if (Number.isNaN(section)) return undefined;
      digit = undefined;
      continue;
    }
    const large = LARGE_UNITS[character];
    if (large !== undefined) {
      section += digit ?? 0;
      if (section === 0 && total === 0) return undefined;
      total = (total + section) * large;
      section = 0;
      digit = undefined;
      continue;
    }
    return undefined;
  }
  return total + section + (digit ?? 0);
}

/** Parses a figure as written in prose: `21`, `２１`, `3,119`, `1.2万`, `二十一`. Returns undefined when it is not a figure. */
export function parseFigure(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const normalised = text
    .replace(/[０-９]/g, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/[,，]/g, "")
    .trim();
  const mixed = /^(\d+(?:\.\d+)?)([万亿])?$/.exec(normalised);
  if (mixed) {
    const base = Number(mixed[1]);
    const scaled = mixed[2] === "万" ? base * 10_000 : mixed[2] === "亿" ? base * 100_000_000 : base;
    return Number.isFinite(scaled) ? Math.round(scaled * 1e6) / 1e6 : undefined;
  }
  return parseChineseNumeral(normalised);
}
