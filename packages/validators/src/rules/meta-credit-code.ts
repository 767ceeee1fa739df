/** Rule META-CREDIT-CODE: its metadata, messages, docs example and evaluator. */
import { checkCreditCode } from "../codes.js";
import type { Finding, RuleContext } from "../context.js";
import { blocked, BOTH, type CatalogEntry, metaField, optionalFieldAbsent, pass } from "./define.js";

function checkCreditCodeRule(context: RuleContext): Finding[] {
  const code = metaField(context, "creditCode");
  if (code === undefined) return [optionalFieldAbsent("creditCode")];
  if (typeof code !== "string") return [blocked("/meta/creditCode")];
  const result = checkCreditCode(code);
  if (result.ok) return [pass()];
  const problems: Record<typeof result.reason, [string, string]> = {
    length: [`应为 18 位，实为 ${code.length} 位`, `must have 18 characters, has ${code.length}`],
    character: [
      "含有不允许的字符（只用数字和大写字母，不用 I、O、S、V、Z）",
      "contains characters outside the GB 32100-2015 alphabet (digits and capitals except I, O, S, V, Z)",
    ],
    shape: [
      "第 3–8 位应为数字（登记管理机关行政区划码）",
      "positions 3–8 must be digits (the registering authority's region code)",
    ],
    checksum: [
      `校验位应为 ${result.expectedCheck ?? ""}，实为 ${code[17] ?? ""}`,
      `the check character should be ${result.expectedCheck ?? ""}, not ${code[17] ?? ""}`,
    ],
  };
  const [problem, problemEn] = problems[result.reason];
  return [
    {
      outcome: "fail",
      params: { code, problem },
      paramsEn: { code, problem: problemEn },
      pointers: ["/meta/creditCode"],
      cells: [],
    },
  ];
}

export const rule: CatalogEntry = {
  id: "META-CREDIT-CODE",
  name: "ValidCreditCode",
  title: { zh: "统一社会信用代码校验正确", en: "Unified social credit code is valid" },
  message: { zh: "统一社会信用代码 {code}：{problem}。", en: "Unified social credit code {code}: {problem}." },
  severity: { publish: "error", audit: "warning" },
  editions: BOTH,
  basis: "metadata",
  reference: {
    zh: "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》",
    en: "GB 32100-2015, coding rule of the unified social credit code",
  },
  rationale: {
    zh: "统一社会信用代码是识别发布机关的可靠键。第 18 位校验码按 GB 32100-2015 以加权模 31 计算，能发现绝大多数抄错、漏位和相邻颠倒。",
    en: "The unified social credit code identifies the publishing body. Its 18th character is a weighted modulo-31 check (GB 32100-2015) that catches almost every mistyped, missing or swapped character.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "校验位抄错", en: "a wrong check character" },
      edits: [{ pointer: "/meta/creditCode", value: "113201000141234560" }],
    },
  ],
  evaluator: { kind: "check", check: checkCreditCodeRule },
};
