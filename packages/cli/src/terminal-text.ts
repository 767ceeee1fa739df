/**
 * Escaping text for the terminal, without loading the rule engine: the same characters as @xxgk/validators'
 * `escapeTerminalText` (a test asserts the two agree), kept here because run.ts and context.ts load at start-up,
 * before any command, and must stay small.
 */
const TERMINAL_UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Shows control and bidi characters as escapes (`\x1b`, `\u202e`); with `keepNewlines`, line feeds stay. */
export function escapeTerminalText(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(TERMINAL_UNSAFE, (character) => {
    if (options.keepNewlines && character === "\n") return character;
    if (character === "\t") return " ";
    const code = character.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
