/**
 * Parsing any JSON value into a report: structured issues with a path and a message in Chinese and English,
 * never an exception, never a ZodError across the package boundary.
 */
import { z } from "zod";
import { EDITIONS, type Edition } from "./layout.js";
import { labelOfPointer } from "./cells.js";
import { META_FORMAT_HINTS } from "./constraints.js";
import { ReportSchema, type Report } from "./schema.js";

/** The kind of a schema issue. */
export type SchemaIssueCode =
  | "invalid_type"
  | "not_integer"
  | "too_small"
  | "too_big"
  | "invalid_format"
  | "unknown_key"
  | "invalid_value"
  | "unknown_edition"
  | "invalid_input";

/** One problem found by {@link parseReport}: plain data. */
export interface SchemaIssue {
  /** What kind of problem. */
  code: SchemaIssueCode;
  /** Property path from the report root. */
  path: (string | number)[];
  /** RFC 6901 JSON Pointer of the same place (`""` for the root). */
  pointer: string;
  /** Human label of the place: a cell label (`表三 / 自然人 / （七）总计`), a section heading, or the pointer. */
  label: string;
  /** Message in Chinese. */
  message: string;
  /** Message in English. */
  messageEn: string;
}

/** The result of {@link parseReport}. */
export type ParseResult = { success: true; report: Report; issues: [] } | { success: false; report?: undefined; issues: SchemaIssue[] };

function toPointer(path: readonly PropertyKey[]): string {
  return path.map((part) => `/${String(part).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

function describeType(value: unknown): { zh: string; en: string } {
  if (value === null) return { zh: "null", en: "null" };
  if (Array.isArray(value)) return { zh: "数组", en: "an array" };
  switch (typeof value) {
    case "string":
      return { zh: `字符串 ${JSON.stringify(clip(value, 20))}`, en: "a string" };
    case "number":
      return { zh: `数字 ${value}`, en: `the number ${value}` };
    case "boolean":
      return { zh: "布尔值", en: "a boolean" };
    case "object":
      return { zh: "对象", en: "an object" };
    case "undefined":
      return { zh: "缺失", en: "missing" };
    default:
      return { zh: typeof value, en: typeof value };
  }
}

/** Longest piece of input echoed in a message: an issue names the problem, it does not copy the file. */
const PREVIEW_CHARS = 40;

function clip(text: string, max = PREVIEW_CHARS): string {
  const characters = Array.from(text.length > max * 2 ? text.slice(0, max * 2) : text);
  return characters.length > max ? `${characters.slice(0, max).join("")}…` : characters.join("");
}

/**
 * A short, safe rendering of any JSON value for a message: numbers, booleans and null as written, a string quoted
 * and clipped, an array or object by its kind. Never calls `String` or `JSON.stringify` on an object (an object
 * with a `toString` key, or nested 10,000 deep, would throw).
 */
function preview(value: unknown): { zh: string; en: string } {
  if (typeof value === "number" || typeof value === "boolean" || value === null) return { zh: String(value), en: String(value) };
  if (typeof value === "string") {
    const quoted = JSON.stringify(clip(value));
    return { zh: quoted, en: quoted };
  }
  return describeType(value);
}

const EXPECTED: Record<string, { zh: string; en: string }> = {
  number: { zh: "数字", en: "a number" },
  int: { zh: "整数", en: "an integer" },
  string: { zh: "字符串", en: "a string" },
  object: { zh: "对象", en: "an object" },
  array: { zh: "数组", en: "an array" },
  null: { zh: "null", en: "null" },
  boolean: { zh: "布尔值", en: "a boolean" },
};

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    if (!Object.hasOwn(node, key as string)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function translate(issue: z.core.$ZodIssue, input: unknown): SchemaIssue[] {
  const path = issue.path.map((part) => (typeof part === "number" ? part : String(part)));
  const base = (code: SchemaIssueCode, message: string, messageEn: string, at = path): SchemaIssue => {
    const pointer = toPointer(at);
    const edition = (input as { edition?: unknown } | null)?.edition;
    const label = EDITIONS.includes(edition as Edition) ? labelOfPointer(edition as Edition, pointer) : pointer || "（根）";
    return { code, path: at, pointer, label, message, messageEn };
  };
  switch (issue.code) {
    case "invalid_type": {
      const received = valueAt(input, issue.path);
      const got = describeType(received);
      if (received === undefined) return [base("invalid_type", "缺少必填项", "required property is missing")];
      const expected = EXPECTED[issue.expected] ?? { zh: issue.expected, en: issue.expected };
      if (issue.expected === "int" && typeof received === "number") {
        return [base("not_integer", `应为整数，实为 ${received}`, `expected an integer, got ${received}`)];
      }
      const hint = typeof received === "string" && /^[-+]?\d+(\.\d+)?$/.test(received.trim()) ? "（数字不要加引号）" : "";
      const hintEn = hint ? " (write numbers without quotes)" : "";
      return [
        base(
          "invalid_type",
          `应为${expected.zh}，实为${got.zh}${hint}`,
          `expected ${expected.en}, got ${got.en}${hintEn}`,
        ),
      ];
    }
    case "too_small": {
      const received = valueAt(input, issue.path);
      // zod also runs a length check on a value of the wrong type that happens to have a `length` key; the
      // invalid_type issue at the same place already says what is wrong.
      if (issue.origin === "unknown") return [];
      if (issue.origin === "string" || issue.origin === "array") {
        return [base("too_small", "不能为空", "must not be empty")];
      }
      const got = preview(received);
      return [
        base(
          "too_small",
          `应不小于 ${String(issue.minimum)}，实为 ${got.zh}`,
          `must be at least ${String(issue.minimum)}, got ${got.en}`,
        ),
      ];
    }
    case "too_big": {
      if (issue.origin === "unknown") return [];
      const got = preview(valueAt(input, issue.path));
      return [
        base(
          "too_big",
          `应不大于 ${String(issue.maximum)}，实为 ${got.zh}`,
          `must be at most ${String(issue.maximum)}, got ${got.en}`,
        ),
      ];
    }
    case "invalid_format": {
      const field = path[0] === "meta" ? (path[1] as keyof typeof META_FORMAT_HINTS) : undefined;
      const hint = field !== undefined ? META_FORMAT_HINTS[field] : undefined;
      const received = valueAt(input, issue.path);
      const got = typeof received === "string" ? `“${clip(received, 30)}”` : "";
      return hint
        ? [base("invalid_format", `格式不正确${got ? `：${got}` : ""}，应为${hint.zh}`, `malformed${got ? ` ${JSON.stringify(clip(received as string, 30))}` : ""}: expected ${hint.en}`)]
        : [base("invalid_format", `格式不正确（${issue.format}）`, `invalid format (${issue.format})`)];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        base("unknown_key", `未知字段“${clip(key)}”`, `unknown property ${JSON.stringify(clip(key))}`, [...path, key]),
      );
    case "invalid_value":
      return [
        base(
          "invalid_value",
          `取值应为 ${issue.values.map((value) => JSON.stringify(value)).join("、")}`,
          `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`,
        ),
      ];
    case "invalid_union": {
      if (path.length === 0 || (path.length === 1 && path[0] === "edition")) {
        const edition = valueAt(input, ["edition"]);
        const shown = preview(edition);
        return [
          base(
            "unknown_edition",
            edition === undefined
              ? `缺少 edition（格式版本），应为 ${EDITIONS.map((item) => `"${item}"`).join(" 或 ")}`
              : `未知的格式版本 edition=${shown.zh}，应为 ${EDITIONS.map((item) => `"${item}"`).join(" 或 ")}`,
            edition === undefined
              ? `missing edition; expected ${EDITIONS.map((item) => `"${item}"`).join(" or ")}`
              : `unknown edition ${shown.en}; expected ${EDITIONS.map((item) => `"${item}"`).join(" or ")}`,
            ["edition"],
          ),
        ];
      }
      return [base("invalid_input", "取值不符合任何允许的形式", "value matches none of the allowed shapes")];
    }
    default:
      return [base("invalid_input", issue.message, issue.message)];
  }
}

/**
 * Most JSON values (objects, arrays, strings, numbers… counted one by one) a value may have to be checked. A real
 * report has about 300 (1,000 with long prose); 20,000 leaves room for any honest file, while a hostile one (10 MB
 * of `null` paragraphs is two million values) is refused in milliseconds instead of costing minutes and gigabytes.
 */
export const MAX_REPORT_VALUES = 20_000;

/** At most this many issues are listed; one more says how many were left out. */
export const MAX_SCHEMA_ISSUES = 1_000;

/**
 * Counts the values of `input` without recursion (10,000-deep nesting is fine) and stops past the limit. Returns
 * the pointer of the largest container seen when over the limit, else undefined.
 */
function oversized(input: unknown): { pointer: string; size: number } | undefined {
  let count = 0;
  let largest = { pointer: "", size: 0 };
  const stack: { value: unknown; pointer: string }[] = [{ value: input, pointer: "" }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    count += 1;
    if (value === null || typeof value !== "object") continue;
    const keys = Array.isArray(value) ? undefined : Object.keys(value);
    const size = keys ? keys.length : (value as unknown[]).length;
    if (size > largest.size) largest = { pointer, size };
    if (count + size > MAX_REPORT_VALUES) return largest;
    if (keys) for (const key of keys) stack.push({ value: (value as Record<string, unknown>)[key], pointer: `${pointer}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}` });
    else for (let index = 0; index < size; index += 1) stack.push({ value: (value as unknown[])[index], pointer: `${pointer}/${index}` });
  }
  return undefined;
}

let compiled: z.ZodType<Report, Report> | undefined;

function schema(): z.ZodType<Report, Report> {
  compiled ??= z.compile(ReportSchema);
  return compiled;
}

/**
 * Checks any value against the report format. Never throws: every problem comes back as a {@link SchemaIssue}
 * with its path. The returned report is a fresh copy, so the input is never aliased.
 */
export function parseReport(input: unknown): ParseResult {
  let result: z.ZodSafeParseResult<Report>;
  try {
    if (input === null || typeof input !== "object" || Array.isArray(input)) {
      const got = describeType(input);
      return {
        success: false,
        issues: [
          {
            code: "invalid_type",
            path: [],
            pointer: "",
            label: "（根）",
            message: `报告应为 JSON 对象，实为${got.zh}`,
            messageEn: `a report must be a JSON object, got ${got.en}`,
          },
        ],
      };
    }
    const tooBig = oversized(input);
    if (tooBig) {
      const where = tooBig.pointer === "" ? "（根）" : clip(tooBig.pointer, 80);
      return {
        success: false,
        issues: [
          {
            code: "too_big",
            path: [],
            pointer: "",
            label: "（根）",
            message: `输入过大：超过 ${MAX_REPORT_VALUES} 个 JSON 值（${where} 有 ${tooBig.size} 项），一份报告通常约 300 个；未逐项检查`,
            messageEn: `input too large: over ${MAX_REPORT_VALUES} JSON values (${where} has ${tooBig.size} entries) where a report has about 300; not checked item by item`,
          },
        ],
      };
    }
    result = schema().safeParse(input);
    if (result.success) return { success: true, report: result.data, issues: [] };
    const listed = result.error.issues.slice(0, MAX_SCHEMA_ISSUES).flatMap((issue) => translate(issue, input));
    const left = result.error.issues.length - MAX_SCHEMA_ISSUES;
    if (left > 0) {
      listed.push({
        code: "invalid_input",
        path: [],
        pointer: "",
        label: "（根）",
        message: `另有 ${left} 处结构问题未列出`,
        messageEn: `${left} more structural problem${left === 1 ? "" : "s"} not listed`,
      });
    }
    return { success: false, issues: listed };
  } catch (error) {
    return {
      success: false,
      issues: [
        {
          code: "invalid_input",
          path: [],
          pointer: "",
          label: "（根）",
          message: `无法检查该输入：${error instanceof Error ? error.message : String(error)}`,
          messageEn: `the input could not be checked: ${error instanceof Error ? error.message : String(error)}`,
        },
      ],
    };
  }
}

/** True when the value is a structurally valid report. */
export function isReport(input: unknown): input is Report {
  return parseReport(input).success;
}
