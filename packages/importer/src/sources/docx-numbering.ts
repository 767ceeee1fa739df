/**
 * Word's automatic numbering. Reports written in Word often number their headings with it ("一、总体情况",
 * "（一）主动公开情况"), and then the numbers are not in the document's text at all: Word draws them from
 * `word/numbering.xml` (the level's number format and text, e.g. `chineseCounting` and `%1、`), applied either by the
 * paragraph's own `w:numPr` or by its style's (`word/styles.xml`). This module computes those labels the way Word
 * counts them, so the recogniser sees the headings as printed.
 */
import { tokenize } from "./markup.js";

const WORDPROCESSING_ML = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);

/** One level of a numbering definition. */
export interface NumberingLevel {
  readonly start: number;
  /** `w:numFmt`: decimal, chineseCounting, lowerLetter, bullet, none, … */
  readonly format: string;
  /** `w:lvlText`, with `%1`…`%9` standing for the levels' numbers. */
  readonly text: string;
}

/** Numbering definitions by `w:numId`, each with its levels by `w:ilvl`. */
export type NumberingDefinitions = Map<string, Map<number, NumberingLevel>>;

/** A paragraph style's numbering and parent style. */
export interface StyleNumbering {
  readonly numId?: string;
  readonly level?: number;
  readonly basedOn?: string;
}

/** Finds the WordprocessingML prefix declared on an element, or undefined. */
export function wordPrefix(attributes: Record<string, string>): string | undefined {
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "xmlns" && WORDPROCESSING_ML.has(value)) return "";
    if (key.startsWith("xmlns:") && WORDPROCESSING_ML.has(value)) return key.slice(6);
  }
  return undefined;
}

/** Walks a WordprocessingML part with local names (prefix removed) and `w:val`-style attributes by local name. */
function walk(xml: string, onOpen: (name: string, attribute: (name: string) => string | undefined) => void, onClose: (name: string) => void): void {
  let prefix: string | undefined;
  const localName = (name: string) => {
    if (prefix === undefined) return undefined;
    if (prefix === "") return name.includes(":") ? undefined : name;
    return name.startsWith(`${prefix}:`) ? name.slice(prefix.length + 1) : undefined;
  };
  tokenize(
    xml,
    {
      open(name, attributes) {
        prefix ??= wordPrefix(attributes);
        const element = localName(name);
        if (element !== undefined) onOpen(element, (attributeName) => attributes[prefix ? `${prefix}:${attributeName}` : attributeName]);
      },
      close(name) {
        const element = localName(name);
        if (element !== undefined) onClose(element);
      },
      text() {},
    },
    true,
  );
}

const integer = (value: string | undefined, fallback: number) => {
  const parsed = Number.parseInt(value ?? "", 10);
  return Number.isFinite(parsed) ? parsed : fallback;
};

/** Reads `word/numbering.xml`: each `w:num` resolved to its abstract definition, with `w:startOverride`s applied. */
export function parseNumbering(xml: string): NumberingDefinitions {
  const abstracts = new Map<string, Map<number, NumberingLevel>>();
  const nums = new Map<string, { abstractId?: string; overrides: Map<number, number> }>();
  let abstract: Map<number, NumberingLevel> | undefined;
  let level: { level: number; start: number; format: string; text: string } | undefined;
  let num: { abstractId?: string; overrides: Map<number, number> } | undefined;
  let overrideLevel: number | undefined;
  walk(
    xml,
    (name, attribute) => {
      if (name === "abstractNum") {
        abstract = new Map();
        abstracts.set(attribute("abstractNumId") ?? "", abstract);
      } else if (name === "lvl" && abstract && overrideLevel === undefined) {
        level = { level: integer(attribute("ilvl"), 0), start: 1, format: "decimal", text: "" };
      } else if (level && name === "start") level.start = integer(attribute("val"), 1);
      else if (level && name === "numFmt") level.format = attribute("val") ?? "decimal";
      else if (level && name === "lvlText") level.text = attribute("val") ?? "";
      else if (name === "num") {
        num = { overrides: new Map() };
        nums.set(attribute("numId") ?? "", num);
      } else if (num && name === "abstractNumId") num.abstractId = attribute("val");
      else if (num && name === "lvlOverride") overrideLevel = integer(attribute("ilvl"), 0);
      else if (num && overrideLevel !== undefined && name === "startOverride") num.overrides.set(overrideLevel, integer(attribute("val"), 1));
    },
    (name) => {
      if (name === "lvl" && level && abstract) {
        abstract.set(level.level, { start: level.start, format: level.format, text: level.text });
        level = undefined;
      } else if (name === "abstractNum") abstract = undefined;
      else if (name === "lvlOverride") overrideLevel = undefined;
      else if (name === "num") num = undefined;
    },
  );
  const definitions: NumberingDefinitions = new Map();
  for (const [numId, { abstractId, overrides }] of nums) {
    const levels = abstracts.get(abstractId ?? "");
    if (!levels) continue;
    const resolved = new Map<number, NumberingLevel>();
    for (const [index, definition] of levels) resolved.set(index, overrides.has(index) ? { ...definition, start: overrides.get(index)! } : definition);
    definitions.set(numId, resolved);
  }
  return definitions;
}

/** Reads the numbering and parent of every paragraph style in `word/styles.xml`. */
export function parseStyles(xml: string): Map<string, StyleNumbering> {
  const styles = new Map<string, StyleNumbering>();
  let current: { id: string; numId?: string; level?: number; basedOn?: string } | undefined;
  walk(
    xml,
    (name, attribute) => {
      if (name === "style") current = attribute("type") === "paragraph" || attribute("type") === undefined ? { id: attribute("styleId") ?? "" } : undefined;
      else if (current && name === "basedOn") current.basedOn = attribute("val");
      else if (current && name === "numId") current.numId = attribute("val");
      else if (current && name === "ilvl") current.level = integer(attribute("val"), 0);
    },
    (name) => {
      if (name === "style" && current) {
        styles.set(current.id, { numId: current.numId, level: current.level, basedOn: current.basedOn });
        current = undefined;
      }
    },
  );
  return styles;
}

const DIGITS = "〇一二三四五六七八九";
const STEMS = "甲乙丙丁戊己庚辛壬癸";
const BRANCHES = "子丑寅卯辰巳午未申酉戌亥";

/** 1 → 一, 10 → 十, 11 → 十一, 21 → 二十一, 105 → 一百〇五: Word's `chineseCounting`. */
export function chineseCounting(value: number): string {
  if (value <= 0) return DIGITS[0]!;
  if (value < 10) return DIGITS[value]!;
  if (value < 100) {
    const tens = Math.floor(value / 10);
    const ones = value % 10;
    return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
  }
  if (value < 1000) {
    const rest = value % 100;
    const hundreds = `${DIGITS[Math.floor(value / 100)]}百`;
    if (rest === 0) return hundreds;
    if (rest < 10) return `${hundreds}〇${DIGITS[rest]}`;
    return `${hundreds}${rest < 20 ? "一" : ""}${chineseCounting(rest)}`;
  }
  return String(value);
}

function letters(value: number, base: string): string {
  // a … z, aa … zz: Word repeats the letter.
  const letter = base[(value - 1) % 26]!;
  return letter.repeat(Math.floor((value - 1) / 26) + 1);
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const table: Array<[number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let rest = value;
  let out = "";
  for (const [amount, symbol] of table) {
    while (rest >= amount) {
      out += symbol;
      rest -= amount;
    }
  }
  return out;
}

/** A number in a Word number format; formats not listed fall back to decimal. */
export function formatNumber(value: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "chineseLegalSimplified":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
      return chineseCounting(value);
    case "ideographTraditional":
      return STEMS[(value - 1) % 10] ?? String(value);
    case "ideographZodiac":
      return BRANCHES[(value - 1) % 12] ?? String(value);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return value >= 1 && value <= 20 ? String.fromCodePoint(0x2460 + value - 1) : String(value);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return Array.from(String(value), (digit) => String.fromCodePoint(0xff10 + Number(digit))).join("");
    case "decimalZero":
      return value < 10 ? `0${value}` : String(value);
    case "lowerLetter":
      return letters(value, "abcdefghijklmnopqrstuvwxyz");
    case "upperLetter":
      return letters(value, "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
    case "lowerRoman":
      return roman(value).toLowerCase();
    case "upperRoman":
      return roman(value);
    default:
      return String(value);
  }
}

/** Counts numbered paragraphs as Word does and gives each its label. */
export class NumberingCounter {
  private readonly counters = new Map<string, number[]>();

  constructor(
    private readonly definitions: NumberingDefinitions,
    private readonly styles: Map<string, StyleNumbering>,
  ) {}

  /** The numbering a paragraph gets from its own properties or, failing those, its style chain. */
  private resolve(style: string | undefined, numId: string | undefined, level: number | undefined): { numId: string; level: number } | undefined {
    let id = numId;
    let ilvl = level;
    let current = style;
    // A style chain is short; the bound stops a cycle.
    for (let step = 0; step < 16 && current !== undefined && (id === undefined || ilvl === undefined); step++) {
      const definition = this.styles.get(current);
      if (!definition) break;
      // Each property of the numbering is inherited on its own, as Word does.
      id ??= definition.numId;
      ilvl ??= definition.level;
      current = definition.basedOn;
    }
    if (id === undefined || id === "0") return undefined;
    return { numId: id, level: Math.max(0, Math.min(8, ilvl ?? 0)) };
  }

  /** The label of the next paragraph with this style and numbering properties, or "" when it is not numbered. */
  next(style: string | undefined, numId: string | undefined, level: number | undefined): string {
    const numbering = this.resolve(style, numId, level);
    if (!numbering) return "";
    const levels = this.definitions.get(numbering.numId);
    const definition = levels?.get(numbering.level);
    if (!levels || !definition) return "";
    let counts = this.counters.get(numbering.numId);
    if (!counts) this.counters.set(numbering.numId, (counts = []));
    counts[numbering.level] = counts[numbering.level] === undefined ? definition.start : counts[numbering.level]! + 1;
    // Deeper levels restart below a new number.
    counts.length = numbering.level + 1;
    if (definition.format === "bullet" || definition.format === "none") return "";
    return definition.text.replace(/%([1-9])/gu, (_match, digit: string) => {
      const index = Number(digit) - 1;
      const levelDefinition = levels.get(index);
      const count = counts![index] ?? levelDefinition?.start ?? 1;
      return formatNumber(count, levelDefinition?.format ?? "decimal");
    });
  }
}
