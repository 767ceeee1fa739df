/** Rule CELL-VALUE: its metadata, messages, docs example and evaluator. */
import { formatCellValue } from "@xxgk/schema/layout";
import { CellStatus } from "../cell-values.js";
import type { Finding, RuleContext } from "../context.js";
import { BOTH, type CatalogEntry, cellOf, pass } from "./define.js";

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
    } else if (info.kind !== "amount" && Number.isInteger(raw) && Math.abs(raw) > Number.MAX_SAFE_INTEGER) {
      // Read from JSON already rounded: the digits shown are the rounded value, never in exponent notation.
      problem = `超出可精确表示的整数范围（${formatCellValue(raw)} 大于 ${Number.MAX_SAFE_INTEGER}，读入时已被舍入）`;
      problemEn = `exceeds the largest exactly representable integer (${formatCellValue(raw)} is beyond ${Number.MAX_SAFE_INTEGER}; it was rounded when read)`;
    } else if (info.kind !== "amount" && !Number.isInteger(raw)) {
      problem = `应为整数，实为 ${formatCellValue(raw)}`;
      problemEn = `expected an integer, got ${formatCellValue(raw)}`;
    } else {
      problem = `不能为负数，实为 ${formatCellValue(raw)}`;
      problemEn = `must not be negative, got ${formatCellValue(raw)}`;
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

export const rule: CatalogEntry = {
  id: "CELL-VALUE",
  name: "ValidCellValues",
  title: { zh: "单元格为非负整数（金额为非负数）", en: "Cells hold non-negative integers (amounts: non-negative numbers)" },
  message: { zh: "{cell}：{problem}。", en: "{cell}: {problem}." },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "layout",
  reference: {
    zh: "R5：件数为非负整数（2019 版“本年增/减”可为负），收费金额为非负数；件数不超过 2^53 − 1",
    en: "R5: counts are non-negative integers (2019's 本年增/减 may be negative); amounts are non-negative; counts no larger than 2^53 − 1",
  },
  rationale: {
    zh: "表格数字是件数或金额：件数不能有小数或负数，单元格里不能有单位、“-”占位符或加引号的数字。大于 9007199254740991（2^53 − 1）的件数在读入时已被舍入，无法得知填报的确切数字，也视为无效。无效的单元格使用到它的勾稽关系无法评估，但不影响其他规则。",
    en: "Table figures are counts or amounts: counts have no fractions or signs, and cells hold no units, '-' placeholders or quoted numbers. A count beyond 9007199254740991 (2^53 − 1) has been rounded when read, so the stated figure is not known: it is invalid too. An invalid cell makes the identities that use it not assessable, and nothing else.",
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
};
