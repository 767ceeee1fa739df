/**
 * What a clerk may type into a cell, read the way a spreadsheet reads it: blank stays blank (null, never 0),
 * full-width digits and thousands separators are accepted, and anything else — a unit, a dash placeholder, a
 * fraction in a count — is refused with a message instead of being guessed at.
 */
import type { CellKind } from "@xxgk/schema/layout";
import type { Lang } from "./i18n.js";

/** The result of reading one cell's text. */
export type CellInput = { ok: true; value: number | null } | { ok: false; message: string };

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0B\uFF0D\uFF0E\uFF0C]/g;

/** Full-width digits and signs (as typed with a Chinese input method) to their ASCII forms. */
function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0)).replace(/\u2212/g, "-");
}

const MESSAGES: Record<Lang, Record<CellKind, string> & { tooLarge: string }> = {
  zh: {
    count: "请填写非负整数（没有发生的事项填 0，不要带单位）",
    signedCount: "请填写整数，减少用负数表示（如 -8）",
    amount: "请填写非负数，可带小数（不要带单位）",
    tooLarge: "数字太大",
  },
  en: {
    count: "Enter a whole number of 0 or more (0 when nothing happened; no units)",
    signedCount: "Enter a whole number; a decrease is negative (e.g. -8)",
    amount: "Enter a number of 0 or more, decimals allowed (no units)",
    tooLarge: "The number is too large",
  },
};

/** Reads the text of a cell of the given kind. */
export function parseCellInput(kind: CellKind, text: string, lang: Lang = "zh"): CellInput {
  const trimmed = toHalfWidth(text).trim();
  if (trimmed === "") return { ok: true, value: null };
  // Thousands separators as Excel and WPS copy them ("1,234"); only in the thousands positions.
  const compact = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  const pattern = kind === "amount" ? /^\+?(\d+(\.\d*)?|\.\d+)$/ : kind === "signedCount" ? /^[+-]?\d+$/ : /^\+?\d+$/;
  if (!pattern.test(compact)) return { ok: false, message: MESSAGES[lang][kind] };
  const value = Number(compact);
  if (!Number.isFinite(value) || (kind !== "amount" && !Number.isSafeInteger(value))) {
    return { ok: false, message: MESSAGES[lang].tooLarge };
  }
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
