/**
 * `xxgk import`: published reports (text, Markdown; HTML, PDF and DOCX where the importer reads them) to report
 * JSON, one file or a whole province, with the same input expansion, worker pool, progress bar and atomic writes
 * as `validate`. Each imported report is checked with the validators, so the exit code says whether it is clean.
 */
import { availableParallelism } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { existsSync, mkdirSync, statSync } from "node:fs";
import { flag, jobsOption, stringOption, usageError, type ParsedArgs } from "../args.js";
import { runBatch } from "../batch.js";
import { printError, type Context } from "../context.js";
import { CliError, EXIT } from "../errors.js";
import { noteExitCode } from "../exit-state.js";
import { msg, pick } from "../i18n.js";
import { expandInputs } from "../input/expand.js";
import { readStream } from "../input/read.js";
import { AtomicFile, checkOutputPath } from "../output/atomic.js";
import { ProgressBar } from "../output/progress.js";
import { openSink, writeBatch } from "../output/sink.js";
import { IMPORT_EXTENSIONS, type ImportJob, type ImportOutcome } from "../import-task.js";

/** Findings printed per file before "…". */
const SHOWN_FINDINGS = 5;

interface Totals {
  files: number;
  imported: number;
  partial: number;
  refused: number;
  unreadable: number;
  clean: number;
  read: number;
  inferred: number;
  unreadableCells: number;
}

/** Runs `xxgk import`. */
export async function execute(context: Context, { values, positionals }: ParsedArgs): Promise<number> {
  const started = Date.now();
  const { lang, io } = context;
  const output = stringOption(values, "output");
  const outDir = stringOption(values, "out-dir");
  const force = flag(values, "force");
  const files = expandInputs(positionals, io.cwd, IMPORT_EXTENSIONS);
  const format = (stringOption(values, "format") ?? (files.length === 1 && !outDir ? "json" : "ndjson")) as "json" | "ndjson";
  if (output !== undefined && outDir !== undefined) {
    throw usageError("-o 与 --out-dir 不能同时使用", "-o and --out-dir cannot be used together", "import");
  }
  if (format === "json" && files.length > 1 && !outDir) {
    throw usageError(
      "导入多份报告时，请用 --out-dir 目录 为每份报告各写一个 JSON 文件，或用 --format ndjson 每行一份",
      "importing several reports: use --out-dir DIR for one JSON file per report, or --format ndjson for one line per report",
      "import",
    );
  }
  const today = stringOption(values, "today");
  if (today !== undefined && (!/^\d{4}-\d{2}-\d{2}$/u.test(today) || Number.isNaN(Date.parse(today)))) {
    throw usageError(`--today 应为 YYYY-MM-DD 格式的日期，实为“${today}”`, `--today must be a date as YYYY-MM-DD, got "${today}"`, "import");
  }
  let directory: string | undefined;
  if (outDir !== undefined) {
    directory = resolve(io.cwd, outDir);
    if (existsSync(directory) && !statSync(directory).isDirectory()) {
      throw new CliError("write-failed", msg(`${outDir}：已存在，但不是目录`, `${outDir}: exists and is not a directory`));
    }
    // Like `tsc --outDir` and `cp -r`: the folder (and its parents) is created when missing.
    try {
      mkdirSync(directory, { recursive: true });
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? String(error);
      throw new CliError("write-failed", msg(`${outDir}：无法创建目录（${reason}）`, `${outDir}: cannot create the folder (${reason})`));
    }
  }
  // One output name per input in --out-dir; two inputs with the same name would overwrite each other.
  const targets = new Map<string, string>();
  if (directory) {
    const seen = new Map<string, string>();
    for (const file of files) {
      const name = `${basename(file.name, extname(file.name)) || "stdin"}.json`;
      const previous = seen.get(name);
      if (previous) {
        throw usageError(
          `${previous} 与 ${file.name} 都会写成 ${name}，请分批导入或改名`,
          `${previous} and ${file.name} would both be written as ${name}; import them separately or rename one`,
          "import",
        );
      }
      seen.set(name, file.name);
      const target = join(directory, name);
      checkOutputPath(target, io.cwd, { force, inputs: files.map((input) => input.path) });
      targets.set(file.path, target);
    }
  }
  // The output is checked (and its temporary file created) before any input is read: fail fast.
  const sink = directory
    ? { toStdout: false, write: () => undefined, commit: () => undefined, abort: () => undefined }
    : openSink(context, output, { force, inputs: files.map((file) => file.path) });
  const job: ImportJob = {
    kind: "import",
    lang,
    ...(stringOption(values, "profile") ? { profile: stringOption(values, "profile") as "publish" | "audit" } : {}),
    ...(today ? { today } : {}),
  };
  const jobs = jobsOption(values, "import", availableParallelism());
  const progress = new ProgressBar(io.stderr, files.length, pick(msg("导入", "importing"), lang), Boolean(io.stderr.isTTY) && files.length > 1);
  const totals: Totals = { files: files.length, imported: 0, partial: 0, refused: 0, unreadable: 0, clean: 0, read: 0, inferred: 0, unreadableCells: 0 };
  const written: AtomicFile[] = [];
  let wroteAny = false;
  const work = async () => {
    const stdinBytes = files.some((file) => file.path === "-") ? await readStream(io.stdin, "<stdin>") : undefined;
    try {
      await runBatch<ImportOutcome>({
        files,
        job,
        jobs,
        ...(stdinBytes ? { stdinBytes } : {}),
        onProgress: (done) => progress.update(done),
        onOutcome: (file, outcome) => {
          progress.clear();
          if (outcome.status === "error") {
            totals.unreadable++;
            noteExitCode(EXIT.usage);
            printError(context, `xxgk: ${pick(msg("错误", "error"), lang)}: ${pick(outcome.error.text, lang)}`);
            return;
          }
          if (outcome.status === "refused") {
            totals.refused++;
            noteExitCode(EXIT.usage);
            printError(context, pick(msg(`${file.name}：未导入：${outcome.text.zh}`, `${file.name}: not imported: ${outcome.text.en}`), lang));
            if (format === "ndjson" && !directory) {
              sink.write(`${JSON.stringify({ file: file.name, status: "refused", code: outcome.code, message: outcome.text.zh, messageEn: outcome.text.en })}\n`);
              wroteAny = true;
            }
            return;
          }
          if (outcome.status === "imported") totals.imported++;
          else totals.partial++;
          totals.read += outcome.counts.read;
          totals.inferred += outcome.counts.inferred;
          totals.unreadableCells += outcome.counts.unreadable;
          const serious = outcome.findings.filter((finding) => finding.severity !== "info");
          const clean = outcome.status === "imported" && serious.length === 0 && outcome.validation.failed === 0 && outcome.counts.unreadable === 0;
          if (clean) totals.clean++;
          noteExitCode(clean ? EXIT.ok : EXIT.findings);
          const counts = outcome.counts;
          printError(
            context,
            pick(
              msg(
                `${file.name}：${outcome.status === "imported" ? "已导入" : "部分导入"}（读取 ${counts.read} 格，其中空白 ${counts.blank}；推断 ${counts.inferred}；无法辨认 ${counts.unreadable}）；校验：${outcome.validation.failed} 项问题，${outcome.validation.notAssessable} 项无法评估`,
                `${file.name}: ${outcome.status === "imported" ? "imported" : "partly imported"} (${counts.read} cells read, ${counts.blank} of them blank; ${counts.inferred} inferred; ${counts.unreadable} unreadable); validation: ${outcome.validation.failed} problem(s), ${outcome.validation.notAssessable} not assessable`,
              ),
              lang,
            ),
          );
          for (const finding of serious.slice(0, SHOWN_FINDINGS)) printError(context, `  ${finding.code}: ${pick(finding.text, lang)}`);
          if (serious.length > SHOWN_FINDINGS) printError(context, `  …`);
          if (directory) {
            const target = new AtomicFile(targets.get(file.path)!);
            target.write(outcome.report);
            written.push(target);
          } else if (format === "json") {
            sink.write(outcome.report);
            wroteAny = true;
          } else {
            wroteAny = true;
            sink.write(
              `${JSON.stringify({
                file: file.name,
                status: outcome.status,
                counts: outcome.counts,
                findings: outcome.findings.map((finding) => ({ code: finding.code, severity: finding.severity, message: finding.text.zh, messageEn: finding.text.en })),
                report: JSON.parse(outcome.report) as unknown,
              })}\n`,
            );
          }
        },
      });
    } catch (error) {
      for (const file of written) file.abort();
      throw error;
    }
    // Every file of --out-dir is committed only once the whole batch went through.
    for (const file of written) file.commit();
  };
  // A refused report writes nothing: no empty output file is left behind.
  await writeBatch(sink, progress, work, () => wroteAny);
  const seconds = (Date.now() - started) / 1000;
  printError(
    context,
    pick(
      msg(
        `导入 ${totals.files} 份：${totals.imported} 份完整，${totals.partial} 份部分导入，${totals.refused} 份拒绝${totals.unreadable ? `，${totals.unreadable} 份无法读取` : ""}；单元格：读取 ${totals.read}，推断 ${totals.inferred}，无法辨认 ${totals.unreadableCells}；用时 ${seconds.toFixed(1)} 秒`,
        `imported ${totals.files} file${totals.files === 1 ? "" : "s"}: ${totals.imported} complete, ${totals.partial} partial, ${totals.refused} refused${totals.unreadable ? `, ${totals.unreadable} unreadable` : ""}; cells: ${totals.read} read, ${totals.inferred} inferred, ${totals.unreadableCells} unreadable; in ${seconds.toFixed(1)} s`,
      ),
      lang,
    ),
  );
  if (totals.refused || totals.unreadable) return EXIT.usage;
  return totals.clean === totals.files ? EXIT.ok : EXIT.findings;
}
