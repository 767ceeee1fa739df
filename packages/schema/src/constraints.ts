/**
 * Value constraints of the metadata fields, shared by the zod schema and the zod-free structure check, so that
 * both say the same thing from one definition.
 */

/** Report years the format covers: 2019 (the first edition) up to a sanity bound. */
export const REPORT_YEAR_RANGE = { min: 2019, max: 2100 } as const;

/** 6-digit 行政区划代码 (GB/T 2260): the first digit is never 0. */
export const REGION_CODE_PATTERN = /^[1-9]\d{5}$/;

/** 18-character 统一社会信用代码 (GB 32100-2015) shape; the check digit is verified by the validators. */
export const CREDIT_CODE_PATTERN = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/**
 * An ISO 8601 calendar date (YYYY-MM-DD) with real month lengths and leap years: the same pattern zod's
 * `z.iso.date()` applies (a test asserts they agree).
 */
export const ISO_DATE_PATTERN =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))$/;

/** The administrative level of the reporting body, with its Chinese name. */
export const BODY_LEVELS = {
  "national-department": "国务院部门",
  "provincial-government": "省级人民政府",
  "provincial-department": "省级政府部门",
  "municipal-government": "市级人民政府",
  "municipal-department": "市级政府部门",
  "county-government": "县级人民政府",
  "county-department": "县级政府部门",
  "township-government": "乡镇人民政府（街道办事处）",
  other: "其他",
} as const;

/** Key of a body level. */
export type BodyLevel = keyof typeof BODY_LEVELS;

/** Chinese names of the metadata fields (the JSON Schema titles and the labels of diagnostics). */
export const META_FIELD_LABELS = {
  body: "发布机关",
  year: "报告年度",
  title: "报告标题",
  publishedOn: "发布日期",
  regionCode: "行政区划代码",
  creditCode: "统一社会信用代码",
  level: "机关层级",
  source: "来源",
} as const;

/** What a well-formed value of each patterned metadata field looks like, for messages. */
export const META_FORMAT_HINTS = {
  publishedOn: { zh: "YYYY-MM-DD 格式的真实日期（如 2024-01-20）", en: "a real date written YYYY-MM-DD (e.g. 2024-01-20)" },
  regionCode: { zh: "6 位数字（如 640200），首位不为 0", en: "six digits (e.g. 640200), not starting with 0" },
  creditCode: {
    zh: "18 位数字或大写字母（不含 I、O、S、V、Z）",
    en: "18 digits or capital letters (no I, O, S, V or Z)",
  },
} as const;

/** Label of the metadata group in diagnostics. */
export const META_GROUP_LABEL = "报告信息";
