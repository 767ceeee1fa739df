/** Rule PROSE-REQUIRED: its metadata, messages, docs example and evaluator. */
import type { Finding, RuleContext } from "../context.js";
import { proseTexts } from "../prose.js";
import { blocked, BOTH, type CatalogEntry, pass, SECTION_ENGLISH, SECTION_HEADING } from "./define.js";

const REQUIRED_PROSE = ["overview", "problemsAndImprovements", "otherMatters"] as const;

function checkRequiredProse(context: RuleContext): Finding[] {
  return REQUIRED_PROSE.map((key): Finding => {
    const texts = proseTexts(context.document.input, key);
    if (!texts) return blocked(`/${key}`);
    if (texts.some((entry) => entry.text.trim().length > 0 && !entry.pointer.endsWith("/title"))) return pass();
    return {
      outcome: "fail",
      params: { heading: SECTION_HEADING[key]! },
      paramsEn: { heading: SECTION_ENGLISH[key]! },
      pointers: [`/${key}`],
      cells: [],
    };
  });
}

export const rule: CatalogEntry = {
  id: "PROSE-REQUIRED",
  name: "RequiredProsePresent",
  title: { zh: "必备文字部分不为空", en: "Required prose sections are not empty" },
  message: { zh: "“{heading}”没有正文。", en: "“{heading}” has no text." },
  severity: { publish: "error", audit: "warning" },
  editions: BOTH,
  basis: "completeness",
  reference: {
    zh: "年度报告格式：一、总体情况；五、存在的主要问题及改进情况；六、其他需要报告的事项",
    en: "The format's sections 一, 五 and 六",
  },
  rationale: {
    zh: "总体情况、存在的主要问题及改进情况、其他需要报告的事项是格式规定的文字部分，只有小标题没有段落也视为空。",
    en: "Overview, problems and improvements, and other matters are prose sections the format requires; headings without paragraphs count as empty.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "“五、存在的主要问题及改进情况”为空", en: "section 五 left empty" },
      edits: [{ pointer: "/problemsAndImprovements", value: { paragraphs: [] } }],
    },
  ],
  evaluator: { kind: "check", check: checkRequiredProse },
};
