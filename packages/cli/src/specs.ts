/**
 * Every command's options, arguments, help text and examples, as data. Help is printed from here without
 * loading the command's code, so `--help` is as fast as `--version`.
 */
import { msg, type Message } from "./i18n.js";

/** One option of a command. */
export interface OptionSpec {
  /** Long name without dashes. */
  name: string;
  /** One-letter alias. */
  short?: string;
  /** Boolean flag or option taking a value. */
  type: "boolean" | "string";
  /** May be given more than once. */
  multiple?: boolean;
  /** Allowed values, checked before the command runs. */
  choices?: readonly string[];
  /** Placeholder shown in help, e.g. `<file>`; a {@link Message} when it is a word that has a translation. */
  value?: string | Message;
  /** Help text. */
  description: Message;
  /** Left out of help: an old spelling kept working (see {@link OptionSpec.aliasOf}). */
  hidden?: boolean;
  /**
   * The option this one is another spelling of (`render --to` for `--format`): its value is given to that option
   * (a boolean alias gives {@link OptionSpec.aliasValue}, as `rules --json` gives `--format json`).
   */
  aliasOf?: string;
  /** The value a boolean alias stands for. */
  aliasValue?: string;
}

/** One command. */
export interface CommandSpec {
  name: string;
  /** Argument placeholder shown in the usage line and in "missing argument" errors, in both languages. */
  args: Message;
  /** Smallest and largest number of positional arguments. */
  positionals: { min: number; max: number };
  /** One-line summary. */
  summary: Message;
  /** Longer description. */
  description?: Message;
  options: OptionSpec[];
  examples: { command: string; description: Message }[];
}

const LANG: OptionSpec = {
  name: "lang",
  type: "string",
  choices: ["zh", "en"],
  value: "<zh|en>",
  description: msg("消息语言：zh（默认）或 en；也可设环境变量 XXGK_LANG=en", "message language: zh (default) or en; or set XXGK_LANG=en"),
};
const COLOR: OptionSpec = { name: "color", type: "boolean", description: msg("强制彩色输出", "force colored output") };
const NO_COLOR: OptionSpec = {
  name: "no-color",
  type: "boolean",
  description: msg("关闭彩色输出（也可设环境变量 NO_COLOR）", "disable colors (or set NO_COLOR)"),
};
const HELP: OptionSpec = { name: "help", short: "h", type: "boolean", description: msg("显示帮助", "show help") };
const OUTPUT = (what: Message): OptionSpec => ({
  name: "output",
  short: "o",
  type: "string",
  value: msg("<文件>", "<file>"),
  description: what,
});
// No short flag: -f is --format, as in eslint; `-f` alone, where it once meant --force, is refused with a hint.
const FORCE: OptionSpec = {
  name: "force",
  type: "boolean",
  description: msg("覆盖已存在的输出文件（输入文件永远不会被覆盖）", "overwrite an existing output file (inputs are never overwritten)"),
};
const JOBS: OptionSpec = {
  name: "jobs",
  short: "j",
  type: "string",
  value: "<n>",
  description: msg(
    "并行工作线程数，默认为 CPU 核数；1 表示不用工作线程",
    "number of worker threads, default: the number of CPU cores; 1 means no worker threads",
  ),
};
/** `--format`: the one spelling of the output format in every command, `-f` for short (as in eslint). */
const FORMAT = (choices: readonly string[], description: Message): OptionSpec => ({
  name: "format",
  short: "f",
  type: "string",
  choices,
  value: `<${choices.join("|")}>`,
  description,
});
/** The old `--to` of render and export, still accepted, no longer shown. */
const TO_ALIAS = (choices: readonly string[]): OptionSpec => ({
  name: "to",
  short: "t",
  type: "string",
  choices,
  hidden: true,
  aliasOf: "format",
  description: msg("同 --format", "same as --format"),
});
const PROFILE: OptionSpec = {
  name: "profile",
  type: "string",
  choices: ["publish", "audit"],
  value: "<publish|audit>",
  description: msg(
    "规则配置：publish（默认，机关发布前自查：空白单元格、空的文字部分、元数据代码有误都是错误）或 audit（审核已发布的报告：空白单元格、空的必备文字部分、统一社会信用代码和行政区划代码、年度尚未结束改为警告，其余不变）",
    "rule profile: publish (default; an agency checking before publication: blank cells, empty prose and bad metadata codes are errors) or audit (reviewing published reports: blank cells, empty required prose, credit and division codes and a year not yet ended become warnings; the rest is unchanged)",
  ),
};

/** Options every command accepts. */
export const GLOBAL_OPTIONS: readonly OptionSpec[] = [LANG, COLOR, NO_COLOR, HELP];

/** All commands, in help order. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "init",
    args: msg("", ""),
    positionals: { min: 0, max: 0 },
    summary: msg("新建一份报告 JSON（所有数字为 0，待填写）", "create a new report JSON (every number 0, ready to fill in)"),
    description: msg(
      "生成一份空白报告：所有表格单元格为 0，文字部分为空，并带有指向 JSON Schema 的 $schema，编辑器可据此补全和提示。未给出 -o 时输出到标准输出。",
      "Creates a new report: every table cell 0, empty prose, and a $schema pointing at the published JSON Schema so editors offer completion. Without -o it prints to standard output.",
    ),
    options: [
      {
        name: "edition",
        type: "string",
        choices: ["2021", "2019"],
        value: "<2021|2019>",
        description: msg("格式版本；默认按年度选择（2021 年起为 2021 版）", "format edition; default: chosen from the year (2021 onward: edition 2021)"),
      },
      { name: "year", type: "string", value: "<YYYY>", description: msg("报告年度，默认为上一年", "report year; default: last year") },
      { name: "body", type: "string", value: msg("<名称>", "<name>"), description: msg("发布机关全称（必填）", "full name of the reporting body (required)") },
      {
        name: "example",
        type: "boolean",
        description: msg("改为输出内置的示例报告（石嘴山市商务局 2023 年）", "write the bundled example report (石嘴山市商务局 2023) instead"),
      },
      OUTPUT(msg("写入该文件而不是标准输出", "write to this file instead of standard output")),
      FORCE,
    ],
    examples: [
      { command: "xxgk init --year 2024 --body 某某市商务局 -o 2024.json", description: msg("新建 2024 年度报告", "a new report for 2024") },
      { command: "xxgk init --edition 2019 --year 2020 --body 某某县人民政府", description: msg("2019 版格式，输出到终端", "edition 2019, printed") },
      { command: "xxgk init --example -o example.json", description: msg("取出内置示例", "write out the bundled example") },
    ],
  },
  {
    name: "validate",
    args: msg("<文件|目录|glob|->...", "<file|dir|glob|->..."),
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    summary: msg("检查报告：结构、勾稽关系和跨年度规则", "check reports: structure, consistency rules and cross-year rules"),
    description: msg(
      "检查一份或成千上万份报告。目录按 *.json 递归查找（跳过 node_modules 和隐藏目录）；glob 需加引号；- 表示标准输入。多个文件时使用全部 CPU 核并行检查，输出顺序与输入顺序一致。同一对象中重复的键（如两个 \"year\"）报告为 JSON-DUPLICATE-KEY 错误。\n退出码：0 没有错误级问题；1 至少一个错误级问题（含 JSON 语法错误和重复的键），或警告多于 --max-warnings；2 用法错误或文件无法读取/写入。--quiet 时警告和提示不输出、不计数。输出管道提前关闭（如 | head）时，已发现错误则为 1。",
      "Checks one report or ten thousand. Directories are searched recursively for *.json (skipping node_modules and hidden directories); quote globs; - reads standard input. Many files are checked on all CPU cores; output follows input order. A key repeated within an object (two \"year\" members) is a JSON-DUPLICATE-KEY error.\nExit codes: 0 no error-severity finding; 1 at least one (JSON syntax errors and repeated keys included), or more warnings than --max-warnings; 2 usage error or a file that cannot be read or written. When the reader of a pipe goes away early (| head), 1 if an error was found by then. With --quiet, warnings and infos are neither printed nor counted.",
    ),
    options: [
      PROFILE,
      {
        name: "previous",
        type: "string",
        value: msg("<文件>", "<file>"),
        description: msg("上一年度的报告，用于跨年度规则（只检查一份报告时可用）", "last year's report, for cross-year rules (with a single report only)"),
      },
      FORMAT(
        ["pretty", "json", "ndjson", "sarif", "csv"],
        msg(
          "输出格式；默认按 -o 的扩展名（.txt .json .ndjson/.jsonl .sarif .csv），否则 pretty",
          "output format; default: from the -o extension (.txt .json .ndjson/.jsonl .sarif .csv), else pretty",
        ),
      ),
      {
        name: "quiet",
        short: "q",
        type: "boolean",
        description: msg(
          "只报告错误：警告和提示既不输出，也不计入退出码和 --max-warnings（同 eslint --quiet）",
          "report errors only: warnings and infos are neither printed nor counted by the exit code or --max-warnings (as eslint --quiet)",
        ),
      },
      {
        name: "max-warnings",
        type: "string",
        value: "<n>",
        description: msg("警告多于 n 个时以退出码 1 结束（同 eslint --max-warnings）", "exit with code 1 when there are more than n warnings (as eslint --max-warnings)"),
      },
      {
        name: "rule",
        type: "string",
        multiple: true,
        value: msg("<规则=级别>", "<rule=severity>"),
        description: msg(
          "调整规则级别：error、warning、info 或 off，可重复，如 --rule T3-SUM-ROW=warning；规则编号见 xxgk rules（不区分大小写）",
          "set a rule's severity: error, warning, info or off; repeatable, e.g. --rule T3-SUM-ROW=warning; rule ids: xxgk rules (any case)",
        ),
      },
      { name: "today", type: "string", value: "<YYYY-MM-DD>", description: msg("按该日期判断期限类规则（默认今天）", "date used by deadline rules (default: today)") },
      OUTPUT(msg("把结果写入文件而不是标准输出", "write the results to a file instead of standard output")),
      FORCE,
      JOBS,
    ],
    examples: [
      { command: "xxgk validate 2023.json", description: msg("检查一份报告", "check one report") },
      { command: "xxgk validate 2023.json --previous 2022.json", description: msg("加上跨年度规则", "with cross-year rules") },
      { command: 'xxgk validate reports/ "archive/**/*.json" --format ndjson > results.ndjson', description: msg("批量检查，每份报告一行 JSON", "batch, one JSON line per report") },
      { command: "xxgk validate reports/ --format sarif -o results.sarif", description: msg("供 CI 代码扫描使用", "for CI code scanning") },
      { command: "cat 2023.json | xxgk validate -", description: msg("从标准输入读取", "read standard input") },
    ],
  },
  {
    name: "render",
    args: msg("<文件>", "<file>"),
    positionals: { min: 1, max: 1 },
    summary: msg("把报告渲染为 HTML、Word（DOCX）、Markdown 或纯文本", "render a report as HTML, Word (DOCX), Markdown or plain text"),
    description: msg(
      "按官方版式渲染报告。未给 --format 时按 -o 的扩展名选择格式；--format 与扩展名矛盾时报错。文本格式默认输出到标准输出；DOCX 是二进制文件，输出到终端时需要 -o。--annotate 先运行校验，并在 HTML 中标出问题单元格；报告的结构问题只是单元格取值无效（负数、小数、文字）时，这些单元格显示为空白并标出填报的值（不加 --annotate 则不渲染）。",
      "Renders a report in the official layout. Without --format the format follows the -o extension; a --format that contradicts it is refused. Text formats go to standard output by default; DOCX is binary and needs -o when standard output is a terminal. --annotate runs the validators first and marks the findings in the HTML; when a report's only structural problems are invalid cell values (negative, fractional, text), those cells are shown empty and marked with the stated value (without --annotate such a report is not rendered).",
    ),
    options: [
      FORMAT(
        ["html", "docx", "md", "txt"],
        msg("输出格式；默认按 -o 的扩展名（.html/.htm .docx .md .txt），否则 html", "output format; default: from the -o extension (.html/.htm .docx .md .txt), else html"),
      ),
      TO_ALIAS(["html", "docx", "md", "txt"]),
      { name: "annotate", type: "boolean", description: msg("运行校验并在 HTML 中标注问题（仅 html）", "run the validators and mark the findings (html only)") },
      PROFILE,
      {
        name: "fragment",
        type: "boolean",
        description: msg(
          "只输出 HTML 片段，不含 <html> 外壳（仅 html）；片段开头带样式表 <style>，除非加 --no-css",
          "HTML fragment without the <html> shell (html only); it starts with the stylesheet in a <style> element unless --no-css",
        ),
      },
      {
        name: "no-css",
        type: "boolean",
        description: msg("片段不带样式表（页面已引入 @xxgk/renderer 的 REPORT_CSS 时用）", "leave the stylesheet out of the fragment (when the page already has @xxgk/renderer's REPORT_CSS)"),
      },
      OUTPUT(msg("写入该文件", "write to this file")),
      FORCE,
    ],
    examples: [
      { command: "xxgk render 2023.json -o 2023.html", description: msg("网页版", "a web page") },
      { command: "xxgk render 2023.json -o 2023.docx", description: msg("Word 文件（格式取自扩展名）", "a Word file (the format follows the extension)") },
      { command: "xxgk render 2023.json --annotate -o 审核.html", description: msg("标注问题的审核稿", "a review copy with findings marked") },
      { command: "xxgk render 2023.json --fragment --no-css", description: msg("嵌入已有样式的网页用的片段", "a fragment for a page that has the styles already") },
      { command: "xxgk render 2023.json --format txt", description: msg("纯文本输出到终端", "plain text to the terminal") },
    ],
  },
  {
    name: "import",
    args: msg("<文件|目录|glob|->...", "<file|dir|glob|->..."),
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    summary: msg("把已发布的报告（文本、Markdown、HTML、PDF、DOCX）转换为报告 JSON", "convert published reports (text, Markdown, HTML, PDF, DOCX) to report JSON"),
    description: msg(
      "按官方格式读出已发布报告的表格和文字，写成可供 xxgk validate 检查的报告 JSON。结果是确定的：同一文件每次导入结果相同。读不出的单元格不会被猜测：它们为 null，并列在报告的 import 块中（validate 会说明“导入时无法辨认”，而不是“空白”）；粘连在一起的数字只有在表内勾稽关系唯一确定拆法时才拆分，并记为推断。2019 年以前的报告、扫描件、不含报告的网页和非文档文件会被拒绝，并说明原因。格式按文件内容判断（有文字层的 PDF、网页、Word 文件、文本和 Markdown）；目录按 .txt .md .html .htm .pdf .docx 递归查找。一份报告默认输出 JSON；多份报告用 --out-dir 每份写一个 JSON 文件，或用 --format ndjson 每行一份。每份导入的报告随即按 audit 配置校验。\n退出码：0 全部完整导入、没有无法辨认的单元格和导入警告，且没有错误或警告级的校验问题；1 已导入但有问题（部分导入、无法辨认的单元格或校验问题）；2 有报告被拒绝或无法读取，或用法错误。",
      "Reads the tables and text of published reports in the official layout and writes report JSON that xxgk validate checks. Deterministic: the same file always gives the same result. Cells that cannot be read are never guessed: they are null and listed in the report's import block (validate then says \"could not be read when imported\", not \"blank\"); glued figures are split only where the table's arithmetic allows a single split, and are marked inferred. Reports before 2019, scans, pages holding no report and files that are not documents are refused with the reason. The format is told from the content (PDF with a text layer, web pages, Word files, text and Markdown); directories are searched for .txt .md .html .htm .pdf .docx. One report is written as JSON; for many, use --out-dir for one JSON file each or --format ndjson for one line each. Every imported report is then validated with the audit profile.\nExit codes: 0 every report imported completely, with no unreadable cell, no import warning and no error or warning from the validators; 1 imported with problems (partial, unreadable cells or validation findings); 2 a report was refused or could not be read, or a usage error.",
    ),
    options: [
      OUTPUT(msg("写入该文件而不是标准输出（一份报告，或 --format ndjson）", "write to this file instead of standard output (one report, or --format ndjson)")),
      {
        name: "out-dir",
        type: "string",
        value: msg("<目录>", "<dir>"),
        description: msg("每份报告写一个 JSON 文件到该目录（文件名取自输入文件名；目录不存在时创建）", "write one JSON file per report into this directory (named after the input; created when missing)"),
      },
      FORMAT(
        ["json", "ndjson"],
        msg(
          "json：报告 JSON（一份报告时的默认值）；ndjson：每份报告一行，含导入状态、单元格统计、发现的问题和报告（多份报告时的默认值）",
          "json: the report JSON (default for one report); ndjson: one line per report with status, cell counts, findings and the report (default for several)",
        ),
      ),
      {
        ...PROFILE,
        description: msg(
          "校验导入报告所用的规则配置：audit（默认，审核已发布的报告）或 publish",
          "rule profile used to validate the imported reports: audit (default: reviewing published reports) or publish",
        ),
      },
      { name: "today", type: "string", value: "<YYYY-MM-DD>", description: msg("校验时按该日期判断期限类规则（默认今天）", "date used by deadline rules when validating (default: today)") },
      FORCE,
      JOBS,
    ],
    examples: [
      { command: "xxgk import 2023年报.txt -o 2023.json && xxgk validate 2023.json", description: msg("审核人员的流程：导入，再检查", "the reviewer's pipeline: import, then check") },
      { command: "xxgk import 年报/ --out-dir json/", description: msg("整个目录，每份报告一个 JSON 文件", "a whole folder, one JSON file per report") },
      { command: 'xxgk import "**/*.md" --format ndjson > reports.ndjson', description: msg("每份报告一行，便于研究分析", "one line per report, for research") },
    ],
  },
  {
    name: "schema",
    args: msg("", ""),
    positionals: { min: 0, max: 0 },
    summary: msg("输出报告格式的 JSON Schema", "print the report format's JSON Schema"),
    description: msg(
      "输出 @xxgk/schema 发布的 JSON Schema（draft 2020-12）。不加 --edition 时为两个版本通用的 Schema。",
      "Prints the JSON Schema published by @xxgk/schema (draft 2020-12). Without --edition: the schema for either edition.",
    ),
    options: [
      {
        name: "edition",
        type: "string",
        choices: ["2021", "2019"],
        value: "<2021|2019>",
        description: msg("只输出某一版本的 Schema", "the schema of one edition only"),
      },
      OUTPUT(msg("写入该文件而不是标准输出", "write to this file instead of standard output")),
      FORCE,
    ],
    examples: [
      { command: "xxgk schema -o report.schema.json", description: msg("保存 Schema", "save the schema") },
      { command: "xxgk schema --edition 2019", description: msg("2019 版 Schema", "the 2019 edition's schema") },
    ],
  },
  {
    name: "rules",
    args: msg("", ""),
    positionals: { min: 0, max: 0 },
    summary: msg("列出校验规则", "list the validation rules"),
    options: [
      FORMAT(["text", "json"], msg("输出格式：text（默认，供阅读）或 json（规则目录）", "output format: text (default, for reading) or json (the rule catalog)")),
      { name: "json", type: "boolean", hidden: true, aliasOf: "format", aliasValue: "json", description: msg("同 --format json", "same as --format json") },
    ],
    examples: [
      { command: "xxgk rules", description: msg("在终端查看规则", "read the rules in the terminal") },
      { command: "xxgk rules --format json > rules.json", description: msg("规则目录（JSON）", "the catalog as JSON") },
    ],
  },
  {
    name: "export",
    args: msg("<文件|目录|glob|->...", "<file|dir|glob|->..."),
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    summary: msg("把报告导出为分析用的数据集（CSV、NDJSON 或 Parquet）", "export reports as a dataset for analysis (CSV, NDJSON or Parquet)"),
    description: msg(
      "长格式（默认）每个单元格一行，列为 file、body、year、edition、table（二/三/四）、row、column、value、pointer、problem；row 和 column 为官方标签，子项带上所属分组（如“（三）不予公开/1.属于国家秘密”）；空白单元格的 value 为空，不记作 0。宽格式（--wide）每份报告一行。CSV 为带 BOM 的 UTF-8、CRLF 换行，Excel 可直接打开中文。文字字段以 = + - @ 开头时加 ' 防止 Excel 当作公式。只有单元格取值无效（负数、小数、文字）的报告照常导出其余单元格：这些单元格留空，并在 problem 列（宽格式为最后的 problems 列）说明填报的值，退出码 1。其他结构无效的报告不导出，并在标准错误中说明（退出码 1）。未给 --format 时按 -o 的扩展名选择格式。",
      "Long form (default) has one line per cell with columns file, body, year, edition, table (二/三/四), row, column, value, pointer, problem; row and column are the official labels, sub-items carry their group (e.g. “（三）不予公开/1.属于国家秘密”); a blank cell has an empty value, never 0. Wide form (--wide) has one line per report. CSV is UTF-8 with a BOM and CRLF line ends, so Excel opens Chinese text correctly. Text fields starting with = + - @ get a leading ' so Excel never runs them as formulas. A report whose only problems are invalid cell values (negative, fractional, text) is exported with those cells empty and explained in the problem column (the last column, problems, in wide form), exit code 1; other structurally invalid reports are left out and reported on standard error (exit code 1). Without --format the format follows the -o extension.",
    ),
    options: [
      FORMAT(
        ["csv", "ndjson", "parquet"],
        msg(
          "输出格式；默认按 -o 的扩展名（.csv .ndjson/.jsonl .parquet），否则 csv；parquet 为长格式，可直接导入 DuckDB、Spark",
          "output format; default: from the -o extension (.csv .ndjson/.jsonl .parquet), else csv; parquet is the long form, for DuckDB, Spark or a warehouse",
        ),
      ),
      TO_ALIAS(["csv", "ndjson", "parquet"]),
      { name: "wide", type: "boolean", description: msg("宽格式：每份报告一行，每个单元格一列", "wide form: one line per report, one column per cell") },
      { name: "no-bom", type: "boolean", description: msg("CSV 不加 UTF-8 BOM", "no UTF-8 BOM in CSV") },
      OUTPUT(msg("写入该文件而不是标准输出", "write to this file instead of standard output")),
      FORCE,
      JOBS,
    ],
    examples: [
      { command: "xxgk export reports/ -o 数据.csv", description: msg("长格式 CSV，Excel 可直接打开", "long CSV that Excel opens") },
      { command: "xxgk export reports/ --wide -o 宽表.csv", description: msg("每份报告一行", "one row per report") },
      { command: 'xxgk export "**/*.json" --format ndjson > cells.ndjson', description: msg("每个单元格一行 JSON", "one JSON line per cell") },
      { command: "xxgk export reports/ -o cells.parquet", description: msg("Parquet（长格式），供 DuckDB 等查询", "Parquet (long form) for DuckDB and the like") },
    ],
  },
  {
    name: "review",
    args: msg("<目录|文件|glob>...", "<dir|file|glob>..."),
    positionals: { min: 1, max: Number.POSITIVE_INFINITY },
    summary: msg("审阅一个地区的全部报告：期限、缺报、重复、跳变、汇总，输出一个网页", "review a region's reports together: deadlines, missing reports, repetition, jumps, roll-up, in one page"),
    description: msg(
      "把一个地区本年度的报告（和 --previous 给出的上年报告）放在一起检查：逐份运行全部校验规则，再运行地区规则——是否在法定期限内发布（部门 1 月 31 日、政府 3 月 31 日）、对照 --bodies 名单的缺报和重复报送、各节文字与本机关上年报告和同年其他机关报告的重复（给出重复率并把重复的段落并排列出）、关键数字的异常跳变、“一”的五个方面和“五”的问题与措施。输出一个独立的 HTML 页面（不联网、可从共享盘打开：概况、图表、可排序筛选的机关表、各机关问题、表三表四汇总），或同样数据的 JSON、CSV。每个问题有稳定的指纹：在页面上标记“接受”“已说明”后下载基线文件，下次用 --baseline 运行只显示新问题。输入可以是报告 JSON，也可以是已发布的报告文件（PDF、Word .docx、网页 .html/.htm、文本 .txt/.md，按内容识别，与 xxgk import 相同），二者可以混在同一目录中：文件在运行时导入，导入时无法辨认的单元格由校验规则指出；无法导入的文件列为“无法审阅”，并写明原因。目录中查找 .json 和上述扩展名的文件。\n退出码：0 没有新的错误级问题；1 有新的错误级问题或有文件无法读取或导入；2 用法错误。",
      "Checks a region's reports of the year together (with last year's from --previous): every report's own rules, then the region rules — published by the legal deadline (departments 31 January, governments 31 March), missing and duplicate reports against the --bodies list, each section's text repeating the body's own report of last year or another body's of the same year (with the share and the repeated passages side by side), implausible jumps of key figures, section 一's five topics and section 五's problems and measures. Writes one self-contained HTML page (no network, opens from a file share: summary, charts, a sortable and filterable table of bodies, each body's findings, the roll-up of tables 3 and 4), or the same data as JSON or CSV. Every finding has a stable fingerprint: mark findings accepted or explained on the page, download the baseline file, and the next run with --baseline shows only what is new. Inputs are report JSON or published reports (PDF, Word .docx, web pages .html/.htm, text .txt/.md, told apart by their content as xxgk import does), mixed in the same folder if need be: documents are imported on the fly, and the cells the importer could not read are named by the rules; a file that cannot be imported is listed as not reviewed, with the reason. Folders are searched for .json and those extensions.\nExit codes: 0 no new error-severity finding; 1 a new one, or a file that cannot be read or imported; 2 usage error.",
    ),
    options: [
      {
        name: "previous",
        type: "string",
        multiple: true,
        value: msg("<目录|文件|glob>", "<dir|file|glob>"),
        description: msg("上一年度的报告（JSON 或已发布的报告文件，按机关名称对应，名称前多出或少了上级地名也能对应），可重复", "last year's reports (JSON or published documents, matched by body name, also when one year adds or drops the higher place before it); repeatable"),
      },
      {
        name: "bodies",
        type: "string",
        value: msg("<CSV 文件>", "<csv file>"),
        description: msg("应报机关名单：表头 name,level,regionCode（level 可写 municipal-department 或“市级政府部门”）", "the bodies expected: header name,level,regionCode (level as municipal-department or its Chinese name)"),
      },
      {
        name: "baseline",
        type: "string",
        value: msg("<文件>", "<file>"),
        description: msg("审阅决定（基线）文件：其中已接受、已说明的问题不再算作新问题", "a baseline of review decisions: findings accepted or explained there are not new"),
      },
      {
        name: "write-baseline",
        type: "string",
        value: msg("<文件>", "<file>"),
        description: msg("把当前全部问题记为“已接受”写入新的基线文件（保留 --baseline 中的决定）", "write a new baseline accepting every current finding (keeping the decisions of --baseline)"),
      },
      FORMAT(["html", "json", "csv"], msg("输出格式；默认按 -o 的扩展名（.html .json .csv），否则 html", "output format; default: from the -o extension (.html .json .csv), else html")),
      {
        name: "renderings",
        type: "string",
        value: msg("<目录>", "<dir>"),
        description: msg("把每份报告的标注稿（HTML）写入该目录，审阅页链接到它们", "write each report's annotated rendering (HTML) into this directory; the page links to them"),
      },
      { name: "year", type: "string", value: "<YYYY>", description: msg("审阅的报告年度；默认为多数报告所写的年度", "the report year reviewed; default: the year most reports state") },
      {
        name: "profile",
        type: "string",
        choices: ["publish", "audit"],
        value: "<publish|audit>",
        description: msg("规则配置，默认 audit（审核已发布的报告）", "rule profile, default audit (reviewing published reports)"),
      },
      {
        name: "rule",
        type: "string",
        multiple: true,
        value: msg("<规则=级别>", "<rule=severity>"),
        description: msg("调整规则级别（含 REGION-* 地区规则）：error、warning、info 或 off，可重复", "set a rule's severity (REGION-* rules included): error, warning, info or off; repeatable"),
      },
      { name: "today", type: "string", value: "<YYYY-MM-DD>", description: msg("页面日期和期限类规则使用的日期（默认今天）", "the date of the page and of deadline rules (default: today)") },
      OUTPUT(msg("写入该文件（HTML 页面必须写入文件）", "write to this file (an HTML page must go to a file)")),
      FORCE,
    ],
    examples: [
      { command: "xxgk review 2024/ --previous 2023/ --bodies bodies.csv -o review.html", description: msg("审阅全地区，输出网页", "review the region into a page") },
      { command: "xxgk review 2024/ --previous 2023/ --bodies bodies.csv --renderings 标注稿/ -o review.html", description: msg("同时写出每份报告的标注稿", "with each report's annotated rendering") },
      { command: "xxgk review 2024/ --previous 2023/ --baseline review-baseline.json -o review.html", description: msg("只看基线之后的新问题", "only what is new since the baseline") },
      { command: "xxgk review 2024/ --format csv -o review.csv", description: msg("同样的数据，CSV", "the same data as CSV") },
      { command: "xxgk review 2024年报/*.pdf --previous 2023年报/ -o review.html", description: msg("直接审阅已发布的 PDF（及 Word、网页、文本）", "review the published PDFs (and Word, web, text) directly") },
    ],
  },
];

/** The command spec by name. */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((command) => command.name === name);
}
