/**
 * `xxgk export`: reports to a dataset (long or wide, CSV or NDJSON), streamed in input order.
 */
import { flag, jobsOption, stringOption, usageError, type ParsedArgs } from "../args.js";
import { addParquetRows, parquetBytes, parquetColumns } from "../output/parquet.js";
import { runBatch } from "../batch.js";
import { printError, type Context } from "../context.js";
import { EXIT } from "../errors.js";
import { noteExitCode } from "../exit-state.js";
import { exportHeader, type ExportFormat } from "../export-rows.js";
import { invalidCellCount } from "../cell-repair.js";
import { countEn, msg, pick } from "../i18n.js";
import { expandInputs } from "../input/expand.js";
import { readStream } from "../input/read.js";
import { UTF8_BOM } from "../output/csv.js";
import { ProgressBar } from "../output/progress.js";
import { EXPORT_EXTENSIONS, outputFormat } from "../output/format-from-path.js";
import { openSink, writeBatch } from "../output/sink.js";
import type { ExportOutcome } from "../tasks.js";
import { availableParallelism } from "node:os";

/** Runs `xxgk export`. */
export async function execute(context: Context, { values, positionals }: ParsedArgs): Promise<number> {
  const { lang } = context;
  const target = outputFormat<ExportFormat | "parquet">({
    command: "export",
    option: "--format",
    output: stringOption(values, "output"),
    given: stringOption(values, "format") as ExportFormat | "parquet" | undefined,
    fallback: "csv",
    table: EXPORT_EXTENSIONS,
  });
  const wide = flag(values, "wide");
  const parquet = target === "parquet";
  if (parquet && wide) {
    throw usageError("--format parquet 只写长格式（每个单元格一行），不能与 --wide 同用", "--format parquet writes the long form (one row per cell); it cannot be combined with --wide", "export");
  }
  if (parquet && (stringOption(values, "output") ?? "-") === "-" && context.io.stdout.isTTY) {
    throw usageError("Parquet 是二进制文件，不能输出到终端；请用 -o 指定文件名", "Parquet is binary and cannot go to a terminal; name a file with -o", "export");
  }
  // Parquet is columnar: the rows are produced as NDJSON (the same long form) and gathered into columns.
  const format: ExportFormat = parquet ? "ndjson" : target;
  const columns = parquet ? parquetColumns() : undefined;
  const jobs = jobsOption(values, "export", availableParallelism());
  const files = expandInputs(positionals, context.io.cwd);
  // The output is checked (and its temporary file created) before any input is read: fail fast.
  const sink = openSink(context, stringOption(values, "output"), { force: flag(values, "force"), inputs: files.map((file) => file.path) });
  const progress = new ProgressBar(context.io.stderr, files.length, pick(msg("导出", "export"), lang), Boolean(context.io.stderr.isTTY) && files.length > 1);
  let exported = 0;
  let invalid = 0;
  let partial = 0;
  let unreadable = 0;
  await writeBatch(sink, progress, async () => {
    const stdinBytes = files.some((file) => file.path === "-") ? await readStream(context.io.stdin, "<stdin>") : undefined;
    if (format === "csv" && !flag(values, "no-bom")) sink.write(UTF8_BOM);
    if (!columns) sink.write(exportHeader(format, wide));
    const emit = (text: string) => (columns ? addParquetRows(columns, text) : sink.write(text));
    await runBatch<ExportOutcome>({
      files,
      job: { kind: "export", format, wide, lang },
      jobs,
      ...(stdinBytes ? { stdinBytes } : {}),
      onProgress: (done) => progress.update(done),
      onOutcome: (file, outcome) => {
        noteExitCode(outcome.status === "error" ? EXIT.usage : outcome.status === "ok" ? EXIT.ok : EXIT.findings);
        if (outcome.status === "ok") {
          exported++;
          emit(outcome.text);
          return;
        }
        progress.clear();
        if (outcome.status === "partial") {
          exported++;
          partial++;
          emit(outcome.text);
          const count = invalidCellCount(outcome.cells.length);
          const column = wide ? "problems" : "problem";
          printError(
            context,
            pick(
              msg(
                `${file.name}：警告：${count.zh}，已导出其余单元格，这些单元格留空并在 ${column} 列说明：`,
                `${file.name}: warning: ${count.en}; the other cells were exported, ${outcome.cells.length === 1 ? "this one is" : "these are"} left empty and explained in the ${column} column:`,
              ),
              lang,
            ),
          );
          for (const cell of outcome.cells.slice(0, 5)) printError(context, `  ${cell.label}: ${pick(cell.problem, lang)}`);
          if (outcome.cells.length > 5) printError(context, `  …`);
          return;
        }
        if (outcome.status === "error") {
          unreadable++;
          printError(context, `${pick(outcome.error.text, lang)}`);
        } else if (outcome.status === "syntax") {
          invalid++;
          context.io.stderr.write(pick(outcome.frame, lang));
        } else {
          invalid++;
          const shown = outcome.issues.slice(0, 5);
          printError(
            context,
            pick(msg(`${file.name}：结构无效，未导出（${outcome.issues.length} 处问题）`, `${file.name}: invalid structure, not exported (${countEn(outcome.issues.length, "problem")})`), lang),
          );
          for (const issue of shown) printError(context, `  ${issue.label}: ${lang === "en" ? issue.messageEn : issue.message}`);
          if (outcome.issues.length > shown.length) printError(context, `  …`);
        }
      },
    });
    if (columns) sink.write(await parquetBytes(columns));
  });
  if (files.length > 1 || !sink.toStdout) {
    printError(
      context,
      pick(
        msg(
          `已导出 ${exported} 份报告${partial ? `（其中 ${partial} 份有取值无效的单元格，已留空）` : ""}${invalid ? `，${invalid} 份无效未导出` : ""}${unreadable ? `，${unreadable} 份无法读取` : ""}`,
          `exported ${exported} report${exported === 1 ? "" : "s"}${partial ? ` (${partial} with invalid cell values left empty)` : ""}${invalid ? `, ${invalid} invalid and left out` : ""}${unreadable ? `, ${unreadable} unreadable` : ""}`,
        ),
        lang,
      ),
    );
  }
  return unreadable ? EXIT.usage : invalid || partial ? EXIT.findings : EXIT.ok;
}
