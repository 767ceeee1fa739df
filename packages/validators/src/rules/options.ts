/** Rule OPTIONS: its metadata, messages, docs example and evaluator. */
import type { Finding, RuleContext } from "../context.js";
import { optionProblems } from "../options.js";
import { BOTH, type CatalogEntry, notApplicable, pass } from "./define.js";

function checkOptions(context: RuleContext): Finding[] {
  const { rules, profile, today } = context.options;
  const findings: Finding[] = optionProblems(rules, profile, context.ruleIds).map((problem) => ({
    outcome: "fail",
    params: {
      option: problem.kind === "invalid-profile" ? "profile" : "rules",
      problem: problem.message,
      effect: problem.kind === "invalid-profile" ? "已按 publish 检查" : "已忽略",
    },
    paramsEn: {
      option: problem.kind === "invalid-profile" ? "profile" : "rules",
      problem: problem.messageEn,
      effect: problem.kind === "invalid-profile" ? "checked with publish" : "ignored",
    },
    pointers: [],
    cells: [],
  }));
  if (today !== undefined && !(today instanceof Date && !Number.isNaN(today.getTime()))) {
    findings.push({
      outcome: "fail",
      params: { option: "today", problem: "不是有效的日期", effect: "已使用当前日期" },
      paramsEn: { option: "today", problem: "is not a valid date", effect: "the current date was used" },
      pointers: [],
      cells: [],
    });
  }
  if (findings.length > 0) return findings;
  // Valid options checked: a pass; no options at all: nothing to check.
  return rules === undefined && profile === undefined && today === undefined
    ? [notApplicable("未给出检查选项", "no options were given")]
    : [pass()];
}

export const rule: CatalogEntry = {
  id: "OPTIONS",
  name: "ValidOptions",
  title: { zh: "检查选项有效", en: "The options are valid" },
  message: { zh: "选项 {option}：{problem}，{effect}。", en: "Option {option}: {problem}; {effect}." },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "structure",
  reference: {
    zh: "validate 的选项 rules、profile、today（命令行 --rule、--profile、--today）",
    en: "The options rules, profile and today of validate (command line --rule, --profile, --today)",
  },
  rationale: {
    zh: "写错的规则编号或级别不会生效：把 T3-SUM-ROW 写成 t3-sum-row 并不会关闭该规则。validate 从不抛出异常，因此每个无效选项作为一条错误报告（规则编号区分大小写，大小写不同时提示正确的编号），无效的选项被忽略（检查档按 publish）。checkRuleOptions 以数据形式返回同样的问题，供命令行在检查前拒绝。",
    en: "A mistyped rule id or severity has no effect: t3-sum-row does not turn T3-SUM-ROW off. validate never throws, so each invalid option is reported as an error (rule ids are case-sensitive; a different case gets the right id suggested) and the option is ignored (the profile falls back to publish). checkRuleOptions returns the same problems as data, for the command line to reject them before checking.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "规则编号写成小写", en: "a rule id written in lower case" },
      edits: [],
      options: { rules: { "t3-sum-row": "off" } },
    },
  ],
  evaluator: { kind: "check", check: checkOptions },
};
