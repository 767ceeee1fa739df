/**
 * REGION-OVERVIEW-TOPICS: section 一 covers the five topics of the 2021 format.
 */
import { proseTexts } from "../../prose.js";
import type { RegionHit, RegionRule } from "../define.js";
import { exampleInput, exampleReport } from "../examples.js";

/**
 * The five topics of 一、总体情况 (国办公开办函〔2021〕30号) and the words that show a report covers each; the first
 * word is the topic's name.
 */
export const OVERVIEW_TOPICS: readonly { zh: string; en: string; words: readonly string[] }[] = [
  { zh: "主动公开", en: "proactive disclosure", words: ["主动公开"] },
  { zh: "依申请公开", en: "disclosure on request", words: ["依申请公开", "依申请"] },
  { zh: "政府信息管理", en: "information management", words: ["政府信息管理", "信息管理"] },
  { zh: "平台建设", en: "platforms", words: ["平台建设", "政府网站", "政务新媒体", "政府公报", "平台"] },
  { zh: "监督保障", en: "oversight and support", words: ["监督保障", "监督", "考核", "培训", "保障"] },
];

export const rule: RegionRule = {
  id: "REGION-OVERVIEW-TOPICS",
  title: { zh: "“一”写到五个方面", en: "Section 一 covers its five topics" },
  message: {
    zh: "“一、总体情况”没有写到：{missing}。",
    en: "Section 一 (Overview) does not cover: {missing}.",
  },
  severity: { publish: "warning", audit: "warning" },
  basis: "content",
  reference: {
    zh: "国办公开办函〔2021〕30号：总体情况包括主动公开、依申请公开、政府信息管理、平台建设、监督保障等方面",
    en: "国办公开办函〔2021〕30号: the overview covers proactive disclosure, disclosure on request, information management, platforms, oversight and support",
  },
  rationale: {
    zh: "2021 版格式的总体情况按五个方面写。在“一”的小标题和段落中查找各方面的名称或常用说法（如平台建设写作“政府网站”“政务新媒体”，监督保障写作“考核”“培训”），缺少的方面逐一列出。只适用于 2021 版；“一”为空时由 PROSE-REQUIRED 报告。",
    en: "The 2021 format's overview has five topics. Each topic's name or usual wording (platforms as 政府网站 or 政务新媒体, oversight as 考核 or 培训) is looked for in section 一's headings and paragraphs; missing topics are listed. Edition 2021 only; an empty section 一 is PROSE-REQUIRED's finding.",
  },
  example: { zh: "“一”只有一句话", en: "section 一 is a single sentence" },
  evaluate(context) {
    const hits: RegionHit[] = [];
    for (const report of context.reports) {
      if (report.edition !== "2021") continue;
      const texts = proseTexts(report.raw, "overview");
      if (!texts || texts.every((text) => text.text.trim() === "")) continue;
      const all = texts.map((text) => text.text).join("\n");
      const missing = OVERVIEW_TOPICS.filter((topic) => !topic.words.some((word) => all.includes(word)));
      if (missing.length === 0) continue;
      hits.push({
        report,
        outcome: "fail",
        params: { missing: missing.map((topic) => topic.zh).join("、") },
        paramsEn: { missing: missing.map((topic) => topic.en).join(", ") },
        pointers: ["/overview"],
        where: [],
      });
    }
    return hits;
  },
  exampleInput: () => ({ reports: [exampleInput(exampleReport({ body: "示例市商务局" }))] }),
};
