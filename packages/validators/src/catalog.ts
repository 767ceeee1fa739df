/**
 * The rule catalog: every rule as data (id, titles, message templates, severities, editions, basis, rationale,
 * a failing example) plus how the one engine evaluates it. Docs and SARIF rule metadata are generated from it.
 */
import { beijingDate, beijingYear, editionForYear, EDITIONS, LAYOUTS, SECTION_LAYOUTS, type Edition } from "@xxgk/schema/layout";
import { CellStatus, diagnosticCell } from "./cell-values.js";
import { checkCreditCode, checkRegionCode } from "./codes.js";
import type { Finding, RuleContext } from "./context.js";
import { carryOverIdentities, identitiesOf, inForceIdentities, type Identity } from "./identities.js";
import { optionProblems } from "./options.js";
import { findFigures, joinTexts, proseTexts } from "./prose.js";
import type { RuleDefinition } from "./types.js";

/** How the engine evaluates a rule. */
export type Evaluator =
  /** Structural issues from `parseReport`. */
  | { readonly kind: "schema" }
  /** Arithmetic identities; `undefined` identities with a finding: the rule is not assessable as a whole. */
  | {
      readonly kind: "identity";
      readonly identities: (context: RuleContext) => readonly Identity[] | { readonly notAssessable: Finding };
    }
  /** Any other check. */
  | { readonly kind: "check"; readonly check: (context: RuleContext) => Finding[] };

/** A catalog entry: public metadata and its evaluator. */
export interface CatalogEntry extends RuleDefinition {
  readonly evaluator: Evaluator;
}

const BOTH: readonly Edition[] = EDITIONS;

const PASS: Finding = Object.freeze({ outcome: "pass" });
const pass = (): Finding => PASS;
const blocked = (...pointers: string[]): Finding => ({ outcome: "not-assessable", pointers });

function metaField(context: RuleContext, key: string): unknown {
  return context.document.meta?.[key];
}

function integerYear(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

const SECTION_HEADING = Object.fromEntries(SECTION_LAYOUTS.map((section) => [section.key, section.heading]));
const SECTION_ENGLISH = Object.fromEntries(SECTION_LAYOUTS.map((section) => [section.key, section.english]));

const cellOf = diagnosticCell;

// ---------------------------------------------------------------------------------------------------------
// Check functions

function checkOptions(context: RuleContext): Finding[] {
  const { rules, profile, today } = context.options;
  const findings: Finding[] = optionProblems(
    rules,
    profile,
    CATALOG.map((entry) => entry.id)
  ).map((problem) => ({
    outcome: "fail",
    params: {
      option: problem.kind === "invalid-profile" ? "profile" : "rules",
      problem: problem.message,
      effect: problem.kind === "invalid-profile" ? "已按 publish 检查" : "已忽略",
    },
    paramsEn: {
      option: problem.kind === "invalid-profile" ? "profile" : "rules",
      problem: problem.messageEn,
      effect: problem.kind === "invalid-profile" ? "checked with publish" : "ignored",
    },
    pointers: [],
    cells: [],
  }));
  if (today !== undefined && !(today instanceof Date && !Number.isNaN(today.getTime()))) {
    findings.push({
      outcome: "fail",
      params: { option: "today", problem: "不是有效的日期", effect: "已使用当前日期" },
      paramsEn: { option: "today", problem: "is not a valid date", effect: "the current date was used" },
      pointers: [],
      cells: [],
    });
  }
  return findings;
}

function checkCellValues(context: RuleContext): Finding[] {
  const values = context.document.values;
  if (!values) return [];
  const findings: Finding[] = [];
  values.status.forEach((status, index) => {
    if (status === CellStatus.Blank || status === CellStatus.Missing || status === CellStatus.Unreadable) return;
    if (status === CellStatus.Ok) {
      findings.push(pass());
      return;
    }
    const info = values.table.cells[index]!;
    const raw = values.raw[index];
    let problem: string;
    let problemEn: string;
    if (typeof raw === "string") {
      const numeric = /^\s*[-+]?\d+(\.\d+)?\s*$/.test(raw);
      problem = `应为数字，实为文字“${raw.length > 20 ? `${raw.slice(0, 20)}…` : raw}”${
        numeric ? "（数字不要加引号）" : "（单位、符号不要写进单元格）"
      }`;
      problemEn = `expected a number, got the text ${JSON.stringify(raw)}${
        numeric ? " (write numbers without quotes)" : " (no units or symbols in cells)"
      }`;
    } else if (typeof raw === "number" && !Number.isFinite(raw)) {
      // JSON.parse reads 1e309 as Infinity.
      problem = `不是有限的数字（${raw}）`;
      problemEn = `is not a finite number (${raw})`;
    } else if (typeof raw !== "number") {
      const kind = Array.isArray(raw) ? ["数组", "an array"] : typeof raw === "object" ? ["对象", "an object"] : [String(raw), String(raw)];
      problem = `应为数字，实为${Array.isArray(raw) || typeof raw === "object" ? "" : " "}${kind[0]}`;
      problemEn = `expected a number, got ${kind[1]}`;
    } else if (info.kind !== "amount" && !Number.isInteger(raw)) {
      problem = `应为整数，实为 ${raw}`;
      problemEn = `expected an integer, got ${raw}`;
    } else {
      problem = `不能为负数，实为 ${raw}`;
      problemEn = `must not be negative, got ${raw}`;
    }
    findings.push({
      outcome: "fail",
      params: { cell: info.label, problem },
      paramsEn: { cell: values.table.labelsEn[index]!, problem: problemEn },
      pointers: [info.pointer],
      cells: [cellOf(values, index)],
    });
  });
  return findings;
}

function checkBlankCells(context: RuleContext): Finding[] {
  const values = context.document.values;
  if (!values) return [];
  const groups = values.table.blankGroups;
  if (!values.status.includes(CellStatus.Blank)) return groups.map(pass);
  const findings: Finding[] = [];
  for (const members of groups) {
    const blank = members.filter((index) => values.status[index] === CellStatus.Blank);
    if (blank.length === 0) {
      findings.push(pass());
      continue;
    }
    const first = values.table.cells[members[0]!]!;
    const firstEn = values.table.labelsEn[members[0]!]!.split(" / ");
    const scope =
      first.table === "table3"
        ? `表三“${first.labels.column}”一列`
        : first.table === "table4"
        ? `表四“${first.labels.row}”`
        : `表二“${first.labels.row}”`;
    const scopeEn = first.table === "table3" ? `Table 3, column “${firstEn[1]}”` : `${firstEn[0]}, “${firstEn[1]}”`;
    const whole = blank.length === members.length;
    const names = blank.map((index) => {
      const cell = values.table.cells[index]!;
      return cell.table === "table3" ? cell.labels.row : cell.labels.column;
    });
    const namesEn = blank.map((index) => values.table.labelsEn[index]!.split(" / ")[2]!);
    const list = (items: string[], separator: string, more: (count: number) => string) =>
      items.length <= 5 ? items.join(separator) : `${items.slice(0, 5).join(separator)}${more(items.length - 5)}`;
    findings.push({
      outcome: "fail",
      params: {
        scope,
        count: blank.length,
        cells: whole ? "整体空白" : list(names, "、", (count) => ` 等（另有 ${count} 个）`),
      },
      paramsEn: {
        scope: scopeEn,
        count: blank.length,
        cells: whole ? "all blank" : list(namesEn, ", ", (count) => ` and ${count} more`),
      },
      pointers: blank.map((index) => values.table.cells[index]!.pointer),
      cells: blank.map((index) => cellOf(values, index)),
    });
  }
  return findings;
}

function checkEditionYear(context: RuleContext): Finding[] {
  const year = integerYear(metaField(context, "year"));
  const edition = context.document.record?.edition;
  if (year === undefined) return [blocked("/meta/year")];
  if (edition !== "2021" && edition !== "2019") return [blocked("/edition")];
  const expected = editionForYear(year);
  if (expected === edition) return [pass()];
  return [
    {
      outcome: "fail",
      params: {
        year,
        edition,
        expectedEdition: expected ? `${expected} 版（${LAYOUTS[expected].basis}）` : "无（2019 年以前的报告不适用统一格式）",
      },
      paramsEn: {
        year,
        edition,
        expectedEdition: expected
          ? `edition ${expected} (${LAYOUTS[expected].basis})`
          : "none (reports before 2019 have no national layout)",
      },
      pointers: ["/edition", "/meta/year"],
      cells: [],
    },
  ];
}

function checkYearNotFuture(context: RuleContext): Finding[] {
  const year = integerYear(metaField(context, "year"));
  if (year === undefined) return [blocked("/meta/year")];
  const currentYear = beijingYear(context.today);
  if (year < currentYear) return [pass()];
  // A report is written after its year ends: the current year has not ended yet (today is within it).
  const [problem, problemEn] =
    year === currentYear
      ? [`尚未结束（今天是 ${isoDate(context.today)}）`, `has not ended yet (today is ${isoDate(context.today)})`]
      : [`晚于当前年份 ${currentYear}`, `is after the current year ${currentYear}`];
  return [{ outcome: "fail", params: { year, problem }, paramsEn: { year, problem: problemEn }, pointers: ["/meta/year"], cells: [] }];
}

/** True for a real calendar date written YYYY-MM-DD (2024-02-29 yes, 2024-02-30 and 2100-02-29 no). */
function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

/** The date of an instant in Beijing: the format's dates are Beijing dates, whatever the machine's time zone. */
function isoDate(date: Date): string {
  return beijingDate(date);
}

function checkPublishedOn(context: RuleContext): Finding[] {
  const publishedOn = metaField(context, "publishedOn");
  if (publishedOn === undefined) return [];
  const year = integerYear(metaField(context, "year"));
  // Not a string: a structural problem SCHEMA reports.
  if (typeof publishedOn !== "string") return [blocked("/meta/publishedOn")];
  if (!isRealDate(publishedOn)) {
    return [
      {
        outcome: "fail",
        params: { publishedOn: `“${publishedOn}”`, problem: "不是有效的日期（应为 YYYY-MM-DD 格式的真实日期，如 2024-01-20）" },
        paramsEn: {
          publishedOn: JSON.stringify(publishedOn),
          problem: "is not a valid date (write a real date as YYYY-MM-DD, e.g. 2024-01-20)",
        },
        pointers: ["/meta/publishedOn"],
        cells: [],
      },
    ];
  }
  if (year === undefined) return [blocked("/meta/year")];
  const today = isoDate(context.today);
  if (publishedOn <= `${year}-12-31`) {
    return [
      {
        outcome: "fail",
        params: { publishedOn, problem: `早于报告年度结束（${year} 年 12 月 31 日）` },
        paramsEn: { publishedOn, problem: `is before the end of the report year (${year}-12-31)` },
        pointers: ["/meta/publishedOn", "/meta/year"],
        cells: [],
      },
    ];
  }
  if (publishedOn > today) {
    return [
      {
        outcome: "fail",
        params: { publishedOn, problem: `晚于今天（${today}）` },
        paramsEn: { publishedOn, problem: `is after today (${today})` },
        pointers: ["/meta/publishedOn"],
        cells: [],
      },
    ];
  }
  return [pass()];
}

function checkCreditCodeRule(context: RuleContext): Finding[] {
  const code = metaField(context, "creditCode");
  if (code === undefined) return [];
  if (typeof code !== "string") return [blocked("/meta/creditCode")];
  const result = checkCreditCode(code);
  if (result.ok) return [pass()];
  const problems: Record<typeof result.reason, [string, string]> = {
    length: [`应为 18 位，实为 ${code.length} 位`, `must have 18 characters, has ${code.length}`],
    character: [
      "含有不允许的字符（只用数字和大写字母，不用 I、O、S、V、Z）",
      "contains characters outside the GB 32100-2015 alphabet (digits and capitals except I, O, S, V, Z)",
    ],
    shape: [
      "第 3–8 位应为数字（登记管理机关行政区划码）",
      "positions 3–8 must be digits (the registering authority's region code)",
    ],
    checksum: [
      `校验位应为 ${result.expectedCheck ?? ""}，实为 ${code[17] ?? ""}`,
      `the check character should be ${result.expectedCheck ?? ""}, not ${code[17] ?? ""}`,
    ],
  };
  const [problem, problemEn] = problems[result.reason];
  return [
    {
      outcome: "fail",
      params: { code, problem },
      paramsEn: { code, problem: problemEn },
      pointers: ["/meta/creditCode"],
      cells: [],
    },
  ];
}

function checkRegionCodeRule(context: RuleContext): Finding[] {
  const code = metaField(context, "regionCode");
  if (code === undefined) return [];
  if (typeof code !== "string") return [blocked("/meta/regionCode")];
  const result = checkRegionCode(code);
  if (result.ok) return [pass()];
  const [problem, problemEn] =
    result.reason === "shape"
      ? ["应为 6 位数字", "must be six digits"]
      : [`前两位 ${code.slice(0, 2)} 不是省级行政区划代码`, `${code.slice(0, 2)} is not a province code`];
  return [
    {
      outcome: "fail",
      params: { code, problem },
      paramsEn: { code, problem: problemEn },
      pointers: ["/meta/regionCode"],
      cells: [],
    },
  ];
}

/** A body name for comparison: full-width letters, digits and spaces as half-width (NFKC), without whitespace. */
function normaliseBody(body: string): string {
  return body.normalize("NFKC").replace(/\s+/g, "");
}

/**
 * Two body names are the same body only when equal after normalising width and whitespace. A shorter name is not
 * taken as the same body (区人民政府 is not 淮安市洪泽区人民政府): the warning shows both names to check.
 */
function sameBody(left: string, right: string): boolean {
  return normaliseBody(left) === normaliseBody(right);
}

function checkPreviousReport(context: RuleContext): Finding[] {
  const previous = context.previous;
  if (!previous) return [];
  if (!previous.meta) {
    return [
      {
        outcome: "not-assessable",
        pointers: [],
        reason: { zh: "上年报告没有报告信息（meta）", en: "the previous report has no metadata (meta)" },
      },
    ];
  }
  const findings: Finding[] = [];
  const year = integerYear(metaField(context, "year"));
  const previousYear = integerYear(previous.meta?.year);
  if (year === undefined || previousYear === undefined) findings.push(blocked("/meta/year"));
  else if (previousYear !== year - 1) {
    findings.push({
      outcome: "fail",
      params: { problem: `年度为 ${previousYear}，应为 ${year - 1}（跨年度勾稽关系不予评估）` },
      paramsEn: { problem: `is for ${previousYear}, not ${year - 1} (the cross-year identities are not assessed)` },
      pointers: ["/meta/year"],
      cells: [],
    });
  } else findings.push(pass());
  const body = metaField(context, "body");
  const previousBody = previous.meta?.body;
  if (typeof body !== "string" || typeof previousBody !== "string") findings.push(blocked("/meta/body"));
  else if (!sameBody(body, previousBody)) {
    findings.push({
      outcome: "fail",
      params: { problem: `的发布机关为“${previousBody}”，与本报告“${body}”不同` },
      paramsEn: { problem: `is by “${previousBody}”, not “${body}”` },
      pointers: ["/meta/body"],
      cells: [],
    });
  } else findings.push(pass());
  return findings;
}

/** Cross-year identities are assessable only with a readable previous report of the preceding year. */
function crossYearIdentities(
  context: RuleContext,
  build: (edition: Edition, previousEdition: Edition) => readonly Identity[]
): readonly Identity[] | { notAssessable: Finding } {
  const previous = context.previous!;
  const edition = context.document.edition;
  if (!previous.edition) {
    return {
      notAssessable: {
        outcome: "not-assessable",
        pointers: [],
        reason: {
          zh: "上年报告无法读取（不是报告，或无法确定其格式版本）",
          en: "the previous report cannot be read (not a report, or its edition cannot be told)",
        },
      },
    };
  }
  if (!edition) return { notAssessable: blocked("/edition") };
  const year = integerYear(metaField(context, "year"));
  const previousYear = integerYear(previous.meta?.year);
  if (year !== undefined && previousYear !== undefined && previousYear !== year - 1) {
    return {
      notAssessable: {
        outcome: "not-assessable",
        pointers: ["/meta/year"],
        reason: {
          zh: `上年报告年度为 ${previousYear}，不是 ${year - 1}`,
          en: `the previous report is for ${previousYear}, not ${year - 1}`,
        },
      },
    };
  }
  return build(edition, previous.edition);
}

const REQUIRED_PROSE = ["overview", "problemsAndImprovements", "otherMatters"] as const;

function checkRequiredProse(context: RuleContext): Finding[] {
  return REQUIRED_PROSE.map((key): Finding => {
    const texts = proseTexts(context.document.input, key);
    if (!texts) return blocked(`/${key}`);
    if (texts.some((entry) => entry.text.trim().length > 0 && !entry.pointer.endsWith("/title"))) return pass();
    return {
      outcome: "fail",
      params: { heading: SECTION_HEADING[key]! },
      paramsEn: { heading: SECTION_ENGLISH[key]! },
      pointers: [`/${key}`],
      cells: [],
    };
  });
}

function checkFeeMention(context: RuleContext): Finding[] {
  const texts = proseTexts(context.document.input, "otherMatters");
  if (!texts) return [blocked("/otherMatters")];
  if (joinTexts(texts).includes("信息处理费")) return [pass()];
  return [{ outcome: "fail", params: {}, pointers: ["/otherMatters"], cells: [] }];
}

function checkProseFigures(context: RuleContext): Finding[] {
  const values = context.document.values;
  const texts = proseTexts(context.document.input, "overview");
  if (!texts) return [blocked("/overview")];
  const figures = findFigures(texts, { year: integerYear(metaField(context, "year")) });
  if (figures.length === 0) return [];
  return figures.map((figure): Finding => {
    const indexes = figure.target.pointers.map((pointer) => values?.table.index.get(pointer));
    if (!values || indexes.some((index) => index === undefined)) return blocked(figure.pointer, ...figure.target.pointers);
    const blocking = indexes
      .filter((index) => values.status[index!] !== CellStatus.Ok)
      .map((index) => values.table.cells[index!]!.pointer);
    if (blocking.length > 0) return blocked(...blocking);
    const expected = indexes.reduce((sum: number, index) => sum + values.values[index!]!, 0);
    const cells = indexes.map((index) => cellOf(values, index!));
    if (expected === figure.value) return pass();
    const section = figure.pointer.split("/")[1]!;
    return {
      outcome: "fail",
      params: { section: SECTION_HEADING[section] ?? section, phrase: figure.phrase, quantity: figure.target.zh },
      paramsEn: { section: SECTION_ENGLISH[section] ?? section, phrase: figure.phrase, quantity: figure.target.en },
      pointers: [figure.pointer, ...figure.target.pointers],
      cells,
      stated: figure.value,
      statedBy: [figure.pointer],
      expected,
      difference: figure.value - expected,
    };
  });
}

// ---------------------------------------------------------------------------------------------------------
// The catalog

const FORM_2021 = "国办公开办函〔2021〕30号";
const FORM_2019 = "国办公开办函〔2019〕60号";

/** Every rule, in the order diagnostics are reported. */
export const CATALOG: readonly CatalogEntry[] = [
  {
    id: "OPTIONS",
    title: { zh: "检查选项有效", en: "The options are valid" },
    message: { zh: "选项 {option}：{problem}，{effect}。", en: "Option {option}: {problem}; {effect}." },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "structure",
    reference: {
      zh: "validate 的选项 rules、profile、today（命令行 --rule、--profile、--today）",
      en: "The options rules, profile and today of validate (command line --rule, --profile, --today)",
    },
    rationale: {
      zh: "写错的规则编号或级别不会生效：把 T3-SUM-ROW 写成 t3-sum-row 并不会关闭该规则。validate 从不抛出异常，因此每个无效选项作为一条错误报告（规则编号区分大小写，大小写不同时提示正确的编号），无效的选项被忽略（检查档按 publish）。checkRuleOptions 以数据形式返回同样的问题，供命令行在检查前拒绝。",
      en: "A mistyped rule id or severity has no effect: t3-sum-row does not turn T3-SUM-ROW off. validate never throws, so each invalid option is reported as an error (rule ids are case-sensitive; a different case gets the right id suggested) and the option is ignored (the profile falls back to publish). checkRuleOptions returns the same problems as data, for the command line to reject them before checking.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "规则编号写成小写", en: "a rule id written in lower case" },
        edits: [],
        options: { rules: { "t3-sum-row": "off" } },
      },
    ],
    evaluator: { kind: "check", check: checkOptions },
  },
  {
    id: "SCHEMA",
    title: { zh: "结构符合报告格式", en: "Structure matches the report format" },
    message: { zh: "{label}：{message}", en: "{label}: {message}" },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "structure",
    reference: { zh: "@xxgk/schema 的报告结构（JSON Schema）", en: "The report structure of @xxgk/schema (JSON Schema)" },
    rationale: {
      zh: "报告必须先符合统一结构，才能逐项核对数字。结构问题（缺少字段、未知字段、类型错误）逐一列出，并附 JSON 指针，每份报告最多列出 200 个，其余合并为一条“及另外 N 个结构问题”。单元格取值问题由 CELL-VALUE 报告，发布日期、统一社会信用代码、行政区划代码的取值问题由相应的 META 规则报告（规则关闭时仍由本规则报告），其余规则照常在可读取的部分上评估。",
      en: "A report must have the format's structure before its figures can be checked. Each structural problem (missing or unknown property, wrong type) is listed with its JSON Pointer, at most 200 per report, the rest summed up as '… and N more structural problems'. Bad cell values are reported by CELL-VALUE, and bad publication dates, credit codes and division codes by their META rules (by this rule when that rule is off); every other rule is still evaluated on whatever can be read.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: {
          zh: "meta 中出现格式未定义的字段 author",
          en: "meta holds a property the format does not define (author)",
        },
        edits: [{ pointer: "/meta/author", value: "张三" }],
      },
    ],
    evaluator: { kind: "schema" },
  },
  {
    id: "META-EDITION-YEAR",
    title: { zh: "格式版本与报告年度相符", en: "Edition matches the report year" },
    message: {
      zh: "报告年度为 {year}，应使用{expectedEdition}，实为 {edition} 版格式。",
      en: "The report year is {year}, which calls for {expectedEdition}; the report uses edition {edition}.",
    },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "metadata",
    reference: {
      zh: `${FORM_2021}（2021 年度起）；${FORM_2019}（2019、2020 年度）`,
      en: `${FORM_2021} (report years 2021 onward); ${FORM_2019} (2019 and 2020)`,
    },
    rationale: {
      zh: "2021 年度起的报告按国办公开办函〔2021〕30号格式编制，2019、2020 年度按〔2019〕60号试行格式编制。两版表二、表三（（六）其他处理）不同，版本用错会使表格无法比对。",
      en: "Reports for 2021 onward use the 2021 format; 2019 and 2020 use the 2019 trial format. The two differ in table 2 and in table 3's （六）其他处理, so the wrong edition makes the tables incomparable.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: ["2021"],
        description: { zh: "2020 年度的报告标为 2021 版格式", en: "a 2020 report marked as edition 2021" },
        edits: [
          { pointer: "/meta/year", value: 2020 },
          { pointer: "/meta/publishedOn", value: "2021-01-20" },
        ],
      },
      {
        editions: ["2019"],
        description: { zh: "2022 年度的报告仍用 2019 版格式", en: "a 2022 report still in edition 2019" },
        edits: [
          { pointer: "/meta/year", value: 2022 },
          { pointer: "/meta/publishedOn", value: "2023-01-20" },
        ],
      },
    ],
    evaluator: { kind: "check", check: checkEditionYear },
  },
  {
    id: "META-YEAR-FUTURE",
    title: { zh: "报告年度已经结束", en: "The report year has ended" },
    message: {
      zh: "报告年度 {year} {problem}：年度报告在报告年度结束后编制。",
      en: "The report year {year} {problem}: an annual report is written after its year ends.",
    },
    severity: { publish: "error", audit: "warning" },
    editions: BOTH,
    basis: "metadata",
    reference: { zh: "《中华人民共和国政府信息公开条例》第四十九条", en: "Regulations on Open Government Information, art. 49" },
    rationale: {
      zh: "年度报告总结已经结束的年度（条例第五十条：次年 1 月 31 日、3 月 31 日前公布），因此报告年度应早于今天所在的年份。报告年度为今年或以后几乎总是录入错误，常见的是把发布年份写成了报告年度。发布前检查（publish）视为错误；审阅已发布报告（audit）视为警告，因为这是报告原貌，需要核对而不能改写。",
      en: "An annual report covers a year that has ended (art. 50: published by 31 January / 31 March of the next year), so the report year must be before the current year. A report year of this year or later is almost always a typing error, typically the publication year written as the report year. Before publication (publish) it is an error; when auditing a published report (audit) it is a warning, since the report was published that way and can only be checked, not corrected.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "报告年度写成 2099", en: "the report year typed as 2099" },
        edits: [
          { pointer: "/meta/year", value: 2099 },
          { pointer: "/meta/publishedOn", remove: true },
        ],
      },
    ],
    evaluator: { kind: "check", check: checkYearNotFuture },
  },
  {
    id: "META-PUBLISHED-ON",
    title: { zh: "发布日期合理", en: "Publication date is plausible" },
    message: { zh: "发布日期 {publishedOn} {problem}。", en: "The publication date {publishedOn} {problem}." },
    severity: { publish: "warning", audit: "warning" },
    editions: BOTH,
    basis: "metadata",
    reference: {
      zh: "《中华人民共和国政府信息公开条例》第五十条（次年 1 月 31 日、3 月 31 日前公布）",
      en: "Regulations art. 50 (published by 31 January / 31 March of the next year)",
    },
    rationale: {
      zh: "年度报告在报告年度结束后公布（部门在次年 1 月 31 日前，政府在 3 月 31 日前）；早于年度结束或晚于今天的发布日期说明年度或日期录错。",
      en: "A report is published after its year ends (departments by 31 January, governments by 31 March); a date before the year ends or after today means the year or the date was mistyped.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "发布日期早于报告年度结束", en: "published before the report year ended" },
        edits: [{ pointer: "/meta/publishedOn", value: "2019-06-30" }],
      },
    ],
    evaluator: { kind: "check", check: checkPublishedOn },
  },
  {
    id: "META-CREDIT-CODE",
    title: { zh: "统一社会信用代码校验正确", en: "Unified social credit code is valid" },
    message: { zh: "统一社会信用代码 {code}：{problem}。", en: "Unified social credit code {code}: {problem}." },
    severity: { publish: "error", audit: "warning" },
    editions: BOTH,
    basis: "metadata",
    reference: {
      zh: "GB 32100-2015《法人和其他组织统一社会信用代码编码规则》",
      en: "GB 32100-2015, coding rule of the unified social credit code",
    },
    rationale: {
      zh: "统一社会信用代码是识别发布机关的可靠键。第 18 位校验码按 GB 32100-2015 以加权模 31 计算，能发现绝大多数抄错、漏位和相邻颠倒。",
      en: "The unified social credit code identifies the publishing body. Its 18th character is a weighted modulo-31 check (GB 32100-2015) that catches almost every mistyped, missing or swapped character.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "校验位抄错", en: "a wrong check character" },
        edits: [{ pointer: "/meta/creditCode", value: "113201000141234560" }],
      },
    ],
    evaluator: { kind: "check", check: checkCreditCodeRule },
  },
  {
    id: "META-REGION-CODE",
    title: { zh: "行政区划代码格式正确", en: "Administrative division code is well formed" },
    message: { zh: "行政区划代码 {code}：{problem}。", en: "Administrative division code {code}: {problem}." },
    severity: { publish: "error", audit: "warning" },
    editions: BOTH,
    basis: "metadata",
    reference: {
      zh: "GB/T 2260《中华人民共和国行政区划代码》",
      en: "GB/T 2260, codes for the administrative divisions of China",
    },
    rationale: {
      zh: "行政区划代码用于按地区汇总报告。应为 6 位数字，前两位是省级代码（11–65、71、81、82）。",
      en: "The division code groups reports by region. It has six digits and starts with a province code (11–65, 71, 81, 82).",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "不存在的省级代码 99", en: "a province code (99) that does not exist" },
        edits: [{ pointer: "/meta/regionCode", value: "990100" }],
      },
    ],
    evaluator: { kind: "check", check: checkRegionCodeRule },
  },
  {
    id: "CELL-VALUE",
    title: { zh: "单元格为非负整数（金额为非负数）", en: "Cells hold non-negative integers (amounts: non-negative numbers)" },
    message: { zh: "{cell}：{problem}。", en: "{cell}: {problem}." },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "layout",
    reference: {
      zh: "R5：件数为非负整数（2019 版“本年增/减”可为负），收费金额为非负数",
      en: "R5: counts are non-negative integers (2019's 本年增/减 may be negative); amounts are non-negative",
    },
    rationale: {
      zh: "表格数字是件数或金额：件数不能有小数或负数，单元格里不能有单位、“-”占位符或加引号的数字。无效的单元格使用到它的勾稽关系无法评估，但不影响其他规则。",
      en: "Table figures are counts or amounts: counts have no fractions or signs, and cells hold no units, '-' placeholders or quoted numbers. An invalid cell makes the identities that use it not assessable, and nothing else.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "数字写成了带引号的文字", en: "a number written as quoted text" },
        edits: [{ pointer: "/applications/disclosed/naturalPerson", value: "12" }],
      },
    ],
    evaluator: { kind: "check", check: checkCellValues },
  },
  {
    id: "BLANK-CELL",
    title: { zh: "没有空白单元格", en: "No blank cells" },
    message: {
      zh: "{scope}有 {count} 个单元格空白（{cells}）。空白不等于 0：没有发生的事项应填 0。",
      en: "{scope}: {count} blank cell(s) ({cells}). Blank is not zero: write 0 where nothing happened.",
    },
    severity: { publish: "error", audit: "warning" },
    editions: BOTH,
    basis: "completeness",
    reference: {
      zh: "年度报告格式的各表均要求填写数字（无数据填 0）",
      en: "Every table of the format asks for a figure in each cell (0 when nothing happened)",
    },
    rationale: {
      zh: "空白单元格无法区分“没有发生”和“没有统计”，因此从不按 0 计算，用到它的勾稽关系均无法评估。发布前检查（publish）视为错误；审阅已发布报告（audit）视为警告，因为空白是报告原貌。",
      en: "A blank cell cannot tell 'nothing happened' from 'not counted', so it is never taken as 0 and the identities that use it are not assessable. Before publication (publish) it is an error; when auditing a published report (audit) it is a warning, since the blank is how the report was published.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "行政复议总计空白", en: "the reconsideration total left blank" },
        edits: [{ pointer: "/reviewAndLitigation/reconsideration/total", value: null }],
      },
    ],
    evaluator: { kind: "check", check: checkBlankCells },
  },
  {
    id: "T3-SUM-ROW",
    title: { zh: "表三每行总计等于各类申请人之和", en: "Table 3: each row's total equals the sum of applicant columns" },
    message: {
      zh: "表三“{row}”一行：自然人与法人或其他组织各列之和为 {expected}，总计填报 {stated}，相差 {difference}。",
      en: "Table 3, row “{row}”: the applicant columns sum to {expected} but the total states {stated} (difference {difference}).",
    },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "layout",
    reference: {
      zh: "R2：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
      en: "R2: total = natural persons + the five organisation columns",
    },
    rationale: {
      zh: "表三的“总计”列是六个申请人列的合计，表中没有法人或其他组织的小计列。每一行都应满足这一关系。",
      en: "Table 3's total column is the sum of the six applicant columns (there is no organisation subtotal). Every row must satisfy it.",
    },
    pinpoints: true,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "“（一）予以公开”一行的总计多填 1", en: "the total of row （一）予以公开 one too high" },
        edits: [{ pointer: "/applications/disclosed/total", value: 16 }],
      },
    ],
    evaluator: { kind: "identity", identities: (context) => identitiesOf("T3-SUM-ROW", context.document.edition!) },
  },
  {
    id: "T3-SUM-COLUMN",
    title: { zh: "表三（七）总计等于各项办理结果之和", en: "Table 3: （七）总计 equals the sum of the outcomes" },
    message: {
      zh: "表三“{column}”一列：（一）至（六）各项办理结果之和为 {expected}，（七）总计填报 {stated}，相差 {difference}。",
      en: "Table 3, column “{column}”: the outcomes （一）–（六） sum to {expected} but （七）总计 states {stated} (difference {difference}).",
    },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "layout",
    reference: {
      zh: "R3：（七）总计 = （一）+（二）+ Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + Σ（六）",
      en: "R3: （七）总计 = （一） + （二） + Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + Σ（六）",
    },
    rationale: {
      zh: "“三、本年度办理结果”下各项互斥（部分公开只计一种情形），（七）总计是它们的合计。这是实际报告中最常见的错误：明细合计 27，总计却填 21。",
      en: "The outcomes under 三、本年度办理结果 are exclusive (a partial disclosure counts once), and （七）总计 is their sum. Real reports get this wrong most often: details summing to 27 under a stated total of 21.",
    },
    pinpoints: true,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "自然人一列（七）总计少填 2", en: "（七）总计 of the natural-person column two too low" },
        edits: [{ pointer: "/applications/total/naturalPerson", value: 21 }],
      },
    ],
    evaluator: { kind: "identity", identities: (context) => identitiesOf("T3-SUM-COLUMN", context.document.edition!) },
  },
  {
    id: "T3-BALANCE",
    title: { zh: "表三：一 + 二 = （七）总计 + 四", en: "Table 3: received + carried over = handled + carried forward" },
    message: {
      zh: "表三“{column}”一列：一、本年新收 + 二、上年结转 = {expected}，而（七）总计 + 四、结转下年度 = {stated}，相差 {difference}。",
      en: "Table 3, column “{column}”: received this year + carried over = {expected}, but handled (（七）总计) + carried forward = {stated} (difference {difference}).",
    },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "official-note",
    reference: {
      zh: "R1：表三表头注释“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”",
      en: "R1: the note printed on table 3: the first item plus the second equals the third plus the fourth",
    },
    rationale: {
      zh: "这是格式唯一印在表上的勾稽关系：每一列中，本年新收与上年结转的申请，要么在本年办结（计入（七）总计），要么结转下年度。",
      en: "The only identity printed on the form: in every column, each application received or carried over is either handled this year (（七）总计) or carried forward.",
    },
    pinpoints: true,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: {
          zh: "自然人与总计两列“一、本年新收”各多填 1",
          en: "一、本年新收 one too high in the natural-person and total columns",
        },
        edits: [
          { pointer: "/applications/newlyReceived/naturalPerson", value: 26 },
          { pointer: "/applications/newlyReceived/total", value: 31 },
        ],
      },
    ],
    evaluator: { kind: "identity", identities: (context) => identitiesOf("T3-BALANCE", context.document.edition!) },
  },
  {
    id: "T4-SUM-GROUP",
    title: { zh: "表四各组总计等于四种结果之和", en: "Table 4: each group's total equals its four outcomes" },
    message: {
      zh: "表四“{group}”：结果维持、结果纠正、其他结果、尚未审结之和为 {expected}，总计填报 {stated}，相差 {difference}。",
      en: "Table 4, “{group}”: upheld + corrected + other + pending = {expected} but the total states {stated} (difference {difference}).",
    },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "layout",
    reference: {
      zh: "R4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
      en: "R4: total = upheld + corrected + other + pending",
    },
    rationale: {
      zh: "表四的行政复议、未经复议直接起诉、复议后起诉三组各有五列，总计是前四列之和。实际报告中可见“维持 10、纠正 1、总计 0”。",
      en: "Each of table 4's three groups has five columns, the total being the sum of the first four. Real reports show 'upheld 10, corrected 1, total 0'.",
    },
    pinpoints: true,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "行政复议总计填 0", en: "the reconsideration total stated as 0" },
        edits: [{ pointer: "/reviewAndLitigation/reconsideration/total", value: 0 }],
      },
    ],
    evaluator: { kind: "identity", identities: (context) => identitiesOf("T4-SUM-GROUP", context.document.edition!) },
  },
  {
    id: "X-PREVIOUS-REPORT",
    title: { zh: "上年报告是同一机关的上一年度", en: "The previous report is the same body's preceding year" },
    message: { zh: "上年报告{problem}。", en: "The previous report {problem}." },
    severity: { publish: "warning", audit: "warning" },
    editions: BOTH,
    basis: "cross-year",
    reference: { zh: "跨年度比对的前提", en: "Precondition of the cross-year rules" },
    rationale: {
      zh: "跨年度勾稽关系只对同一机关相邻两个年度的报告有意义。年度不相邻时跨年度规则不予评估（并说明上年报告的年度）；机关名称不同时给出警告。名称统一全角、半角并去掉空白后须完全相同：简称或省略上级地名（“洪泽区人民政府”与“淮安市洪泽区人民政府”）也给出警告，由读者根据消息中的两个名称核对，因为仅凭后缀无法区分“区人民政府”这样的不同机关。",
      en: "Cross-year identities only make sense between consecutive years of the same body. When the years are not consecutive the cross-year rules are not assessed (and say which year the previous report is for); when the body names differ a warning is given. The names must be equal after normalising full- and half-width characters and removing whitespace: a shortened name (洪泽区人民政府 for 淮安市洪泽区人民政府) is warned about too, for the reader to check against the two names in the message, since a suffix cannot tell different bodies apart (区人民政府).",
    },
    pinpoints: false,
    crossYear: true,
    examples: [
      {
        editions: BOTH,
        description: { zh: "上年报告是另一机关的", en: "the previous report is another body's" },
        edits: [{ document: "previous", pointer: "/meta/body", value: "另一市另一局" }],
      },
    ],
    evaluator: { kind: "check", check: checkPreviousReport },
  },
  {
    id: "X-CARRY-OVER",
    title: { zh: "本年“上年结转”等于上年“结转下年度”", en: "Carried over this year equals carried forward last year" },
    message: {
      zh: "表三“{column}”一列：本年“二、上年结转”填报 {stated}，上年报告“四、结转下年度继续办理”为 {expected}，相差 {difference}。",
      en: "Table 3, column “{column}”: carried over this year states {stated}, but last year's report carried forward {expected} (difference {difference}).",
    },
    severity: { publish: "error", audit: "error" },
    editions: BOTH,
    basis: "cross-year",
    reference: {
      zh: "X1：本年二、上年结转 = 上年四、结转下年度继续办理（逐列）",
      en: "X1: this year's 二 = last year's 四, column by column",
    },
    rationale: {
      zh: "上年结转到本年的申请，就是上年报告中结转下年度继续办理的申请，两份报告应逐列一致。表三各列在两版格式中相同，跨版本也可比对。",
      en: "The applications carried into this year are exactly those last year's report carried forward, column by column. Table 3's columns are the same in both editions, so this holds across editions too.",
    },
    pinpoints: true,
    crossYear: true,
    examples: [
      {
        editions: BOTH,
        description: {
          zh: "上年报告结转下年度 3 件，本年报告上年结转 2 件",
          en: "last year carried 3 forward, this year carried 2 over",
        },
        edits: [
          { document: "previous", pointer: "/applications/carriedForward/naturalPerson", value: 3 },
          { document: "previous", pointer: "/applications/carriedForward/total", value: 3 },
        ],
      },
    ],
    evaluator: { kind: "identity", identities: (context) => crossYearIdentities(context, carryOverIdentities) },
  },
  {
    id: "X-IN-FORCE",
    title: { zh: "现行有效件数与上年衔接", en: "Documents in force follow on from last year" },
    message: {
      zh: "表二“{row}”：上年现行有效件数 + 本年制发 − 本年废止 = {expected}，本年现行有效件数填报 {stated}，相差 {difference}。",
      en: "Table 2, “{row}”: last year's in force + issued − repealed = {expected}, but in force states {stated} (difference {difference}).",
    },
    severity: { publish: "warning", audit: "warning" },
    editions: ["2021"],
    basis: "cross-year",
    reference: {
      zh: "X2（2021 版）：现行有效 = 上年现行有效 + 本年制发 − 本年废止",
      en: "X2 (edition 2021): in force = last year's in force + issued − repealed",
    },
    rationale: {
      zh: "规章和行政规范性文件的存量应逐年衔接。修订、清理口径变化和 2020→2021 年表二列的改变都会合理地打破这一关系，因此只作警告；两份报告须都是 2021 版。",
      en: "The stock of rules and normative documents should follow on from year to year. Revisions, clean-ups and the 2020→2021 change of table 2's columns legitimately break it, hence a warning; both reports must be edition 2021.",
    },
    pinpoints: false,
    crossYear: true,
    examples: [
      {
        editions: ["2021"],
        description: {
          zh: "上年现行有效 9 件，本年制发 3、废止 1，本年现行有效却为 12",
          en: "9 in force last year, 3 issued, 1 repealed, yet 12 in force",
        },
        edits: [{ document: "previous", pointer: "/proactiveDisclosure/normativeDocuments/inForce", value: 9 }],
      },
    ],
    evaluator: { kind: "identity", identities: (context) => crossYearIdentities(context, inForceIdentities) },
  },
  {
    id: "PROSE-REQUIRED",
    title: { zh: "必备文字部分不为空", en: "Required prose sections are not empty" },
    message: { zh: "“{heading}”没有正文。", en: "“{heading}” has no text." },
    severity: { publish: "error", audit: "warning" },
    editions: BOTH,
    basis: "completeness",
    reference: {
      zh: "年度报告格式：一、总体情况；五、存在的主要问题及改进情况；六、其他需要报告的事项",
      en: "The format's sections 一, 五 and 六",
    },
    rationale: {
      zh: "总体情况、存在的主要问题及改进情况、其他需要报告的事项是格式规定的文字部分，只有小标题没有段落也视为空。",
      en: "Overview, problems and improvements, and other matters are prose sections the format requires; headings without paragraphs count as empty.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "“五、存在的主要问题及改进情况”为空", en: "section 五 left empty" },
        edits: [{ pointer: "/problemsAndImprovements", value: { paragraphs: [] } }],
      },
    ],
    evaluator: { kind: "check", check: checkRequiredProse },
  },
  {
    id: "PROSE-FEE-MENTION",
    title: { zh: "“六”说明信息处理费收取情况", en: "Section 六 reports information processing fees" },
    message: {
      zh: "“六、其他需要报告的事项”未提及信息处理费：应说明本年度是否收取信息处理费（发出收费通知的件数和总金额）。",
      en: "Section 六 does not mention information processing fees (信息处理费): it should say whether any were charged (notices issued and amount).",
    },
    severity: { publish: "warning", audit: "warning" },
    editions: BOTH,
    basis: "prose",
    reference: {
      zh: "国办函〔2020〕109号《政府信息公开信息处理费管理办法》；2021 版格式“六”的说明",
      en: "国办函〔2020〕109号 (information processing fees); the 2021 format's note on section 六",
    },
    rationale: {
      zh: "2021 版格式要求在“其他需要报告的事项”中报告信息处理费的收取情况，未收取也应写明。只写“未发生收费情况”而不提信息处理费，读者无法判断说的是哪种收费。",
      en: "The 2021 format asks section 六 to report information processing fees, including that none were charged. 'No fees were charged' without naming the fee leaves the reader guessing which fee is meant.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: { zh: "“六”只写“无”", en: "section 六 only says 'nothing'" },
        edits: [{ pointer: "/otherMatters", value: { paragraphs: ["无其他需要报告的事项。"] } }],
      },
    ],
    evaluator: { kind: "check", check: checkFeeMention },
  },
  {
    id: "PROSE-FIGURES",
    title: { zh: "总体情况中的数字与表格一致", en: "Figures in the overview match the tables" },
    message: {
      zh: "“{section}”写有“{phrase}”，而表中{quantity}为 {expected}，相差 {difference}。",
      en: "The {section} says “{phrase}” but the table's {quantity} is {expected} (difference {difference}).",
    },
    severity: { publish: "warning", audit: "warning" },
    editions: BOTH,
    basis: "prose",
    reference: {
      zh: "正文与表格应一致（本年新收、上年结转、予以公开、办结、结转下年度、行政复议、行政诉讼件数）",
      en: "Prose and tables must agree (received, carried over, disclosed, handled, carried forward, reconsiderations, lawsuits)",
    },
    rationale: {
      zh: "总体情况常复述表三、表四的数字（“本年新收政府信息公开申请 N 件”“上年结转 N 件”“结转下年度继续办理 N 件”“政府信息公开行政复议 N 件”），阿拉伯数字和汉字数字（二十一）都会识别。只比对措辞明确、说的是本年度全部申请的短语，拿不准时不比对：“其中”之后的收到、受理、办结、答复、上年结转件数是部分（按渠道、单位、申请人细分）；带渠道（通过互联网、信函、当面……）或限定语（逾期、超期、依法、按时……答复）的件数也是部分；说的是其他年度的（上年、去年、同比、较上年，或报告年度以外的“2023 年”）不比对。文字与表格不符时至少有一处有误，因此作为警告。",
      en: "The overview often repeats figures of tables 3 and 4 ('本年新收政府信息公开申请 N 件', '上年结转 N 件', '结转下年度继续办理 N 件', '政府信息公开行政复议 N 件'), in Arabic or Chinese numerals (二十一). Only unambiguous phrases about all of the year's applications are compared, and nothing when in doubt: figures of applications received, handled, answered or carried over after 其中 ('of which') are parts (by channel, office or applicant); so are figures with a channel (通过互联网, 信函, 当面 …) or a qualifier (逾期, 超期, 依法, 按时 … 答复); figures about another year (上年, 去年, 同比, 较上年, or a year other than the report's) are not compared. A mismatch means one of the two is wrong, hence a warning.",
    },
    pinpoints: false,
    crossYear: false,
    examples: [
      {
        editions: BOTH,
        description: {
          zh: "正文用汉字写“二十八件”，表中新收 30 件",
          en: "the prose says 二十八 (28) applications, the table 30",
        },
        edits: [{ pointer: "/overview/paragraphs/0", value: "本年新收政府信息公开申请二十八件。" }],
      },
    ],
    evaluator: { kind: "check", check: checkProseFigures },
  },
];

/** Rules that need the cell layout, i.e. a known edition. */
export function needsEdition(entry: CatalogEntry): boolean {
  return entry.evaluator.kind === "identity" || entry.id === "CELL-VALUE" || entry.id === "BLANK-CELL";
}

/** Section and group labels used by the generated docs. */
export const SECTION_HEADINGS: Readonly<Record<string, string>> = SECTION_HEADING;
