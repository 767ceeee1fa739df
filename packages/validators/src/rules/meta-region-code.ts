/** Rule META-REGION-CODE: its metadata, messages, docs example and evaluator. */
import { checkRegionCode } from "../codes.js";
import type { Finding, RuleContext } from "../context.js";
import { blocked, BOTH, type CatalogEntry, metaField, optionalFieldAbsent, pass } from "./define.js";

function checkRegionCodeRule(context: RuleContext): Finding[] {
  const code = metaField(context, "regionCode");
  if (code === undefined) return [optionalFieldAbsent("regionCode")];
  if (typeof code !== "string") return [blocked("/meta/regionCode")];
  const result = checkRegionCode(code);
  if (result.ok) return [pass()];
  const [problem, problemEn] =
    result.reason === "shape"
      ? ["应为 6 位数字", "must be six digits"]
      : [`前两位 ${code.slice(0, 2)} 不是省级行政区划代码`, `${code.slice(0, 2)} is not a province code`];
  return [
    {
      outcome: "fail",
      params: { code, problem },
      paramsEn: { code, problem: problemEn },
      pointers: ["/meta/regionCode"],
      cells: [],
    },
  ];
}

export const rule: CatalogEntry = {
  id: "META-REGION-CODE",
  name: "WellFormedRegionCode",
  title: { zh: "行政区划代码格式正确", en: "Administrative division code is well formed" },
  message: { zh: "行政区划代码 {code}：{problem}。", en: "Administrative division code {code}: {problem}." },
  severity: { publish: "error", audit: "warning" },
  editions: BOTH,
  basis: "metadata",
  reference: {
    zh: "GB/T 2260《中华人民共和国行政区划代码》",
    en: "GB/T 2260, codes for the administrative divisions of China",
  },
  rationale: {
    zh: "行政区划代码用于按地区汇总报告。应为 6 位数字，前两位是省级代码（11–65、71、81、82）。",
    en: "The division code groups reports by region. It has six digits and starts with a province code (11–65, 71, 81, 82).",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "不存在的省级代码 99", en: "a province code (99) that does not exist" },
      edits: [{ pointer: "/meta/regionCode", value: "990100" }],
    },
  ],
  evaluator: { kind: "check", check: checkRegionCodeRule },
};
