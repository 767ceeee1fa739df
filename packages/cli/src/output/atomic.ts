/**
 * Writing output files safely. The promises, in order of importance:
 *
 * - An input is never overwritten, not even with `--force`.
 * - A regular file is written through a temporary file in the same directory and renamed into place, so an
 *   interrupted run leaves either the old file or the complete new one, never half a report. Without `--force` the
 *   new file is linked into place with `link(2)`, which fails when the name exists: two runs writing the same `-o`
 *   at once cannot silently replace each other, the second one is told the file exists.
 * - Something that is not a regular file is never replaced: a character device (`/dev/null`) or a FIFO is written
 *   in place (no temporary file, no rename, no `--force` needed: nothing is destroyed), `/dev/stdout`, `/dev/stderr`
 *   and `/dev/fd/N` write to the descriptor the shell opened, and a block device, a socket or a symbolic link is
 *   refused with a message saying why. A link is refused rather than followed because the tool runs as root on
 *   shared drives, where whoever can create `out.json -> /etc/passwd` must not choose what `--force` replaces.
 * - Temporary files carry a recognisable name (`.<name>.xxgk-<pid>-<random>.tmp`, kept under the 255-byte limit of
 *   a file name) and are removed on every exit path the process controls (error, SIGINT/SIGTERM, closed pipe, exit);
 *   after a SIGKILL they can be found by that name (docs/security.md).
 *
 * Why not `write-file-atomic`: it always writes a temporary file and renames it over the target, so it would
 * replace `/dev/null` or a FIFO with a regular file (the bug this module fixes), and it resolves symbolic links
 * and writes through them; it has no "create only if absent" mode either. The few lines here do exactly what the
 * CLI needs and are tested case by case (atomic.test.ts, test/cli-hardening.test.ts).
 */
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "../errors.js";
import { msg } from "../i18n.js";

const pendingTemporaryFiles = new Set<string>();

/** Eight random hex digits. node:crypto is fetched only here: most commands never write a file (start-up time). */
function randomSuffix(): string {
  return process.getBuiltinModule("node:crypto").randomBytes(4).toString("hex");
}

/** Removes temporary files of writes still in progress (called on SIGINT/SIGTERM, a closed pipe and exit). */
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

function errnoOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String((error as { code: unknown }).code) : undefined;
}

/** Options for {@link checkOutputPath}. */
export interface OutputCheck {
  /** Overwrite an existing file. */
  force: boolean;
  /** Absolute paths of the command's inputs, which are never overwritten, even with `--force`. */
  inputs: readonly string[];
}

/** Where an output goes, decided by {@link resolveOutput}. */
export type OutputTarget =
  /** The process's standard output or standard error stream (`-`, `/dev/stdout`, `/dev/stderr`). */
  | { kind: "stdout" | "stderr" }
  /** A descriptor the shell opened (`/dev/fd/N`, e.g. `-o >(gzip > x.gz)`): written as it is. */
  | { kind: "fd"; fd: number; path: string }
  /** An existing character device or FIFO: written in place, never replaced. */
  | { kind: "direct"; path: string }
  /** A regular file, written through a temporary file; `replace` when `--force` allows replacing it. */
  | { kind: "file"; path: string; replace: boolean };

const STANDARD_STREAMS: Readonly<Record<string, "stdout" | "stderr">> = {
  "/dev/stdout": "stdout",
  "/dev/fd/1": "stdout",
  "/proc/self/fd/1": "stdout",
  "/dev/stderr": "stderr",
  "/dev/fd/2": "stderr",
  "/proc/self/fd/2": "stderr",
};

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if (errnoOf(error) === "ENOENT" || errnoOf(error) === "ENOTDIR") return undefined;
    throw error;
  }
}

/**
 * Decides where an output goes and whether it may go there. Throws {@link CliError} (`output-is-input`,
 * `output-exists`, `write-failed`) when writing there is not allowed.
 */
export function resolveOutput(path: string, cwd: string, check: OutputCheck): OutputTarget {
  if (path === "-") return { kind: "stdout" };
  const stream = STANDARD_STREAMS[path];
  if (stream) return { kind: stream };
  const descriptor = /^\/(?:dev|proc\/self)\/fd\/(\d+)$/.exec(path);
  if (descriptor) {
    const fd = Number(descriptor[1]);
    try {
      fstatSync(fd);
    } catch {
      throw new CliError("write-failed", msg(`${path}：文件描述符 ${fd} 未打开`, `${path}: file descriptor ${fd} is not open`));
    }
    return { kind: "fd", fd, path };
  }
  const absolute = resolve(cwd, path);
  const target = canonical(absolute);
  if (check.inputs.some((input) => input !== "-" && canonical(input) === target)) {
    throw new CliError(
      "output-is-input",
      msg(`${path}：输出文件与输入文件相同，不会覆盖输入文件`, `${path}: the output is one of the input files; inputs are never overwritten`),
    );
  }
  let stat: Stats | undefined;
  try {
    stat = lstatOrUndefined(absolute);
  } catch (error) {
    throw writeError(path, error);
  }
  if (stat === undefined) {
    let parent: Stats | undefined;
    try {
      parent = statSync(dirname(absolute));
    } catch {
      parent = undefined;
    }
    if (!parent?.isDirectory()) {
      throw new CliError("write-failed", msg(`${path}：所在目录不存在`, `${path}: its directory does not exist`));
    }
    return { kind: "file", path: absolute, replace: check.force };
  }
  if (stat.isSymbolicLink()) {
    let points = "";
    try {
      points = readlinkSync(absolute);
    } catch {
      // shown without its target
    }
    throw new CliError(
      "write-failed",
      msg(
        `${path}：是符号链接${points ? `（指向 ${points}）` : ""}；为安全起见不经符号链接写入，请直接给出目标文件的路径`,
        `${path}: is a symbolic link${points ? ` (to ${points})` : ""}; for safety nothing is written through a link — give the real file's path`,
      ),
    );
  }
  if (stat.isDirectory()) {
    throw new CliError("write-failed", msg(`${path}：是目录，请给出文件名`, `${path}: is a directory; give a file name`));
  }
  if (stat.isCharacterDevice() || stat.isFIFO()) return { kind: "direct", path: absolute };
  if (!stat.isFile()) {
    const what = stat.isBlockDevice() ? msg("块设备", "a block device") : stat.isSocket() ? msg("套接字", "a socket") : msg("特殊文件", "a special file");
    throw new CliError("write-failed", msg(`${path}：是${what.zh}，不会写入`, `${path}: is ${what.en}; not writing to it`));
  }
  if (!check.force) {
    throw new CliError(
      "output-exists",
      msg(`${path}：文件已存在；如要覆盖，请加 --force`, `${path}: file exists; use --force to overwrite it`),
    );
  }
  return { kind: "file", path: absolute, replace: true };
}

/**
 * Resolves and checks an output path that must be a regular file (or absent). Throws {@link CliError} when
 * writing there is not allowed. Kept for callers that only need the path; {@link resolveOutput} says more.
 */
export function checkOutputPath(path: string, cwd: string, check: OutputCheck): string {
  const target = resolveOutput(path, cwd, check);
  return "path" in target ? target.path : path;
}

function writeError(path: string, error: unknown): CliError {
  const detail = error instanceof Error ? error.message : String(error);
  return new CliError("write-failed", msg(`${path}：写入失败（${detail}）`, `${path}: write failed (${detail})`));
}

/**
 * Temporary files an earlier run left beside `path` (killed with SIGKILL, or the machine lost power): names of the
 * form `.<name>.xxgk-<pid>-<random>.tmp` whose process is no longer running here and that are over a minute old.
 * They are only reported, never removed: on a shared drive the process may be alive on another machine.
 */
export function staleTemporaryFiles(path: string, now = Date.now()): string[] {
  const stem = basename(temporaryPathFor(path)).replace(/\.xxgk-\d+-[0-9a-f]{8}\.tmp$/, "");
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return [];
  }
  return names.filter((name) => {
    const match = /^(.*)\.xxgk-(\d+)-[0-9a-f]{8}\.tmp$/.exec(name);
    if (!match || match[1] !== stem) return false;
    const pid = Number(match[2]);
    try {
      process.kill(pid, 0);
      return false; // still running (here)
    } catch (error) {
      if (errnoOf(error) !== "ESRCH") return false;
    }
    try {
      return now - lstatSync(join(dirname(path), name)).mtimeMs > 60_000;
    } catch {
      return false;
    }
  });
}

/** Longest file name most file systems accept, in bytes. */
const NAME_MAX = 255;

/**
 * The temporary file's name beside `path`: `.<name>.xxgk-<pid>-<random>.tmp`, with `<name>` shortened (on a
 * character boundary) so the whole name stays within {@link NAME_MAX} bytes.
 */
export function temporaryPathFor(path: string): string {
  const suffix = `.xxgk-${process.pid}-${randomSuffix()}.tmp`;
  let name = basename(path);
  const room = NAME_MAX - 1 - Buffer.byteLength(suffix);
  if (Buffer.byteLength(name) > room) {
    let kept = "";
    for (const character of name) {
      if (Buffer.byteLength(kept + character) > room) break;
      kept += character;
    }
    name = kept;
  }
  return join(dirname(path), `.${name}${suffix}`);
}

/** True for errors of a file system that cannot make hard links (FAT, some network shares). */
function linkUnsupported(error: unknown): boolean {
  const code = errnoOf(error);
  return code === "EPERM" || code === "ENOTSUP" || code === "EOPNOTSUPP" || code === "ENOSYS" || code === "EXDEV" || code === "EMLINK";
}

/** A file being written: chunks go to a temporary file that {@link AtomicFile.commit} puts into place. */
export class AtomicFile {
  readonly path: string;
  private readonly temporary: string;
  private readonly replace: boolean;
  private fd: number | undefined;

  /** `replace`: an existing file at `path` may be replaced (`--force`); otherwise commit fails if one appeared. */
  constructor(path: string, options: { replace?: boolean } = {}) {
    this.path = path;
    this.replace = options.replace ?? true;
    this.temporary = temporaryPathFor(path);
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
      writeAll(this.fd, chunk);
    } catch (error) {
      this.abort();
      throw writeError(this.path, error);
    }
  }

  /** Flushes to disk and puts the temporary file into place. */
  commit(): void {
    if (this.fd === undefined) return;
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = undefined;
      if (this.replace) this.renameIntoPlace();
      else this.linkIntoPlace();
      pendingTemporaryFiles.delete(this.temporary);
    } catch (error) {
      this.abort();
      throw error instanceof CliError ? error : writeError(this.path, error);
    }
  }

  private renameIntoPlace(): void {
    const existing = lstatOrUndefined(this.path);
    if (existing && !existing.isFile()) {
      // Replaced by something else since the check (a link, a device): never rename over it.
      throw new CliError(
        "write-failed",
        msg(`${this.path}：写入期间已变为非普通文件，未覆盖`, `${this.path}: is no longer a regular file; not replaced`),
      );
    }
    if (existing) {
      try {
        chmodSync(this.temporary, existing.mode & 0o7777);
      } catch {
        // keep the default mode
      }
    }
    renameSync(this.temporary, this.path);
  }

  private linkIntoPlace(): void {
    try {
      linkSync(this.temporary, this.path);
    } catch (error) {
      if (errnoOf(error) === "EEXIST") {
        throw new CliError(
          "output-exists",
          msg(
            `${this.path}：文件已存在（可能由同时运行的另一个 xxgk 写入）；如要覆盖，请加 --force`,
            `${this.path}: file exists (perhaps written by another xxgk running at the same time); use --force to overwrite it`,
          ),
        );
      }
      if (!linkUnsupported(error)) throw error;
      // No hard links here: the best this file system allows is to check just before the rename.
      if (lstatOrUndefined(this.path)) {
        throw new CliError("output-exists", msg(`${this.path}：文件已存在；如要覆盖，请加 --force`, `${this.path}: file exists; use --force to overwrite it`));
      }
      renameSync(this.temporary, this.path);
      return;
    }
    unlinkSync(this.temporary);
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

function writeAll(fd: number, chunk: string | Uint8Array): void {
  const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written);
}

/**
 * An existing character device or FIFO, written in place: opened without `O_CREAT` (so a vanished device never
 * becomes a new regular file) and checked again once open. A FIFO without a reader is an error, not a hang.
 */
export class DirectFile {
  readonly path: string;
  private fd: number | undefined;

  constructor(path: string) {
    this.path = path;
    try {
      // Non-blocking open: a FIFO nobody reads fails at once (ENXIO) instead of blocking the process (and its
      // signal handlers). It is reopened blocking for the writes, which then wait for a slow reader as a pipe does.
      const probe = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
      const stat = fstatSync(probe);
      if (stat.isFile() || stat.isDirectory()) {
        closeSync(probe);
        throw new CliError("write-failed", msg(`${path}：写入期间已变为普通文件，未写入`, `${path}: became a regular file; not written`));
      }
      this.fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY);
      closeSync(probe);
    } catch (error) {
      if (error instanceof CliError) throw error;
      if (errnoOf(error) === "ENXIO") {
        throw new CliError("write-failed", msg(`${path}：命名管道没有读取方`, `${path}: the named pipe has no reader`));
      }
      throw writeError(path, error);
    }
  }

  write(chunk: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error("DirectFile already closed");
    try {
      writeAll(this.fd, chunk);
    } catch (error) {
      this.close();
      throw writeError(this.path, error);
    }
  }

  close(): void {
    if (this.fd === undefined) return;
    try {
      closeSync(this.fd);
    } catch {
      // ignore
    }
    this.fd = undefined;
  }
}

/** Writes a whole file atomically (replacing an existing regular file). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  file.write(data);
  file.commit();
}

/** Writes to a descriptor opened by the shell (`/dev/fd/N`). */
export function writeToDescriptor(fd: number, path: string, chunk: string | Uint8Array): void {
  try {
    writeAll(fd, chunk);
  } catch (error) {
    throw writeError(path, error);
  }
}
