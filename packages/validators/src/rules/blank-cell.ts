/** Rule BLANK-CELL: its metadata, messages, docs example and evaluator. */
import { CellStatus } from "../cell-values.js";
import type { Finding, RuleContext } from "../context.js";
import { BOTH, type CatalogEntry, cellOf, pass } from "./define.js";

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
        count: blank.length === 1 ? "1 blank cell" : `${blank.length} blank cells`,
        cells: whole ? "all blank" : list(namesEn, ", ", (count) => ` and ${count} more`),
      },
      pointers: blank.map((index) => values.table.cells[index]!.pointer),
      cells: blank.map((index) => cellOf(values, index)),
    });
  }
  return findings;
}

export const rule: CatalogEntry = {
  id: "BLANK-CELL",
  name: "NoBlankCells",
  title: { zh: "没有空白单元格", en: "No blank cells" },
  message: {
    zh: "{scope}有 {count} 个单元格空白（{cells}）。空白不等于 0：没有发生的事项应填 0。",
    en: "{scope}: {count} ({cells}). Blank is not zero: write 0 where nothing happened.",
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
};
