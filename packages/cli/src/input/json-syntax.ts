/**
 * JSON syntax errors with a line, a column and the offending line. `JSON.parse` does the work; only when it fails
 * does a small scanner walk the text to find where and why, with hints for what people type by hand
 * (full-width punctuation, trailing commas, comments, single quotes).
 */
import { escapeTerminalText } from "../terminal-text.js";
import { msg, type Message } from "../i18n.js";
import { displayWidth } from "../text.js";

export { displayWidth };

/** Where and why a JSON text is not valid. */
export interface JsonSyntaxProblem {
  /** Offset in UTF-16 code units from the start of the text. */
  offset: number;
  /** 1-based line. */
  line: number;
  /** 1-based column, counted in characters (code points). */
  column: number;
  /** What is wrong. */
  message: Message;
  /** The offending line, shortened around the column when long. */
  lineText: string;
  /** Display cells before the error inside {@link lineText} (East Asian wide characters count two). */
  caret: number;
}

/** A key that appears twice in one object: `JSON.parse` keeps the last value and silently drops the earlier one. */
export interface JsonDuplicateKey extends JsonSyntaxProblem {
  /** The key, decoded. */
  key: string;
  /** JSON Pointer of the member (`/meta/year`). */
  pointer: string;
}

/** The result of {@link parseJsonText}. `duplicateKeys` is present (non-empty) only when an object repeats a key. */
export type JsonParseResult = { ok: true; value: unknown; duplicateKeys?: JsonDuplicateKey[] } | { ok: false; problem: JsonSyntaxProblem };

/**
 * Parses JSON text; on failure returns the first syntax problem with its position. Keys repeated within an object
 * (valid JSON, but a pasted duplicate cell loses a figure) are listed in `duplicateKeys`.
 */
export function parseJsonText(text: string): JsonParseResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: locateJsonSyntaxError(text) };
  }
  const duplicateKeys = findDuplicateKeys(text, value);
  return duplicateKeys.length > 0 ? { ok: true, value, duplicateKeys } : { ok: true, value };
}

/**
 * Every `"` followed by optional whitespace and `:`: each key of the text ends so, and so may a `\"` inside a string,
 * so this is at least the number of keys written in the text.
 */
function keyTokenBound(text: string): number {
  let count = 0;
  for (let index = text.indexOf('"'); index !== -1; index = text.indexOf('"', index + 1)) {
    let next = index + 1;
    let code = text.charCodeAt(next);
    while (code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09) code = text.charCodeAt(++next);
    if (code === 0x3a) count++;
  }
  return count;
}

/** The number of keys of every object of a parsed value (iterative: deep nesting cannot overflow the stack). */
function parsedKeyCount(value: unknown): number {
  let count = 0;
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== "object") continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === "object") pending.push(item);
      continue;
    }
    for (const key in node) {
      count++;
      const item = (node as Record<string, unknown>)[key];
      if (item !== null && typeof item === "object") pending.push(item);
    }
  }
  return count;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/**
 * The keys repeated within an object of a valid JSON text (`value` is its parse). Cheap on the usual text: when the
 * parsed objects hold as many keys as the text can have written ({@link keyTokenBound}), no key was dropped and the
 * text is not scanned; otherwise a scanner walks the text to find each repeat, its pointer and its position.
 */
export function findDuplicateKeys(text: string, value: unknown): JsonDuplicateKey[] {
  if (value === null || typeof value !== "object") return [];
  if (keyTokenBound(text) === parsedKeyCount(value)) return [];
  type Frame = { object: true; pointer: string; keys: Map<string, number>; key: string; expectKey: boolean } | { object: false; pointer: string; index: number };
  const stack: Frame[] = [];
  const found: JsonDuplicateKey[] = [];
  const childPointer = () => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    return top.object ? `${top.pointer}/${escapePointer(top.key)}` : `${top.pointer}/${top.index}`;
  };
  const length = text.length;
  let index = 0;
  while (index < length) {
    const char = text[index]!;
    if (char === '"') {
      const start = index;
      let end = index + 1;
      let escaped = false;
      while (end < length) {
        const code = text.charCodeAt(end);
        if (code === 0x5c) {
          escaped = true;
          end += 2;
        } else if (code === 0x22) break;
        else end++;
      }
      index = end + 1;
      const top = stack[stack.length - 1];
      if (top?.object && top.expectKey) {
        const key = escaped ? (JSON.parse(text.slice(start, index)) as string) : text.slice(start + 1, end);
        const first = top.keys.get(key);
        top.key = key;
        top.expectKey = false;
        if (first === undefined) top.keys.set(key, start);
        else {
          const where = locate(text, first);
          const problem = problemAt(
            text,
            start,
            msg(
              `键“${key}”已在第 ${where.line} 行第 ${where.column} 列出现过：JSON 中后一个值会覆盖前一个，前一个值被悄悄丢弃`,
              `"${key}" already appeared on line ${where.line}, column ${where.column}: the later value silently replaces the earlier one`,
            ),
          );
          found.push({ ...problem, key, pointer: `${top.pointer}/${escapePointer(key)}` });
        }
      }
      continue;
    }
    if (char === "{" || char === "[") {
      const pointer = childPointer();
      stack.push(char === "{" ? { object: true, pointer, keys: new Map(), key: "", expectKey: true } : { object: false, pointer, index: 0 });
    } else if (char === "}" || char === "]") stack.pop();
    else if (char === ",") {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
    }
    index++;
  }
  return found;
}

const FULL_WIDTH: Record<string, Message> = {
  "，": msg("全角逗号“，”应为半角“,”", 'full-width comma "，" must be ","'),
  "：": msg("全角冒号“：”应为半角“:”", 'full-width colon "：" must be ":"'),
  "“": msg("全角引号“应为半角双引号 \"", 'full-width quote "“" must be an ASCII double quote'),
  "”": msg("全角引号”应为半角双引号 \"", 'full-width quote "”" must be an ASCII double quote'),
  "｛": msg("全角括号“｛”应为半角“{”", 'full-width brace "｛" must be "{"'),
  "｝": msg("全角括号“｝”应为半角“}”", 'full-width brace "｝" must be "}"'),
  "［": msg("全角括号“［”应为半角“[”", 'full-width bracket "［" must be "["'),
  "］": msg("全角括号“］”应为半角“]”", 'full-width bracket "］" must be "]"'),
};

function describeChar(char: string): string {
  if (char === "\t") return "\\t";
  if (char === "\r") return "\\r";
  if (char === "\n") return "\\n";
  return char;
}

function unexpected(text: string, at: number, expected: Message): Message {
  const char = String.fromCodePoint(text.codePointAt(at)!);
  const hint = FULL_WIDTH[char];
  if (hint) return msg(`${hint.zh}`, `${hint.en}`);
  if (char === "/") return msg("JSON 不允许注释", "comments are not allowed in JSON");
  if (char === "'") return msg("JSON 字符串和属性名必须用双引号，不能用单引号", "JSON strings and property names need double quotes, not single quotes");
  return msg(`意外的字符“${describeChar(char)}”，${expected.zh}`, `unexpected character "${describeChar(char)}", ${expected.en}`);
}

type State = "value" | "firstValueOrEnd" | "firstKeyOrEnd" | "key" | "colon" | "afterValue";

interface Found {
  offset: number;
  message: Message;
}

function scanString(text: string, start: number): number | Found {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code === 0x5c) {
      const next = text[index + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          return { offset: index, message: msg("\\u 后应为 4 位十六进制数", "\\u must be followed by 4 hex digits") };
        }
        index += 6;
        continue;
      }
      if (next !== undefined && '"\\/bfnrt'.includes(next)) {
        index += 2;
        continue;
      }
      if (next === undefined) break;
      return { offset: index, message: msg(`无效的转义“\\${describeChar(next)}”`, `invalid escape "\\${describeChar(next)}"`) };
    }
    if (code < 0x20) {
      return {
        offset: index,
        message:
          code === 0x0a || code === 0x0d
            ? msg("字符串内不能直接换行（请写作 \\n），或缺少右引号", 'a string cannot contain a raw line break (write \\n), or its closing quote is missing')
            : msg("字符串内有未转义的控制字符", "unescaped control character in a string"),
      };
    }
    index++;
  }
  return { offset: start, message: msg("字符串缺少右引号", "unterminated string") };
}

function scanNumber(text: string, start: number): number | Found {
  const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(start, start + 400));
  if (!match) return { offset: start, message: msg("数字格式不正确", "invalid number") };
  const end = start + match[0].length;
  const next = text[end];
  if (next !== undefined && /[0-9.eE+\-]/.test(next)) {
    return { offset: end, message: msg("数字格式不正确（不允许前导 0、多余小数点或正号）", "invalid number (no leading zeros, extra dots or plus sign)") };
  }
  return end;
}

function previousSignificant(text: string, index: number): string | undefined {
  let at = index - 1;
  while (at >= 0 && /\s/.test(text[at]!)) at--;
  return text[at];
}

const EXPECT_VALUE = msg("此处应为一个值", "expected a value");

/** The first syntax problem of a JSON text, or undefined when the text is valid JSON (RFC 8259). */
export function findJsonSyntaxProblem(text: string): { offset: number; message: Message } | undefined {
  const stack: ("{" | "[")[] = [];
  let state: State = "value";
  let index = 0;
  const length = text.length;
  for (;;) {
    while (index < length && (text[index] === " " || text[index] === "\t" || text[index] === "\n" || text[index] === "\r")) index++;
    if (index >= length) {
      if (state === "afterValue" && stack.length === 0) return undefined;
      const closers = stack.map((open) => (open === "{" ? "}" : "]")).reverse().join("");
      return {
        offset: length,
        message: stack.length
          ? msg(`文件意外结束，缺少“${closers}”`, `unexpected end of file, missing "${closers}"`)
          : msg("文件意外结束（文件为空？）", "unexpected end of file (empty file?)"),
      };
    }
    const char = text[index]!;
    switch (state) {
      case "firstValueOrEnd":
      case "value": {
        if (state === "firstValueOrEnd" && char === "]") {
          stack.pop();
          index++;
          state = "afterValue";
          break;
        }
        if (char === "{" || char === "[") {
          stack.push(char);
          index++;
          state = char === "{" ? "firstKeyOrEnd" : "firstValueOrEnd";
          break;
        }
        let end: number | Found;
        if (char === '"') end = scanString(text, index);
        else if (char === "-" || (char >= "0" && char <= "9")) end = scanNumber(text, index);
        else if (text.startsWith("true", index)) end = index + 4;
        else if (text.startsWith("false", index)) end = index + 5;
        else if (text.startsWith("null", index)) end = index + 4;
        else if (char === "," || char === "}" || char === "]") {
          return {
            offset: index,
            message: (char === "}" || char === "]") && previousSignificant(text, index) === ","
              ? msg(`“${char}”前多了一个逗号（JSON 不允许尾随逗号）`, `trailing comma before "${char}" (not allowed in JSON)`)
              : msg(`此处应为一个值，却是“${char}”`, `expected a value, got "${char}"`),
          };
        } else return { offset: index, message: unexpected(text, index, EXPECT_VALUE) };
        if (typeof end !== "number") return end;
        index = end;
        state = "afterValue";
        break;
      }
      case "firstKeyOrEnd":
      case "key": {
        if (state === "firstKeyOrEnd" && char === "}") {
          stack.pop();
          index++;
          state = "afterValue";
          break;
        }
        if (char === "}") {
          return { offset: index, message: msg("“}”前多了一个逗号（JSON 不允许尾随逗号）", 'trailing comma before "}" (not allowed in JSON)') };
        }
        if (char !== '"') {
          return {
            offset: index,
            message: /[A-Za-z_$\u4e00-\u9fff]/.test(char)
              ? msg("属性名必须用双引号括起来", "property names must be in double quotes")
              : unexpected(text, index, msg("此处应为用双引号括起的属性名", "expected a property name in double quotes")),
          };
        }
        const end = scanString(text, index);
        if (typeof end !== "number") return end;
        index = end;
        state = "colon";
        break;
      }
      case "colon":
        if (char !== ":") return { offset: index, message: unexpected(text, index, msg("属性名后应为“:”", 'expected ":" after the property name')) };
        index++;
        state = "value";
        break;
      case "afterValue": {
        const top = stack[stack.length - 1];
        if (top === undefined) {
          return { offset: index, message: msg("JSON 值结束后还有多余内容", "unexpected content after the end of the JSON value") };
        }
        const close = top === "{" ? "}" : "]";
        if (char === ",") {
          index++;
          state = top === "{" ? "key" : "value";
          break;
        }
        if (char === close) {
          stack.pop();
          index++;
          break;
        }
        return {
          offset: index,
          message:
            char === '"' || char === "{" || char === "["
              ? msg(`缺少逗号“,”（或“${close}”）`, `missing "," (or "${close}")`)
              : unexpected(text, index, msg(`此处应为“,”或“${close}”`, `expected "," or "${close}"`)),
        };
      }
    }
  }
}

const WINDOW = 60;

/** Finds the first syntax error of a text that `JSON.parse` rejected. */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem {
  const found = findJsonSyntaxProblem(text) ?? { offset: 0, message: msg("JSON 无法解析", "JSON could not be parsed") };
  return problemAt(text, found.offset, found.message);
}

/** Line (1-based) and column (1-based, in characters) of an offset. */
function locate(text: string, offset: number): { line: number; column: number } {
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < lineStart; index = text.indexOf("\n", index + 1)) line++;
  return { line, column: Array.from(text.slice(lineStart, offset)).length + 1 };
}

/** A problem at an offset, with its line, column and the line shown around it. */
function problemAt(text: string, at: number, message: Message): JsonSyntaxProblem {
  const offset = Math.min(at, text.length);
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  let lineEnd = text.indexOf("\n", offset);
  if (lineEnd === -1) lineEnd = text.length;
  let line = 1;
  for (let index = text.indexOf("\n"); index !== -1 && index < lineStart; index = text.indexOf("\n", index + 1)) line++;
  const before = Array.from(text.slice(lineStart, offset));
  const after = Array.from(text.slice(offset, lineEnd).replace(/\r$/, ""));
  const column = before.length + 1;
  // Minified JSON is one long line: show a window around the error.
  const shownBefore = before.length > WINDOW ? ["…", ...before.slice(-WINDOW)] : before;
  const shownAfter = after.length > WINDOW ? [...after.slice(0, WINDOW), "…"] : after;
  // Control and bidi characters are shown as escapes (a file's bytes must not drive the terminal), before the
  // caret's column is measured so it still points at the error.
  const clean = (chars: string[]) => escapeTerminalText(chars.join(""));
  return {
    offset,
    line,
    column,
    message,
    lineText: clean(shownBefore) + clean(shownAfter),
    caret: displayWidth(clean(shownBefore)),
  };
}
