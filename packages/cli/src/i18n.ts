/**
 * Message language. Chinese is the default; `--lang en` or `XXGK_LANG=en` switch to English.
 * LANG/LC_ALL are deliberately not consulted: servers and CI images default to `en_US.UTF-8` or `C.UTF-8`
 * while the people reading the messages are Chinese clerks.
 */
export type Lang = "zh" | "en";

/** A message in both languages. */
export interface Message {
  zh: string;
  en: string;
}

/** Builds a bilingual message. */
export function msg(zh: string, en: string): Message {
  return { zh, en };
}

/** Picks the message text for a language. */
export function pick(message: Message, lang: Lang): string {
  return lang === "en" ? message.en : message.zh;
}

/** True when a string names a supported language. */
export function isLang(value: unknown): value is Lang {
  return value === "zh" || value === "en";
}

/** The language from `--lang` in argv (scanned before full parsing, so usage errors use it too) or XXGK_LANG. */
export function detectLang(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Lang {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === "--") break;
    if (arg === "--lang" && isLang(argv[index + 1])) return argv[index + 1] as Lang;
    if (arg.startsWith("--lang=") && isLang(arg.slice(7))) return arg.slice(7) as Lang;
  }
  const fromEnv = env.XXGK_LANG?.toLowerCase().slice(0, 2);
  return fromEnv === "en" ? "en" : "zh";
}

/** `1 error`, `2 errors`: an English count with the noun in the singular or the plural. */
export function countEn(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}

/**
 * The counts of findings in both languages, only the kinds there are: `2 个错误、1 个警告` / `2 errors, 1 warning`
 * (never "0 个提示"); `没有发现问题` / `no findings` when there are none.
 */
export function findingCounts(counts: { error: number; warning: number; info: number }): Message {
  const zh = [
    counts.error ? `${counts.error} 个错误` : "",
    counts.warning ? `${counts.warning} 个警告` : "",
    counts.info ? `${counts.info} 个提示` : "",
  ].filter(Boolean);
  const en = [
    counts.error ? countEn(counts.error, "error") : "",
    counts.warning ? countEn(counts.warning, "warning") : "",
    counts.info ? countEn(counts.info, "info message") : "",
  ].filter(Boolean);
  return msg(zh.length > 0 ? zh.join("、") : "没有发现问题", en.length > 0 ? en.join(", ") : "no findings");
}
