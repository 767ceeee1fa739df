/**
 * Human labels, in Chinese and English, for JSON Pointers that are not table cells: report metadata, prose sections
 * and their paragraphs. Table cells are labelled by the cell table (`cell-values.ts`).
 */
import { SECTION_LAYOUTS } from "@xxgk/schema/layout";

const META: Readonly<Record<string, readonly [string, string]>> = {
  "": ["（整份报告）", "(whole report)"],
  "/edition": ["格式版本（edition）", "edition"],
  "/meta": ["报告信息", "report metadata"],
  "/meta/title": ["报告标题", "title"],
  "/meta/year": ["报告年度", "report year"],
  "/meta/body": ["发布机关", "publishing body"],
  "/meta/publishedOn": ["发布日期", "publication date"],
  "/meta/creditCode": ["统一社会信用代码", "unified social credit code"],
  "/meta/regionCode": ["行政区划代码", "administrative division code"],
};

const SECTIONS = new Map<string, readonly [string, string]>(
  SECTION_LAYOUTS.map((section) => [section.key, [section.heading, section.english] as const])
);

/**
 * The label of a pointer to metadata or prose, e.g. `一、总体情况 / 第 2 部分第 1 段` (`Overview / part 2,
 * paragraph 1`); the pointer itself when it is neither.
 */
export function pointerLabel(pointer: string, lang: "zh" | "en"): string {
  const language = lang === "en" ? 1 : 0;
  const meta = META[pointer];
  if (meta) return meta[language];
  const field = /^\/meta\/([^/]+)$/.exec(pointer);
  if (field) return `${META["/meta"]![language]} / ${field[1]!.replace(/~1/g, "/").replace(/~0/g, "~")}`;
  const match = /^\/(\w+)(?:\/paragraphs\/(\d+)|\/parts\/(\d+)(?:\/(title)|\/paragraphs\/(\d+))?)?$/.exec(pointer);
  const section = match ? SECTIONS.get(match[1]!) : undefined;
  if (!match || !section) return pointer;
  const [, , paragraph, part, title, partParagraph] = match;
  const heading = section[language];
  const ordinal = (text: string) => Number(text) + 1;
  if (paragraph !== undefined) return lang === "en" ? `${heading} / paragraph ${ordinal(paragraph)}` : `${heading} / 第 ${ordinal(paragraph)} 段`;
  if (part === undefined) return heading;
  if (title) return lang === "en" ? `${heading} / part ${ordinal(part)}, title` : `${heading} / 第 ${ordinal(part)} 部分标题`;
  if (partParagraph !== undefined)
    return lang === "en"
      ? `${heading} / part ${ordinal(part)}, paragraph ${ordinal(partParagraph)}`
      : `${heading} / 第 ${ordinal(part)} 部分第 ${ordinal(partParagraph)} 段`;
  return lang === "en" ? `${heading} / part ${ordinal(part)}` : `${heading} / 第 ${ordinal(part)} 部分`;
}
