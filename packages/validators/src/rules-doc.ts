/**
 * docs/rules.md, generated from the catalog: every rule with its basis, severity, editions, message, rationale and a
 * failing example whose output is produced by running the engine on it.
 */
import { cellAt, type Edition } from "@xxgk/schema/layout";
import { validate } from "./validate.js";
import { RULES } from "./rules.js";
import { exampleInputs } from "./sample.js";
import { regionRulesMarkdown } from "./region/docs.js";
import type { Diagnostic, RuleBasis, RuleDefinition, RuleExample, ValidateOptions } from "./types.js";

/** The fixed date the examples are evaluated on, so the generated page is reproducible. */
export const RULES_DOC_TODAY = new Date("2025-06-01T00:00:00Z");

const BASIS: Readonly<Record<RuleBasis, string>> = {
  structure: "结构 structure",
  "official-note": "表上注释 official note on the form",
  layout: "表格布局 implied by the layout",
  "cross-year": "跨年度 across years",
  prose: "正文与表格 prose vs tables",
  metadata: "报告信息 metadata",
  completeness: "完整性 completeness",
};

function anchor(id: string): string {
  return id.toLowerCase();
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function describeEdit(edition: Edition, edit: RuleExample["edits"][number]): string {
  const label = cellAt(edition, edit.pointer)?.label;
  const where = `${edit.document === "previous" ? "上年报告 previous report " : ""}\`${edit.pointer}\`${
    label ? `（${label}）` : ""
  }`;
  return edit.remove ? `- ${where}: 删除 removed` : `- ${where} ← \`${JSON.stringify(edit.value)}\``;
}

function findDiagnostic(diagnostics: readonly Diagnostic[], ruleId: string): Diagnostic | undefined {
  for (const diagnostic of diagnostics) {
    if (diagnostic.ruleId === ruleId && diagnostic.outcome === "fail") return diagnostic;
    const related = diagnostic.related?.find((candidate) => candidate.ruleId === ruleId);
    if (related) return related;
  }
  return undefined;
}

/** Runs a rule's example through the engine and returns the diagnostic the rule produces (throws when it does not fail). */
export function runExample(rule: RuleDefinition, example: RuleExample, edition: Edition): Diagnostic {
  const { input, previous } = exampleInputs(example, edition);
  const result = validate(input, {
    today: RULES_DOC_TODAY,
    ...(rule.crossYear ? { previous } : {}),
    ...(example.options as ValidateOptions | undefined),
  });
  const diagnostic = findDiagnostic(result.diagnostics, rule.id);
  if (!diagnostic) throw new Error(`the example of ${rule.id} (edition ${edition}) does not make the rule fail`);
  return diagnostic;
}

function ruleSection(rule: RuleDefinition): string[] {
  const lines = [
    `## ${rule.id}`,
    "",
    `**${rule.title.zh}** · ${rule.title.en}`,
    "",
    `- 依据 Basis: ${BASIS[rule.basis]} — ${rule.reference.zh} / ${rule.reference.en}`,
    `- 严重程度 Severity: publish \`${rule.severity.publish}\`, audit \`${rule.severity.audit}\``,
    `- 适用版本 Editions: ${rule.editions.join(", ")}`,
    `- 参与定位有误单元格 Takes part in pinpointing: ${rule.pinpoints ? "是 yes" : "否 no"}`,
    ...(rule.crossYear ? ["- 需要上年报告 Needs last year's report: `validate(report, { previous })`"] : []),
    "",
    "消息模板 Message template:",
    "",
    `> ${rule.message.zh}`,
    ">",
    `> ${rule.message.en}`,
    "",
    rule.rationale.zh,
    "",
    rule.rationale.en,
    "",
  ];
  for (const example of rule.examples) {
    const edition = example.editions[0]!;
    const diagnostic = runExample(rule, example, edition);
    lines.push(
      `**失败示例 Failing example** (edition ${example.editions.join(", ")}): ${example.description.zh} — ${
        example.description.en
      }. ` +
        (example.edits.length > 0
          ? "示例报告（各规则均通过）上的修改 Edits to the consistent sample report:"
          : "示例报告（各规则均通过）不变 The consistent sample report, unchanged:"),
      "",
      ...example.edits.map((edit) => describeEdit(edition, edit)),
      ...(example.options ? [`- 选项 options: \`${JSON.stringify(example.options)}\``] : []),
      "",
      "输出 Output:",
      "",
      `> \`${diagnostic.severity}\` ${diagnostic.message}`,
      ">",
      `> ${diagnostic.messageEn}`,
      ""
    );
  }
  return lines;
}

/** The Markdown of docs/rules.md, generated from {@link RULES}. */
export function renderRulesMarkdown(): string {
  const lines = [
    "# 规则目录 · Rule catalog",
    "",
    "<!-- Generated from packages/validators/src/catalog.ts (the index of src/rules/) by `node packages/validators/scripts/generate-rules-doc.mjs` (after building the package). Do not edit: a test fails when this file drifts. -->",
    "",
    "@xxgk/validators 对政府信息公开工作年度报告逐条检查下列规则。每项检查的结果是通过、不通过或无法评估：所涉单元格空白或无效时规则无法评估（空白从不按 0 计算），其余规则照常评估。" +
      "`publish` 档用于机关发布前自查，`audit` 档用于审阅已发布的报告；可用 `rules` 选项逐条改变严重程度或关闭规则。",
    "",
    "@xxgk/validators checks every report against the rules below. Each evaluation passes, fails or is not assessable: a rule whose cells are blank or invalid is not assessable (blank is never taken as 0), and every other rule is still evaluated. " +
      "Profile `publish` is for an agency checking before it publishes, `audit` for reviewing published reports; the `rules` option overrides severities or turns rules off.",
    "",
    "When one cell explains several failed identities (a wrong detail cell of 表三 breaks its row's 总计 and its column's （七）总计), the engine reports it as the likely faulty cell with the value that satisfies all of them, and groups the follow-on failures under it — only when exactly one cell does.",
    "",
    "| id | 规则 Rule | 依据 Basis | publish | audit | editions |",
    "|---|---|---|---|---|---|",
    ...RULES.map(
      (rule) =>
        `| [${rule.id}](#${anchor(rule.id)}) | ${escapeCell(rule.title.zh)}<br>${escapeCell(rule.title.en)} | ${
          BASIS[rule.basis]
        } | ${rule.severity.publish} | ${rule.severity.audit} | ${rule.editions.join(", ")} |`
    ),
    "",
  ];
  for (const rule of RULES) lines.push(...ruleSection(rule));
  lines.push(...regionRulesMarkdown());
  return `${lines.join("\n").replace(/\n+$/, "")}\n`;
}
