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

/** Parses a command's arguments. Throws a usage {@link CliError}. Help requests are returned as `values.help`. */
export function parseCommandArgs(spec: CommandSpec, argv: readonly string[]): ParsedArgs {
  const options = [...spec.options, ...GLOBAL_OPTIONS];
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }> = {};
  for (const option of options) {
    config[option.name] = { type: option.type, ...(option.short ? { short: option.short } : {}), ...(option.multiple ? { multiple: true } : {}) };
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...argv], options: config, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    const name = quoted(message) ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      throw usageError(`未知选项：${name}`, `unknown option: ${name}`, spec.name);
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
      // Choices are read in any case (`--profile AUDIT`) and passed on as the spec spells them.
      const canonical = (item: string) => option.choices!.find((choice) => choice.toLowerCase() === item.toLowerCase()) ?? item;
      const list = Array.isArray(value) ? value.map(canonical) : [canonical(String(value))];
      (values as Record<string, unknown>)[option.name] = Array.isArray(value) ? list : list[0];
      for (const item of list) {
        if (!option.choices.includes(item)) {
          throw usageError(
            `${optionLabel(option)} 的值“${item}”无效，可选：${option.choices.join("、")}`,
            `invalid value "${item}" for ${optionLabel(option)}; choose one of: ${option.choices.join(", ")}`,
            spec.name,
          );
        }
      }
    }
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

/** Re-exported for commands that need their own usage errors. */
export { usageError };

/** Language of a parsed command (already detected earlier; kept for symmetry). */
export function langOf(values: OptionValues, fallback: Lang): Lang {
  const value = stringOption(values, "lang");
  return value === "en" || value === "zh" ? value : fallback;
}
