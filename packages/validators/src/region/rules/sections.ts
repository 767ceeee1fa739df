/**
 * The prose sections compared for repetition, with their official headings from the layout.
 */
import { SECTION_LAYOUTS } from "@xxgk/schema/layout";
import type { ComparedSection } from "../types.js";

/** Sections whose text is compared: 一 总体情况, 五 存在的主要问题及改进情况, 六 其他需要报告的事项 (the preamble is boilerplate). */
export const COMPARED_SECTIONS: readonly ComparedSection[] = ["overview", "problemsAndImprovements", "otherMatters"];

/** The official heading (`一、总体情况`) and the English name of a compared section. */
export function sectionName(section: ComparedSection): { zh: string; en: string } {
  const layout = SECTION_LAYOUTS.find((candidate) => candidate.key === section)!;
  return { zh: layout.heading, en: `section ${layout.number} (${layout.english})` };
}
