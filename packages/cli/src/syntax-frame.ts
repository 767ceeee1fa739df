/**
 * The code frame of a JSON syntax error (or of a repeated key), as compilers print them.
 */
import { escapeTerminalText } from "./terminal-text.js";
import { msg, pick, type Lang } from "./i18n.js";
import type { JsonDuplicateKey, JsonSyntaxProblem } from "./input/json-syntax.js";

/** `file:line:column`, the message, the offending line and a caret under the error. */
export function formatSyntaxProblem(name: string, problem: JsonSyntaxProblem | JsonDuplicateKey, lang: Lang): string {
  const what = "key" in problem ? msg("JSON 键重复", "duplicate JSON key") : msg("JSON 语法错误", "JSON syntax error");
  const file = escapeTerminalText(name);
  const head = pick(
    msg(
      `${file}:${problem.line}:${problem.column}：${what.zh}：${escapeTerminalText(problem.message.zh)}`,
      `${file}:${problem.line}:${problem.column}: ${what.en}: ${escapeTerminalText(problem.message.en)}`,
    ),
    lang,
  );
  const gutter = String(problem.line);
  return `${head}\n  ${gutter} | ${problem.lineText}\n  ${" ".repeat(gutter.length)} | ${" ".repeat(problem.caret)}^\n`;
}
