/** Rule SCHEMA: its metadata, messages, docs example and evaluator. */
import { BOTH, type CatalogEntry } from "./define.js";

export const rule: CatalogEntry = {
  id: "SCHEMA",
  name: "MatchesReportFormat",
  title: { zh: "结构符合报告格式", en: "Structure matches the report format" },
  message: { zh: "{label}：{message}", en: "{label}: {message}" },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "structure",
  reference: { zh: "@xxgk/schema 的报告结构（JSON Schema）", en: "The report structure of @xxgk/schema (JSON Schema)" },
  rationale: {
    zh: "报告必须先符合统一结构，才能逐项核对数字。结构问题（缺少字段、未知字段、类型错误）逐一列出，并附 JSON 指针，每份报告最多列出 200 个，其余合并为一条“及另外 N 个结构问题”。单元格取值问题由 CELL-VALUE 报告，发布日期、统一社会信用代码、行政区划代码的取值问题由相应的 META 规则报告（规则关闭时仍由本规则报告），其余规则照常在可读取的部分上评估。",
    en: "A report must have the format's structure before its figures can be checked. Each structural problem (missing or unknown property, wrong type) is listed with its JSON Pointer, at most 200 per report, the rest summed up as '… and N more structural problems'. Bad cell values are reported by CELL-VALUE, and bad publication dates, credit codes and division codes by their META rules (by this rule when that rule is off); every other rule is still evaluated on whatever can be read.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: {
        zh: "meta 中出现格式未定义的字段 author",
        en: "meta holds a property the format does not define (author)",
      },
      edits: [{ pointer: "/meta/author", value: "张三" }],
    },
  ],
  evaluator: { kind: "schema" },
};
