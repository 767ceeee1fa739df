/**
 * Argument parsing on `node:util` parseArgs, with the command specs as the single description of every option
 * and usage errors in Chinese or English.
 */
import { parseArgs } from "node:util";
import { CliError } from "./errors.js";
import { msg, type Lang } from "./i18n.js";
import { GLOBAL_OPTIONS, type CommandSpec, type OptionSpec } from "./specs.js";

/** Parsed options: strings, booleans or string lists. */
export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** The result of {@link parseCommandArgs}. */
export interface ParsedArgs {
  values: OptionValues;
  positionals: string[];
}

function usageError(zh: string, en: string, command: string): CliError {
  return new CliError(
    "usage",
    msg(`${zh}\n运行 xxgk ${command} --help 查看用法。`, `${en}\nRun xxgk ${command} --help for usage.`),
  );
}

function quoted(message: string): string | undefined {
  return /'([^']+)'/.exec(message)?.[1];
}

function optionLabel(option: OptionSpec): string {
  return `--${option.name}`;
}

/**
 * `-f` once meant `--force` and now means `--format` (as in eslint). Where an old command line would now fail with
 * a puzzling message (`-f` at the end, `-f -o out.json`, `-f report.json`) or where the command has no format at all
 * (`init -f`), the error says what changed.
 */
function checkFormerForceFlag(spec: CommandSpec, argv: readonly string[], options: readonly OptionSpec[]): void {
  const format = options.find((option) => option.short === "f");
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--") return;
    if (arg !== "-f") continue;
    const next = argv[index + 1];
    const meant = format?.choices?.some((choice) => choice.toLowerCase() === next?.toLowerCase());
    if (format && meant) continue;
    const what = format ? `-f 是 --format 的简写，后面应为 ${format.choices?.join("、") ?? "格式"}` : "此命令没有 -f 选项";
    const whatEn = format ? `-f is short for --format and takes ${format.choices?.join(", ") ?? "a format"}` : "this command has no -f option";
    throw usageError(
      `${what}${next === undefined || !format ? "" : `，实为“${next}”`}。要覆盖已存在的输出文件，请写 --force（-f 已不再表示 --force）。`,
      `${whatEn}${next === undefined || !format ? "" : `, got "${next}"`}. To overwrite an existing output file, write --force (-f no longer means --force).`,
      spec.name,
    );
  }
}

/**
 * Parses a command's arguments. Throws a usage {@link CliError}. Help requests are returned as `values.help`.
 * Values of options with `choices` are accepted in any case and given as the choice is spelled (`--profile AUDIT`
 * is `audit`); a hidden alias (`render --to`, `rules --json`) is given under the name of the option it stands for.
 */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = [...spec.options, ...GLOBAL_OPTIONS];
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const option of options) {
    config[option.name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) };
  }
  if (!argv.includes("--help") && !argv.includes("-h")) checkFormerForceFlag(spec, argv, options);
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const name = quoted(message) ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const formerForce = name === "-f" || /^-f[^-]/.test(name);
      throw usageError(
        `未知选项：${name}${formerForce ? "。要覆盖已存在的输出文件，请写 --force（-f 已不再表示 --force）。" : ""}`,
        `unknown option: ${name}${formerForce ? ". To overwrite an existing output file, write --force (-f no longer means --force)." : ""}`,
        spec.name,
      );
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const option = name.split(" ")[0]!;
      const takesValue = options.find((candidate) => `--${candidate.name}` === option || `-${candidate.short}` === option)?.type === "string";
      throw takesValue
        ? usageError(`选项 ${option} 需要一个值`, `option ${option} needs a value`, spec.name)
        : usageError(`选项 ${option} 不接受值`, `option ${option} takes no value`, spec.name);
    }
    throw usageError(`参数错误：${message}`, `invalid arguments: ${message}`, spec.name);
  }
  const values = parsed.values as OptionValues;
  if (values.help) return { values, positionals: parsed.positionals };
  for (const option of options) {
    const value = values[option.name];
    if (option.choices && value !== undefined) {
      const list = Array.isArray(value) ? value : [String(value)];
      const spelled: string[] = [];
      for (const item of list) {
        const choice = option.choices.find((candidate) => candidate.toLowerCase() === item.toLowerCase());
        if (choice === undefined) {
          // `-fo out.json` once meant --force -o: say so when a short -f group gave the bad value.
          const formerForce = option.short === "f" && argv.some((arg) => /^-f[^-]/.test(arg));
          throw usageError(
            `${optionLabel(option)} 的值“${item}”无效，可选：${option.choices.join("、")}${formerForce ? "。-f 是 --format 的简写；要覆盖已存在的输出文件，请写 --force（-f 已不再表示 --force）。" : ""}`,
            `invalid value "${item}" for ${optionLabel(option)}; choose one of: ${option.choices.join(", ")}${formerForce ? ". -f is short for --format; to overwrite an existing output file, write --force (-f no longer means --force)." : ""}`,
            spec.name,
          );
        }
        spelled.push(choice);
      }
      values[option.name] = Array.isArray(value) ? spelled : spelled[0];
    }
  }
  for (const option of options) {
    if (!option.aliasOf || values[option.name] === undefined) continue;
    const value = option.type === "boolean" ? option.aliasValue : values[option.name];
    delete values[option.name];
    if (value === undefined || value === false) continue;
    const current = values[option.aliasOf];
    if (current !== undefined && current !== value) {
      throw usageError(
        `${optionLabel(option)} 是 --${option.aliasOf} 的旧写法，两者的值不同（${String(value)} 与 ${String(current)}）`,
        `${optionLabel(option)} is the old spelling of --${option.aliasOf}, and the two disagree (${String(value)} and ${String(current)})`,
        spec.name,
      );
    }
    values[option.aliasOf] = value;
  }
  const count = parsed.positionals.length;
  if (count < spec.positionals.min) {
    throw usageError(`缺少参数 ${spec.args.zh}`, `missing argument ${spec.args.en}`, spec.name);
  }
  if (count > spec.positionals.max) {
    const extra = parsed.positionals.slice(spec.positionals.max).join(" ");
    throw usageError(`多余的参数：${extra}`, `unexpected arguments: ${extra}`, spec.name);
  }
  return { values, positionals: parsed.positionals };
}

/** A string option's value. */
export function stringOption(values: OptionValues, name: string): string | undefined {
  const value = values[name];
  return typeof value === "string" ? value : undefined;
}

/** A boolean option's value. */
export function flag(values: OptionValues, name: string): boolean {
  return values[name] === true;
}

/** A repeatable option's values. */
export function listOption(values: OptionValues, name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

/** Parses `--jobs`; defaults to the number of CPU cores. */
export function jobsOption(values: OptionValues, command: string, cores: number): number {
  const raw = stringOption(values, "jobs");
  if (raw === undefined) return cores;
  const jobs = Number(raw);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) {
    throw usageError(`--jobs 应为 1 到 256 之间的整数，实为“${raw}”`, `--jobs must be an integer from 1 to 256, got "${raw}"`, command);
  }
  return jobs;
}

/** Parses `--max-warnings`: a whole number of warnings allowed, or undefined when not given. */
export function maxWarningsOption(values: OptionValues, command: string): number | undefined {
  const raw = stringOption(values, "max-warnings");
  if (raw === undefined) return undefined;
  const limit = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(limit)) {
    throw usageError(`--max-warnings 应为 0 或正整数，实为“${raw}”`, `--max-warnings must be a whole number (0 or more), got "${raw}"`, command);
  }
  return limit;
}

/** Re-exported for commands that need their own usage errors. */
export { usageError };

/** Language of a parsed command (already detected earlier; kept for symmetry). */
export function langOf(values: OptionValues, fallback: Lang): Lang {
  const value = stringOption(values, "lang");
  return value === "en" || value === "zh" ? value : fallback;
}
