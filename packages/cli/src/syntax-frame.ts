/**
 * The code frame of a JSON syntax error, as compilers print them.
 */
import { msg, pick, type Lang } from "./i18n.js";
import type { JsonSyntaxProblem } from "./input/json-syntax.js";

/** `file:line:column`, the message, the offending line and a caret under the error. */
export function formatSyntaxProblem(name: string, problem: JsonSyntaxProblem, lang: Lang): string {
  const head = pick(
    msg(`${name}:${problem.line}:${problem.column}：JSON 语法错误：${problem.message.zh}`, `${name}:${problem.line}:${problem.column}: JSON syntax error: ${problem.message.en}`),
    lang,
  );
  const gutter = String(problem.line);
  return `${head}\n  ${gutter} | ${problem.lineText}\n  ${" ".repeat(gutter.length)} | ${" ".repeat(problem.caret)}^\n`;
}
