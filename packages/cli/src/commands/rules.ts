/**
 * `xxgk rules`: the rule catalog of @xxgk/validators, as a terminal table or as JSON.
 */
import { RULES } from "@xxgk/validators/core";
import { stringOption, type ParsedArgs } from "../args.js";
import type { Context } from "../context.js";
import { EXIT } from "../errors.js";
import { displayWidth } from "../text.js";

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(1, width - displayWidth(text)));
}

/** Runs `xxgk rules`. */
export async function execute(context: Context, { values }: ParsedArgs): Promise<number> {
  const { lang, io, colors } = context;
  if (stringOption(values, "format") === "json") {
    io.stdout.write(`${JSON.stringify(RULES, null, 2)}\n`);
    return EXIT.ok;
  }
  const zh = lang === "zh";
  const severityName = (severity: string) => (zh ? ({ error: "错误", warning: "警告", info: "提示" }[severity] ?? severity) : severity);
  const idWidth = Math.max(...RULES.map((rule) => rule.id.length)) + 2;
  const severityWidth = Math.max(...RULES.map((rule) => displayWidth(`${severityName(rule.severity.publish)}/${severityName(rule.severity.audit)}`))) + 2;
  const header = `${pad(zh ? "规则" : "rule", idWidth)}${pad(zh ? "级别（发布/审核）" : "severity (publish/audit)", severityWidth)}${zh ? "说明" : "title"}`;
  const lines = [colors.bold(header)];
  for (const rule of RULES) {
    const severity = `${severityName(rule.severity.publish)}/${severityName(rule.severity.audit)}`;
    const editions = rule.editions.length === 1 ? (zh ? `（仅 ${rule.editions[0]} 版）` : ` (edition ${rule.editions[0]} only)`) : "";
    const crossYear = rule.crossYear ? (zh ? "（需 --previous）" : " (needs --previous)") : "";
    lines.push(`${pad(rule.id, idWidth)}${pad(severity, severityWidth)}${zh ? rule.title.zh : rule.title.en}${editions}${crossYear}`);
  }
  lines.push(
    "",
    zh
      ? `共 ${RULES.length} 条规则。调整级别：xxgk validate --rule 规则=off|info|warning|error；详细说明：xxgk rules --format json\n审阅整个地区的规则（REGION-*：发布期限、缺报、文字重复、数字跳变等）由 xxgk review 运行，见 docs/rules.md 和 docs/review.md。`
      : `${RULES.length} rules. Change a severity with xxgk validate --rule RULE=off|info|warning|error; details: xxgk rules --format json\nThe rules that review a whole region (REGION-*: deadlines, missing reports, repeated text, jumping figures…) run in xxgk review; see docs/rules.md and docs/review.md.`,
  );
  io.stdout.write(`${lines.join("\n")}\n`);
  return EXIT.ok;
}
