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
      return { zh: `字符串 ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`, en: "a string" };
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
      if (issue.origin === "string" || issue.origin === "array") {
        return [base("too_small", "不能为空", "must not be empty")];
      }
      return [
        base(
          "too_small",
          `应不小于 ${String(issue.minimum)}，实为 ${String(received)}`,
          `must be at least ${String(issue.minimum)}, got ${String(received)}`,
        ),
      ];
    }
    case "too_big": {
      const received = valueAt(input, issue.path);
      return [
        base(
          "too_big",
          `应不大于 ${String(issue.maximum)}，实为 ${String(received)}`,
          `must be at most ${String(issue.maximum)}, got ${String(received)}`,
        ),
      ];
    }
    case "invalid_format": {
      const field = path[0] === "meta" ? (path[1] as keyof typeof META_FORMAT_HINTS) : undefined;
      const hint = field !== undefined ? META_FORMAT_HINTS[field] : undefined;
      const received = valueAt(input, issue.path);
      const got = typeof received === "string" ? `“${received.length > 30 ? `${received.slice(0, 30)}…` : received}”` : "";
      return hint
        ? [base("invalid_format", `格式不正确${got ? `：${got}` : ""}，应为${hint.zh}`, `malformed${got ? ` ${JSON.stringify(received)}` : ""}: expected ${hint.en}`)]
        : [base("invalid_format", `格式不正确（${issue.format}）`, `invalid format (${issue.format})`)];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) =>
        base("unknown_key", `未知字段“${key}”`, `unknown property "${key}"`, [...path, key]),
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
        return [
          base(
            "unknown_edition",
            edition === undefined
              ? `缺少 edition（格式版本），应为 ${EDITIONS.map((item) => `"${item}"`).join(" 或 ")}`
              : `未知的格式版本 edition=${JSON.stringify(edition)}，应为 ${EDITIONS.map((item) => `"${item}"`).join(" 或 ")}`,
            edition === undefined
              ? `missing edition; expected ${EDITIONS.map((item) => `"${item}"`).join(" or ")}`
              : `unknown edition ${JSON.stringify(edition)}; expected ${EDITIONS.map((item) => `"${item}"`).join(" or ")}`,
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
    result = schema().safeParse(input);
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
  if (result.success) return { success: true, report: result.data, issues: [] };
  return { success: false, issues: result.error.issues.flatMap((issue) => translate(issue, input)) };
}

/** True when the value is a structurally valid report. */
export function isReport(input: unknown): input is Report {
  return parseReport(input).success;
}
