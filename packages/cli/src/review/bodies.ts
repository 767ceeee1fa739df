/**
 * Reading `--bodies bodies.csv`: the bodies a region expects reports from. Columns by header: name (机关名称),
 * level (层级, a level key such as `municipal-department` or its Chinese name 市级政府部门), regionCode
 * (行政区划代码, optional). UTF-8 (with or without BOM) or GB18030, as Excel saves it. Parsed with csv-parse.
 */
import { BODY_LEVELS, REGION_CODE_PATTERN, type BodyLevel } from "@xxgk/schema/layout";
import type { ExpectedBody } from "@xxgk/validators/region";
import { CliError } from "../errors.js";
import { msg } from "../i18n.js";
import { decodeReportBytes } from "../input/decode.js";
import { readInputFile } from "../input/read.js";
import { resolve } from "node:path";

const HEADERS: Readonly<Record<string, "name" | "level" | "regionCode">> = {
  name: "name",
  body: "name",
  机关: "name",
  机关名称: "name",
  名称: "name",
  发布机关: "name",
  level: "level",
  层级: "level",
  机关层级: "level",
  regioncode: "regionCode",
  region_code: "regionCode",
  行政区划代码: "regionCode",
};

const LEVEL_BY_NAME = new Map<string, BodyLevel>(
  Object.entries(BODY_LEVELS).flatMap(([key, name]) => [
    [key, key as BodyLevel],
    [name, key as BodyLevel],
  ]),
);

/** Parses the text of a bodies file. Throws a {@link CliError} naming the file, the line and the problem. */
export async function parseBodies(text: string, name: string): Promise<ExpectedBody[]> {
  const { parse } = await import("csv-parse/sync");
  let records: string[][];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError("usage", msg(`${name}${line ? ` 第 ${line} 行` : ""}：不是有效的 CSV（${detail}）`, `${name}${line ? `, line ${line}` : ""}: not valid CSV (${detail})`));
  }
  const [header, ...rows] = records;
  if (!header) throw new CliError("usage", msg(`${name}：文件为空，应有表头 name,level,regionCode 和每个机关一行`, `${name}: empty; expected a header name,level,regionCode and one line per body`));
  const columns = header.map((cell) => HEADERS[cell.replace(/\s+/g, "").toLowerCase()] ?? HEADERS[cell.trim()]);
  const nameColumn = columns.indexOf("name");
  if (nameColumn < 0) {
    throw new CliError(
      "usage",
      msg(`${name}：第 1 行应为表头，且有 name（或“机关名称”）列；实为“${header.join(",")}”`, `${name}: line 1 must be a header with a name column; got "${header.join(",")}"`),
    );
  }
  const levelColumn = columns.indexOf("level");
  const codeColumn = columns.indexOf("regionCode");
  const problems: { zh: string; en: string }[] = [];
  const bodies: ExpectedBody[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const body = row[nameColumn]?.trim() ?? "";
    if (body === "") {
      problems.push({ zh: `第 ${line} 行：机关名称为空`, en: `line ${line}: the name is empty` });
      return;
    }
    const key = body.normalize("NFKC").replace(/\s+/g, "");
    if (seen.has(key)) {
      problems.push({ zh: `第 ${line} 行：“${body}”与第 ${seen.get(key)} 行重复`, en: `line ${line}: “${body}” repeats line ${seen.get(key)}` });
      return;
    }
    seen.set(key, line);
    const expected: ExpectedBody = { name: body };
    const levelText = levelColumn >= 0 ? (row[levelColumn]?.trim() ?? "") : "";
    if (levelText !== "") {
      const level = LEVEL_BY_NAME.get(levelText);
      if (!level) {
        problems.push({
          zh: `第 ${line} 行：层级“${levelText}”无效，可选：${Object.entries(BODY_LEVELS).map(([value, label]) => `${value}（${label}）`).join("、")}`,
          en: `line ${line}: invalid level "${levelText}"; use one of ${Object.keys(BODY_LEVELS).join(", ")}`,
        });
        return;
      }
      expected.level = level;
    }
    const code = codeColumn >= 0 ? (row[codeColumn]?.trim() ?? "") : "";
    if (code !== "") {
      if (!REGION_CODE_PATTERN.test(code)) {
        problems.push({ zh: `第 ${line} 行：行政区划代码“${code}”应为 6 位数字`, en: `line ${line}: region code "${code}" must be six digits` });
        return;
      }
      expected.regionCode = code;
    }
    bodies.push(expected);
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    const more = problems.length > shown.length ? problems.length - shown.length : 0;
    throw new CliError(
      "usage",
      msg(
        `${name}：${problems.length} 处问题：\n${shown.map((problem) => `  ${problem.zh}`).join("\n")}${more ? `\n  … 另有 ${more} 处` : ""}`,
        `${name}: ${problems.length} problem${problems.length === 1 ? "" : "s"}:\n${shown.map((problem) => `  ${problem.en}`).join("\n")}${more ? `\n  … ${more} more` : ""}`,
      ),
    );
  }
  if (bodies.length === 0) throw new CliError("usage", msg(`${name}：只有表头，没有机关`, `${name}: a header but no bodies`));
  return bodies;
}

/** Reads and parses a bodies file. */
export async function readBodies(path: string, cwd: string): Promise<ExpectedBody[]> {
  const bytes = readInputFile(resolve(cwd, path), path);
  const { text } = await decodeReportBytes(bytes, path);
  return parseBodies(text, path);
}
