/**
 * Writing output files safely: never over an input, never over an existing file without `--force`, and always
 * through a temporary file in the same directory renamed into place, so an interrupted run leaves either the old
 * file or the complete new one — never half a report.
 */
import { closeSync, existsSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../errors.js";
import { msg } from "../i18n.js";

const pendingTemporaryFiles = new Set<string>();

/** Eight random hex digits. node:crypto is fetched only here: most commands never write a file (start-up time). */
function randomSuffix(): string {
  return process.getBuiltinModule("node:crypto").randomBytes(4).toString("hex");
}

/** Removes temporary files of writes still in progress (called on SIGINT/SIGTERM). */
export function removePendingTemporaryFiles(): void {
  for (const path of pendingTemporaryFiles) {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  }
  pendingTemporaryFiles.clear();
}

function canonical(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    try {
      return join(realpathSync(dirname(path)), basename(path));
    } catch {
      return path;
    }
  }
}

/** Options for {@link checkOutputPath}. */
export interface OutputCheck {
  /** Overwrite an existing file. */
  force: boolean;
  /** Absolute paths of the command's inputs, which are never overwritten, even with `--force`. */
  inputs: readonly string[];
}

/** Resolves and checks an output path. Throws {@link CliError} when writing there is not allowed. */
export function checkOutputPath(path: string, cwd: string, check: OutputCheck): string {
  const absolute = resolve(cwd, path);
  const target = canonical(absolute);
  if (check.inputs.some((input) => input !== "-" && canonical(input) === target)) {
    throw new CliError(
      "output-is-input",
      msg(`${path}：输出文件与输入文件相同，不会覆盖输入文件`, `${path}: the output is one of the input files; inputs are never overwritten`),
    );
  }
  if (existsSync(absolute)) {
    if (statSync(absolute).isDirectory()) {
      throw new CliError("write-failed", msg(`${path}：是目录，请给出文件名`, `${path}: is a directory; give a file name`));
    }
    if (!check.force) {
      throw new CliError(
        "output-exists",
        msg(`${path}：文件已存在；如要覆盖，请加 --force`, `${path}: file exists; use --force to overwrite it`),
      );
    }
  }
  if (!existsSync(dirname(absolute))) {
    throw new CliError("write-failed", msg(`${path}：所在目录不存在`, `${path}: its directory does not exist`));
  }
  return absolute;
}

function writeError(path: string, error: unknown): CliError {
  const detail = error instanceof Error ? error.message : String(error);
  return new CliError("write-failed", msg(`${path}：写入失败（${detail}）`, `${path}: write failed (${detail})`));
}

/** A file being written: chunks go to a temporary file that {@link AtomicFile.commit} renames into place. */
export class AtomicFile {
  readonly path: string;
  private readonly temporary: string;
  private fd: number | undefined;

  constructor(path: string) {
    this.path = path;
    this.temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomSuffix()}.tmp`);
    try {
      this.fd = openSync(this.temporary, "wx", 0o644);
    } catch (error) {
      throw writeError(path, error);
    }
    pendingTemporaryFiles.add(this.temporary);
  }

  /** Appends a chunk. */
  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error("AtomicFile already closed");
    try {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      let written = 0;
      while (written < bytes.length) written += writeSync(this.fd, bytes, written, bytes.length - written);
    } catch (error) {
      this.abort();
      throw writeError(this.path, error);
    }
  }

  /** Flushes to disk and renames the temporary file over the target. */
  commit(): void {
    if (this.fd === undefined) return;
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      renameSync(this.temporary, this.path);
      pendingTemporaryFiles.delete(this.temporary);
    } catch (error) {
      this.abort();
      throw writeError(this.path, error);
    }
  }

  /** Discards the temporary file; the target is left untouched. */
  abort(): void {
    if (this.fd !== undefined) {
      try {
        closeSync(this.fd);
      } catch {
        // ignore
      }
      this.fd = undefined;
    }
    try {
      unlinkSync(this.temporary);
    } catch {
      // ignore
    }
    pendingTemporaryFiles.delete(this.temporary);
  }
}

/** Writes a whole file atomically. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  file.write(data);
  file.commit();
}
