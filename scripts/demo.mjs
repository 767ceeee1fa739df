// Quick-start demo: checks the bundled example report against the schema and prints a summary.
import { readFileSync } from "node:fs";
import { parseReport, walkCells, layoutOf } from "@xxgk/schema";

const file = new URL("../examples/2023-shizuishan-shangwuju.json", import.meta.url);
const result = parseReport(JSON.parse(readFileSync(file, "utf8")));
if (!result.success) {
  for (const issue of result.issues) console.error(`${issue.pointer} ${issue.label}: ${issue.message}`);
  process.exit(1);
}
const { report } = result;
const cells = walkCells(report);
const blank = cells.filter((cell) => cell.value === null);
console.log(`${report.meta.body} ${report.meta.year} 年政府信息公开工作年度报告（${layoutOf(report.edition).basis}）`);
console.log(`结构检查通过：${cells.length} 个数据单元格，其中空白 ${blank.length} 个`);
for (const cell of blank) console.log(`  空白：${cell.label}`);
