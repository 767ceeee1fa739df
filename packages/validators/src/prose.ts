/**
 * Reading prose sections of raw input, and finding the figures the prose states about the tables.
 */
import { LAYOUTS } from "@xxgk/schema/layout";
import { CHINESE_NUMERAL_CHARACTERS, parseFigure } from "./chinese-numerals.js";

/** One paragraph (or part title) of a prose section with its JSON Pointer. */
export interface ProseText {
  pointer: string;
  text: string;
}

/** The texts of a prose section read from raw input, or undefined when the section is absent or malformed. */
export function proseTexts(input: unknown, key: string): ProseText[] | undefined {
  if (input === null || typeof input !== "object" || Array.isArray(input)) return undefined;
  const section = (input as Record<string, unknown>)[key];
  if (section === null || typeof section !== "object" || Array.isArray(section)) return undefined;
  const { paragraphs, parts } = section as { paragraphs?: unknown; parts?: unknown };
  if (!Array.isArray(paragraphs)) return undefined;
  const texts: ProseText[] = [];
  paragraphs.forEach((paragraph, index) => {
    if (typeof paragraph === "string") texts.push({ pointer: `/${key}/paragraphs/${index}`, text: paragraph });
  });
  if (parts !== undefined) {
    if (!Array.isArray(parts)) return undefined;
    parts.forEach((part, partIndex) => {
      if (part === null || typeof part !== "object") return;
      const { title, paragraphs: partParagraphs } = part as { title?: unknown; paragraphs?: unknown };
      if (typeof title === "string") texts.push({ pointer: `/${key}/parts/${partIndex}/title`, text: title });
      if (Array.isArray(partParagraphs)) {
        partParagraphs.forEach((paragraph, index) => {
          if (typeof paragraph === "string")
            texts.push({ pointer: `/${key}/parts/${partIndex}/paragraphs/${index}`, text: paragraph });
        });
      }
    });
  }
  return texts;
}

/** A table quantity the prose may state: the cells whose sum it must equal. */
export interface FigureTarget {
  /** Stable key, e.g. `newlyReceived`. */
  key: string;
  /** Chinese description, e.g. `本年新收政府信息公开申请数量`. */
  zh: string;
  /** English description. */
  en: string;
  /** JSON Pointers of the cells whose sum the figure states. */
  pointers: readonly string[];
}

/** A figure found in the prose. */
export interface ProseFigure {
  target: FigureTarget;
  /** The figure as stated. */
  value: number;
  /** The matched phrase, e.g. `受理政府信息公开申请 21 件`. */
  phrase: string;
  /** Pointer of the paragraph. */
  pointer: string;
}

const NUMBER = `([0-9０-９][0-9０-９,，]*(?:\\.[0-9]+)?万?|[${CHINESE_NUMERAL_CHARACTERS}]+)`;
const SPACE = "\\s*";
const APPLICATION = "(?:政府信息公开|依申请(?:信息)?公开(?:政府信息)?|信息公开)";

// The quantities are named with the official labels (表三 and 表四 are the same in both editions).
const { table3, table4 } = LAYOUTS["2021"];
const rowLabel = (key: string) => table3.rows.find((row) => row.key === key)!.label;
/** A label without its ordinal: 一、本年新收… → 本年新收…, （一）予以公开 → 予以公开. */
const bare = (label: string) => label.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/, "");
const [reconsiderationGroup, directGroup, afterGroup] = table4.groups;
const totalColumn = table4.columns.find((column) => column.key === "total")!.label;

const TARGETS = {
  newlyReceived: {
    key: "newlyReceived",
    zh: bare(rowLabel("newlyReceived")),
    en: "new applications received this year",
    pointers: ["/applications/newlyReceived/total"],
  },
  carriedOver: {
    key: "carriedOver",
    zh: bare(rowLabel("carriedOver")),
    en: "applications carried over from last year",
    pointers: ["/applications/carriedOver/total"],
  },
  disclosed: { key: "disclosed", zh: bare(rowLabel("disclosed")), en: "disclosed", pointers: ["/applications/disclosed/total"] },
  handled: { key: "handled", zh: rowLabel("total"), en: "applications handled (total)", pointers: ["/applications/total/total"] },
  carriedForward: {
    key: "carriedForward",
    zh: bare(rowLabel("carriedForward")),
    en: "carried forward to next year",
    pointers: ["/applications/carriedForward/total"],
  },
  reconsideration: {
    key: "reconsideration",
    zh: `${reconsiderationGroup!.label}${totalColumn}`,
    en: "administrative reconsiderations (total)",
    pointers: ["/reviewAndLitigation/reconsideration/total"],
  },
  litigation: {
    key: "litigation",
    zh: `${directGroup!.parent}${totalColumn}（${directGroup!.label} + ${afterGroup!.label}）`,
    en: "administrative litigation (total of both groups)",
    pointers: ["/reviewAndLitigation/litigationDirect/total", "/reviewAndLitigation/litigationAfterReconsideration/total"],
  },
} as const satisfies Record<string, FigureTarget>;

/** Every quantity the prose figures are compared with. */
export const FIGURE_TARGETS: readonly FigureTarget[] = Object.values(TARGETS);

interface FigurePattern {
  target: FigureTarget;
  /** Global pattern; its first group is the figure (unless `before` or `fixed`). */
  pattern: RegExp;
  /**
   * For phrases where the figure comes first (“103 件顺延到下年度”): `pattern` finds the words after the figure, and
   * `before`, anchored at the end, reads the figure from the text just before them. A regex that starts with the
   * figure would try every digit of the text and cost ten times more.
   */
  before?: RegExp;
  /** A fixed value for phrases such as 未收到政府信息公开申请 (0). */
  fixed?: number;
  /**
   * True for quantities of all the year's applications (received, carried over, handled): after 其中 or with a
   * channel they are a part, not the total.
   */
  whole?: boolean;
}

/** Words before 办结/答复 that make the figure a part of the applications handled. */
const HANDLED_QUALIFIERS =
  "逾期|超期|超时|延期|按时|按期|如期|及时|限期|当场|当面|书面|电话|口头|网上|在线|依法|依规|规范|予以|不予|正在|尚未|未|部分";

/** Clause and sentence boundaries. */
const CLAUSE_END = /[，,。；;！!？?：:、（(）)\n]/;
const SENTENCE_END = /[。；;！!？?\n]/;
/** A figure of applications after 其中 in its sentence is a part of what the sentence stated before. */
const PART_OF = /其中/;
/** A channel in the clause before a figure: the figure counts the applications received that way. */
const CHANNEL = /通过|经由|网上|网络|互联网|在线|信函|邮寄|邮件|当面|现场|窗口|传真|电话|平台|渠道/;
/** Words in the clause before a figure that make it about another year. */
const OTHER_YEAR = /上一?年|去年|前年|往年|同比|环比|较|比上/;

/**
 * Whether the figure starting at `start` is about the year's total (true) or, by its clause or sentence, about a
 * part of it or another year (false): when in doubt, do not compare.
 */
function aboutTheTotal(text: string, start: number, whole: boolean, year: number | undefined): boolean {
  let clauseStart = start;
  while (clauseStart > 0 && !CLAUSE_END.test(text[clauseStart - 1]!)) clauseStart -= 1;
  const clause = text.slice(clauseStart, start);
  if (OTHER_YEAR.test(clause)) return false;
  if (year !== undefined) {
    for (const match of clause.matchAll(/(\d{4})\s*年/g)) if (Number(match[1]) !== year) return false;
  }
  if (!whole) return true;
  if (CHANNEL.test(clause)) return false;
  let sentenceStart = start;
  while (sentenceStart > 0 && !SENTENCE_END.test(text[sentenceStart - 1]!)) sentenceStart -= 1;
  return !PART_OF.test(text.slice(sentenceStart, start));
}

/** How far before the words `before` looks for the figure. */
const LOOK_BACK = 24;

// Tight phrases only: a figure is compared with the table only when the wording leaves no doubt what it counts.
const PATTERNS: readonly FigurePattern[] = [
  {
    target: TARGETS.newlyReceived,
    whole: true,
    pattern: new RegExp(
      `(?:本年(?:度)?新收|新收到?|共收到|收到|共受理|受理)(?:了|各类)?${APPLICATION}申请(?:共计|共|合计)?${SPACE}${NUMBER}${SPACE}件`,
      "g"
    ),
  },
  {
    target: TARGETS.newlyReceived,
    whole: true,
    pattern: new RegExp(
      `(?:本年(?:度)?新收|共收到|收到|共受理|受理)(?:了)?依申请(?:信息)?公开(?:共计|共)?${SPACE}${NUMBER}${SPACE}件`,
      "g"
    ),
  },
  {
    target: TARGETS.newlyReceived,
    whole: true,
    pattern: new RegExp(`本年(?:度)?新收${APPLICATION}申请(?:数量)?(?:为|共)?${SPACE}${NUMBER}${SPACE}件`, "g"),
  },
  {
    // 申请 alone counts all applications only after 共收到 or 本年（度）（共/新）收到: 共收到申请十二件, 本年共收到申请 12 件.
    target: TARGETS.newlyReceived,
    whole: true,
    pattern: new RegExp(`(?:共收到|本年(?:度)?(?:共|新)?收到?)(?:了|各类)?申请(?:共计|共|合计)?${SPACE}${NUMBER}${SPACE}件`, "g"),
  },
  {
    target: TARGETS.newlyReceived,
    whole: true,
    pattern: /未(?:收到|受理)(?:任何)?(?:政府信息公开|依申请公开)(?:的)?申请/g,
    fixed: 0,
  },
  {
    // 上年结转 3 件, 上年结转申请 3 件, 上年度结转政府信息公开申请 3 件.
    target: TARGETS.carriedOver,
    whole: true,
    pattern: new RegExp(
      `上(?:一)?年(?:度)?结转(?:的)?(?:${APPLICATION})?(?:申请)?(?:数量)?(?:为|共)?${SPACE}${NUMBER}${SPACE}件`,
      "g"
    ),
  },
  {
    target: TARGETS.carriedForward,

    pattern: new RegExp(
      `结转(?:至|到)?下(?:一)?年度(?:继续)?(?:办理)?(?:的)?(?:申请)?(?:为|共)?${SPACE}${NUMBER}${SPACE}件`,
      "g"
    ),
  },
  {
    target: TARGETS.carriedForward,

    pattern: /(?:顺延|结转)(?:到|至)下(?:一)?年度/g,
    before: new RegExp(`${NUMBER}${SPACE}件(?:申请)?$`),
  },
  { target: TARGETS.disclosed, pattern: new RegExp(`(?<!部分)予以公开${SPACE}${NUMBER}${SPACE}件`, "g") },
  {
    target: TARGETS.handled,
    whole: true,
    // Not 逾期答复, 超期答复, 依法答复, 按时办结 …: those count some of the applications handled, not all of them.
    pattern: new RegExp(
      `(?<!${HANDLED_QUALIFIERS})(?:共|全年|累计)?(?<!${HANDLED_QUALIFIERS})(?:办结|答复)(?:${APPLICATION})?(?:申请)?(?:共计|共)?${SPACE}${NUMBER}${SPACE}件`,
      "g"
    ),
  },
  {
    target: TARGETS.reconsideration,

    // A 司法局 handles reconsiderations as its own business: only count the ones about information disclosure.
    pattern: new RegExp(`(?:政府信息公开(?:类)?|被申请)行政复议(?:案件)?(?:共)?${SPACE}${NUMBER}${SPACE}(?:件|起)`, "g"),
  },
  {
    target: TARGETS.litigation,

    pattern: new RegExp(`(?:政府信息公开(?:类)?|被提起|被起诉)行政诉讼(?:案件)?(?:共)?${SPACE}${NUMBER}${SPACE}(?:件|起)`, "g"),
  },
];

const MAY_HOLD_FIGURE = /[件起]|申请/;

/**
 * Finds every figure the texts state about the tables' totals for the year. `year`, the report year, lets figures
 * of other years (“2023 年收到……”) be left out.
 */
export function findFigures(texts: readonly ProseText[], options: { year?: number | undefined } = {}): ProseFigure[] {
  const figures: ProseFigure[] = [];
  const seen = new Set<string>();
  for (const { pointer, text } of texts) {
    // Every phrase ends with 件 or 起, or (未收到…申请) contains 申请: skip the texts that cannot hold one.
    if (!MAY_HOLD_FIGURE.test(text)) continue;
    for (const { target, pattern, before, fixed, whole } of PATTERNS) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        let phrase = match[0];
        let figure = match[1];
        let start = match.index;
        if (before) {
          const lead = before.exec(text.slice(Math.max(0, match.index - LOOK_BACK), match.index));
          if (!lead) continue;
          phrase = `${lead[0]}${phrase}`;
          figure = lead[1];
          start = match.index - lead[0].length;
        }
        if (!aboutTheTotal(text, start, whole === true, options.year)) continue;
        const value = fixed ?? parseFigure(figure ?? "");
        if (value === undefined) continue;
        // Overlapping patterns can match the same phrase; one figure per (quantity, place).
        const id = `${target.key}|${pointer}|${match.index + match[0].length}`;
        if (seen.has(id)) continue;
        seen.add(id);
        figures.push({ target, value, phrase, pointer });
      }
    }
  }
  return figures;
}

/** The joined text of a section, for word searches. */
export function joinTexts(texts: readonly ProseText[]): string {
  return texts.map((entry) => entry.text).join("\n");
}
