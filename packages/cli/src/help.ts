/**
 * Help screens, printed from the command specs.
 */
import { pick, type Lang } from "./i18n.js";
import { COMMANDS, GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from "./specs.js";
import { displayWidth } from "./text.js";

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(1, width - displayWidth(text)));
}

function optionHead(option: OptionSpec, lang: Lang): string {
  const value = typeof option.value === "object" ? pick(option.value, lang) : option.value;
  return `${option.short ? `-${option.short}, ` : "    "}--${option.name}${value ? ` ${value}` : ""}`;
}

function optionLines(all: readonly OptionSpec[], lang: Lang): string[] {
  // Old spellings kept working (render --to, rules --json) are not shown: help teaches the one spelling.
  const options = all.filter((option) => !option.hidden);
  const width = Math.max(...options.map((option) => displayWidth(optionHead(option, lang)))) + 2;
  return options.map((option) => `  ${pad(optionHead(option, lang), width)}${pick(option.description, lang)}`);
}

const EXIT_CODES = {
  zh: "退出码：0 成功（没有错误级问题）；1 有错误级问题；2 用法错误或读写失败。",
  en: "Exit codes: 0 success (no error-severity finding); 1 at least one; 2 usage or I/O error.",
};

/** Help for one command. */
export function commandHelp(spec: CommandSpec, lang: Lang): string {
  const zh = lang === "zh";
  const args = pick(spec.args, lang);
  const lines = [
    `${zh ? "用法" : "Usage"}: xxgk ${spec.name}${args ? ` ${args}` : ""} [${zh ? "选项" : "options"}]`,
    "",
    pick(spec.summary, lang),
  ];
  if (spec.description) lines.push("", ...pick(spec.description, lang).split("\n"));
  lines.push("", zh ? "选项：" : "Options:", ...optionLines([...spec.options, ...GLOBAL_OPTIONS], lang));
  lines.push("", zh ? "示例：" : "Examples:");
  const width = Math.max(...spec.examples.map((example) => displayWidth(example.command))) + 4;
  for (const example of spec.examples) lines.push(`  ${pad(example.command, width)}# ${pick(example.description, lang)}`);
  if (!spec.description?.zh.includes("退出码")) lines.push("", EXIT_CODES[lang]);
  return `${lines.join("\n")}\n`;
}

/** The top-level help. */
export function mainHelp(lang: Lang, version: string): string {
  const zh = lang === "zh";
  const width = Math.max(...COMMANDS.map((command) => command.name.length)) + 4;
  const lines = [
    zh
      ? `xxgk ${version} — 政府信息公开工作年度报告的校验、渲染与数据导出`
      : `xxgk ${version} — validate, render and export Government Information Disclosure Annual Reports`,
    "",
    `${zh ? "用法" : "Usage"}: xxgk <${zh ? "命令" : "command"}> [${zh ? "选项" : "options"}]`,
    `       xxgk            ${zh ? "不带参数：校验并渲染内置示例报告" : "no arguments: validate and render the bundled example report"}`,
    "",
    zh ? "命令：" : "Commands:",
    ...COMMANDS.map((command) => `  ${pad(command.name, width)}${pick(command.summary, lang)}`),
    "",
    zh ? "通用选项：" : "Global options:",
    ...optionLines([...GLOBAL_OPTIONS, { name: "version", short: "V", type: "boolean", description: { zh: "显示版本号", en: "show the version" } }], lang),
    "",
    zh ? "示例：" : "Examples:",
    "  xxgk init --year 2024 --body 某某市商务局 -o 2024.json",
    "  xxgk validate 2024.json",
    "  xxgk render 2024.json --format docx -o 2024.docx",
    "  xxgk export reports/ -o data.csv",
    "",
    zh ? "每个命令的详细用法：xxgk <命令> --help" : "Details of each command: xxgk <command> --help",
    EXIT_CODES[lang],
  ];
  return `${lines.join("\n")}\n`;
}
