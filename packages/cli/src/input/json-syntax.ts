/**
 * JSON syntax errors with a line, a column and the offending line; keys repeated within an object; the place of any
 * value in the text. `JSON.parse` does the work on the usual, well-formed file; only when it fails, or when the text
 * may repeat a key, does jsonc-parser (the parser of VS Code's JSON support, used here in strict JSON mode: no
 * comments, no trailing commas) walk the text to say where and why. Its error codes are turned into messages for
 * what people type by hand (full-width punctuation, trailing commas, comments, single quotes).
 */
import { createScanner, printParseErrorCode, visit, type ParseErrorCode } from "jsonc-parser";
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

/** Escapes a key for a JSON Pointer segment (RFC 6901). */
export function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

// jsonc-parser's token kinds (its `SyntaxKind`, a const enum that isolated modules cannot inline).
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const COMMA = 5;
const COLON = 6;
const END_OF_FILE = 17;

/** Start and end (exclusive) offsets of a value in the text. */
export interface ValueSpan {
  start: number;
  end: number;
}

/** An open object or array during {@link walkValidJson}. */
interface Frame {
  object: boolean;
  pointer: string;
  start: number;
  key: string;
  expectKey: boolean;
  index: number;
  /** The keys seen so far in this object, with the offset of each one's first occurrence. */
  keys?: Map<string, number>;
}

interface WalkCallbacks {
  /** A member key, at the offset of its opening quote, in the object `frame`. */
  key?(key: string, offset: number, frame: Frame): void;
  /** A value and where it is; containers are reported when they close. */
  value?(pointer: string, span: ValueSpan): void;
}

/**
 * Walks the tokens of a text that is valid JSON (jsonc-parser's scanner decodes the strings) with an explicit stack,
 * so the deepest nesting cannot overflow the call stack, giving each key and each value with its JSON Pointer.
 */
function walkValidJson(text: string, callbacks: WalkCallbacks): void {
  const stack: Frame[] = [];
  const scanner = createScanner(text, true);
  const wantValues = callbacks.value !== undefined;
  const childPointer = (): string => {
    const top = stack[stack.length - 1];
    if (!top) return "";
    return top.object ? `${top.pointer}/${escapePointer(top.key)}` : `${top.pointer}/${top.index}`;
  };
  for (let token = scanner.scan(); token !== END_OF_FILE; token = scanner.scan()) {
    const top = stack[stack.length - 1];
    if (token === COLON) continue;
    if (token === COMMA) {
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
      continue;
    }
    if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      const frame = stack.pop()!;
      if (wantValues) callbacks.value!(frame.pointer, { start: frame.start, end: scanner.getTokenOffset() + 1 });
      continue;
    }
    if (top?.object && top.expectKey) {
      top.key = scanner.getTokenValue();
      top.expectKey = false;
      callbacks.key?.(top.key, scanner.getTokenOffset(), top);
      continue;
    }
    const pointer = childPointer();
    const start = scanner.getTokenOffset();
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      stack.push({ object: token === OPEN_BRACE, pointer, start, key: "", expectKey: true, index: 0 });
    } else if (wantValues) {
      callbacks.value!(pointer, { start, end: start + scanner.getTokenLength() });
    }
  }
}

/**
 * The keys repeated within an object of a valid JSON text (`value` is its parse). Cheap on the usual text: when the
 * parsed objects hold as many keys as the text can have written ({@link keyTokenBound}), no key was dropped and the
 * text is not walked; otherwise its tokens are walked to find each repeat, its pointer and its position.
 */
export function findDuplicateKeys(text: string, value: unknown): JsonDuplicateKey[] {
  if (value === null || typeof value !== "object") return [];
  if (keyTokenBound(text) === parsedKeyCount(value)) return [];
  const found: JsonDuplicateKey[] = [];
  let lines: LineIndex | undefined;
  walkValidJson(text, {
    key(key, offset, frame) {
      frame.keys ??= new Map();
      const first = frame.keys.get(key);
      if (first === undefined) {
        frame.keys.set(key, offset);
        return;
      }
      lines ??= lineIndex(text);
      const where = lines.position(first);
      const problem = problemAt(
        text,
        offset,
        msg(
          `键“${key}”已在第 ${where.line} 行第 ${where.column} 列出现过：JSON 中后一个值会覆盖前一个，前一个值被悄悄丢弃`,
          `"${key}" already appeared on line ${where.line}, column ${where.column}: the later value silently replaces the earlier one`,
        ),
      );
      found.push({ ...problem, key, pointer: `${frame.pointer}/${escapePointer(key)}` });
    },
  });
  return found;
}

/** Line starts of a text, for turning offsets into 1-based lines and columns (columns in code points). */
export interface LineIndex {
  position(offset: number): { line: number; column: number };
}

/** Indexes the line starts of a text (lines end at `\n`; a `\r` before it belongs to the line). */
export function lineIndex(text: string): LineIndex {
  const starts = [0];
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
  return {
    position(offset) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle]! <= offset) low = middle;
        else high = middle - 1;
      }
      const lineStart = starts[low]!;
      let column = 1;
      for (let index = lineStart; index < offset; index++) {
        const code = text.charCodeAt(index);
        // A surrogate pair is one character.
        if (code >= 0xd800 && code <= 0xdbff && index + 1 < offset) {
          const next = text.charCodeAt(index + 1);
          if (next >= 0xdc00 && next <= 0xdfff) index++;
        }
        column++;
      }
      return { line: low + 1, column };
    },
  };
}

/** A SARIF-style text region: 1-based lines and columns (code points), the end column just after the last character. */
export interface SourceRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

function parentPointer(pointer: string): string | undefined {
  if (pointer === "") return undefined;
  return pointer.slice(0, pointer.lastIndexOf("/"));
}

/**
 * The region of the value at each JSON Pointer of a valid JSON text. A pointer to a member the text does not have
 * (a required key that is missing) gets the region of its closest ancestor that exists; the whole text for `""`.
 * Walks the text once, and only when asked (`xxgk validate --format sarif` for a file with findings).
 */
export function locatePointers(text: string, pointers: Iterable<string>): Map<string, SourceRegion> {
  const wanted = new Set<string>();
  const requested = [...new Set(pointers)];
  for (const pointer of requested) {
    for (let at: string | undefined = pointer; at !== undefined && !wanted.has(at); at = parentPointer(at)) wanted.add(at);
  }
  const spans = new Map<string, ValueSpan>();
  if (wanted.size > 0) {
    walkValidJson(text, {
      value(pointer, span) {
        // The last value wins, as in JSON.parse: where a key is repeated, the value checked is the later one.
        if (wanted.has(pointer)) spans.set(pointer, span);
      },
    });
  }
  const lines = lineIndex(text);
  const regions = new Map<string, SourceRegion>();
  for (const pointer of requested) {
    let at: string | undefined = pointer;
    while (at !== undefined && !spans.has(at)) at = parentPointer(at);
    if (at === undefined) continue;
    const span = spans.get(at)!;
    const start = lines.position(span.start);
    const end = lines.position(span.end);
    regions.set(pointer, { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column });
  }
  return regions;
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

function previousSignificant(text: string, index: number): string | undefined {
  let at = index - 1;
  while (at >= 0 && (text[at] === " " || text[at] === "\t" || text[at] === "\n" || text[at] === "\r")) at--;
  return text[at];
}

const EXPECT_VALUE = msg("此处应为一个值", "expected a value");
const INVALID_NUMBER = msg("数字格式不正确", "invalid number");

/** Inside a string token that jsonc-parser refused, the first escape or character at fault. */
function stringFault(text: string, start: number, end: number): { offset: number; message: Message } | undefined {
  for (let index = start + 1; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5c) {
      const next = text[index + 1];
      if (next === "u") {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
          return { offset: index, message: msg("\\u 后应为 4 位十六进制数", "\\u must be followed by 4 hex digits") };
        }
        index += 5;
      } else if (next !== undefined && '"\\/bfnrt'.includes(next)) index++;
      else if (next !== undefined) {
        return { offset: index, message: msg(`无效的转义“\\${describeChar(next)}”`, `invalid escape "\\${describeChar(next)}"`) };
      }
    } else if (code < 0x20) {
      return code === 0x0a || code === 0x0d
        ? {
            offset: index,
            message: msg("字符串内不能直接换行（请写作 \\n），或缺少右引号", "a string cannot contain a raw line break (write \\n), or its closing quote is missing"),
          }
        : { offset: index, message: msg("字符串内有未转义的控制字符", "unescaped control character in a string") };
    }
  }
  return undefined;
}

/** The parse state at the first error, kept by the visitor. */
interface ErrorContext {
  /** The containers open at the error, outermost first. */
  open: ("{" | "[")[];
  /** True when the error is where a member name belongs (after `{` or after `,` in an object). */
  expectKey: boolean;
  /** True when the top-level value has ended. */
  ended: boolean;
}

/** Turns jsonc-parser's first error into a message with hints. */
function describeError(text: string, code: ParseErrorCode, offset: number, length: number, context: ErrorContext): { offset: number; message: Message } {
  const kind = printParseErrorCode(code);
  const char = text[offset];
  const atEnd = offset >= text.length;
  // jsonc-parser reports a missing closer just after it has ended the container: count it as still open.
  const open = kind === "CloseBraceExpected" ? [...context.open, "{"] : kind === "CloseBracketExpected" ? [...context.open, "["] : context.open;
  const endOfFile = () => {
    const closers = open.map((open) => (open === "{" ? "}" : "]")).reverse().join("");
    return {
      offset: text.length,
      message: closers
        ? msg(`文件意外结束，缺少“${closers}”`, `unexpected end of file, missing "${closers}"`)
        : msg("文件意外结束（文件为空？）", "unexpected end of file (empty file?)"),
    };
  };
  const close = open[open.length - 1] === "{" ? "}" : "]";
  switch (kind) {
    case "UnexpectedEndOfString":
    case "InvalidCharacter":
    case "InvalidEscapeCharacter":
    case "InvalidUnicode": {
      const fault = stringFault(text, offset, Math.min(text.length, offset + length + 1));
      if (fault) return fault;
      return { offset, message: msg("字符串缺少右引号", "unterminated string") };
    }
    case "InvalidCommentToken":
    case "UnexpectedEndOfComment":
      return { offset, message: msg("JSON 不允许注释", "comments are not allowed in JSON") };
    case "InvalidNumberFormat":
    case "UnexpectedEndOfNumber":
      return { offset, message: INVALID_NUMBER };
    case "EndOfFileExpected":
    case "CommaExpected":
    case "CloseBraceExpected":
    case "CloseBracketExpected": {
      if (atEnd) return endOfFile();
      // A number followed by more number characters: a leading zero (01), a second dot or a plus sign.
      if (/[0-9.eE+-]/.test(char!) && /[0-9]/.test(text[offset - 1] ?? "")) {
        return { offset, message: msg("数字格式不正确（不允许前导 0、多余小数点或正号）", "invalid number (no leading zeros, extra dots or plus sign)") };
      }
      if (kind === "EndOfFileExpected") {
        return { offset, message: msg("JSON 值结束后还有多余内容", "unexpected content after the end of the JSON value") };
      }
      if (char === '"' || char === "{" || char === "[") return { offset, message: msg(`缺少逗号“,”（或“${close}”）`, `missing "," (or "${close}")`) };
      return { offset, message: unexpected(text, offset, msg(`此处应为“,”或“${close}”`, `expected "," or "${close}"`)) };
    }
    case "ColonExpected":
      if (atEnd) return endOfFile();
      return { offset, message: unexpected(text, offset, msg("属性名后应为“:”", 'expected ":" after the property name')) };
    case "PropertyNameExpected":
      if (atEnd) return endOfFile();
      if (char === "}") return { offset, message: msg("“}”前多了一个逗号（JSON 不允许尾随逗号）", 'trailing comma before "}" (not allowed in JSON)') };
      return { offset, message: unexpected(text, offset, msg("此处应为用双引号括起的属性名", "expected a property name in double quotes")) };
    case "InvalidSymbol":
      if (context.ended) return { offset, message: msg("JSON 值结束后还有多余内容", "unexpected content after the end of the JSON value") };
      if (context.expectKey && /[A-Za-z_$\u4e00-\u9fff]/.test(char!)) {
        return { offset, message: msg("属性名必须用双引号括起来", "property names must be in double quotes") };
      }
      if (char === "-" || (char! >= "0" && char! <= "9")) return { offset, message: INVALID_NUMBER };
      return { offset, message: unexpected(text, offset, context.expectKey ? msg("此处应为用双引号括起的属性名", "expected a property name in double quotes") : EXPECT_VALUE) };
    default: {
      // ValueExpected
      if (atEnd) return endOfFile();
      if (char === "," || char === "}" || char === "]") {
        return {
          offset,
          message:
            (char === "}" || char === "]") && previousSignificant(text, offset) === ","
              ? msg(`“${char}”前多了一个逗号（JSON 不允许尾随逗号）`, `trailing comma before "${char}" (not allowed in JSON)`)
              : msg(`此处应为一个值，却是“${char}”`, `expected a value, got "${char}"`),
        };
      }
      return { offset, message: unexpected(text, offset, EXPECT_VALUE) };
    }
  }
}

/** The first syntax problem of a JSON text, or undefined when the text is valid JSON (RFC 8259). */
export function findJsonSyntaxProblem(text: string): { offset: number; message: Message } | undefined {
  let first: { offset: number; message: Message } | undefined;
  const open: ("{" | "[")[] = [];
  let expectKey = false;
  let ended = false;
  try {
    visit(
      text,
      {
        onObjectBegin: () => {
          open.push("{");
          expectKey = true;
        },
        onObjectEnd: () => {
          open.pop();
          expectKey = false;
          ended = open.length === 0;
        },
        onArrayBegin: () => {
          open.push("[");
          expectKey = false;
        },
        onArrayEnd: () => {
          open.pop();
          ended = open.length === 0;
        },
        onLiteralValue: () => {
          ended = open.length === 0;
        },
        onObjectProperty: () => {
          expectKey = false;
        },
        onSeparator: (character) => {
          if (character === ",") expectKey = open[open.length - 1] === "{";
        },
        onError: (code, offset, length) => {
          first ??= describeError(text, code, offset, length, { open: [...open], expectKey, ended });
        },
      },
      { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
    );
  } catch (error) {
    // jsonc-parser descends recursively: thousands of nested brackets overflow the call stack.
    if (!(error instanceof RangeError)) throw error;
    first ??= { offset: 0, message: msg("JSON 嵌套层数过多，无法定位语法错误", "JSON nested too deeply to locate the syntax error") };
  }
  return first;
}

const WINDOW = 60;

/** Finds the first syntax error of a text that `JSON.parse` rejected. */
export function locateJsonSyntaxError(text: string): JsonSyntaxProblem {
  const found = findJsonSyntaxProblem(text) ?? { offset: 0, message: msg("JSON 无法解析", "JSON could not be parsed") };
  return problemAt(text, found.offset, found.message);
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
