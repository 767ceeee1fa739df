/**
 * Expanding command-line inputs (files, directories, globs, `-`) into an ordered, de-duplicated list of files.
 * Directories are searched recursively for `*.json`, skipping `node_modules` and hidden directories, as eslint does.
 */
import { readdirSync, statSync, type Dirent } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { CliError } from "../errors.js";
import { msg } from "../i18n.js";
import { globToRegExp, hasGlobSyntax, splitGlob } from "./glob.js";

/** One input to process. */
export interface InputFile {
  /** Absolute path, or `"-"` for standard input. */
  path: string;
  /** The name shown to the user (as given, or relative to the current directory). */
  name: string;
}

const STDIN_NAME = "<stdin>";

function toPosix(path: string): string {
  return sep === "/" ? path : path.split(sep).join("/");
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function skipDirectory(entry: Dirent): boolean {
  return entry.name === "node_modules" || entry.name.startsWith(".");
}

/** Every file below a directory, relative to it with `/` separators, sorted by code point. */
function walk(root: string, accept: (relativePath: string) => boolean, maxDepth: number): string[] {
  const found: string[] = [];
  const pending: { dir: string; depth: number }[] = [{ dir: "", depth: 1 }];
  while (pending.length > 0) {
    const { dir, depth } = pending.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      const relativePath = dir ? `${dir}/${entry.name}` : entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = statOrUndefined(join(root, relativePath));
        isFile = target?.isFile() ?? false;
        isDirectory = false; // never follow directory links: no cycles
      }
      if (isDirectory) {
        if (!skipDirectory(entry) && depth < maxDepth) pending.push({ dir: relativePath, depth: depth + 1 });
      } else if (isFile && accept(relativePath)) {
        found.push(relativePath);
      }
    }
  }
  return found.sort((left, right) => (left < right ? -1 : left > right ? 1 : 0));
}

/**
 * Expands arguments into files, in argument order, each directory or glob sorted, duplicates dropped.
 * A directory or glob that matches nothing is a usage error (exit 2), as in eslint; a missing plain file is kept
 * so that reading it reports "no such file".
 */
export function expandInputs(args: readonly string[], cwd: string, extensions: readonly string[] = [".json"]): InputFile[] {
  const accepted = (path: string) => extensions.some((extension) => path.toLowerCase().endsWith(extension));
  const listed = extensions.join(" ");
  const files: InputFile[] = [];
  const seen = new Set<string>();
  const add = (path: string, name: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    files.push({ path, name });
  };
  for (const arg of args) {
    if (arg === "-") {
      add("-", STDIN_NAME);
      continue;
    }
    const absolute = resolve(cwd, arg);
    const stat = statOrUndefined(absolute);
    if (stat?.isDirectory()) {
      const matches = walk(absolute, accepted, Number.POSITIVE_INFINITY);
      if (matches.length === 0) {
        throw new CliError("no-match", msg(`${arg}：目录中没有 ${listed} 文件`, `${arg}: no ${listed} files in this directory`));
      }
      for (const match of matches) add(join(absolute, match), toPosix(join(arg, match)));
      continue;
    }
    if (stat || !hasGlobSyntax(arg)) {
      add(absolute, arg);
      continue;
    }
    const { base, pattern } = splitGlob(toPosix(arg));
    const regex = globToRegExp(pattern);
    const depth = pattern.includes("**") ? Number.POSITIVE_INFINITY : pattern.split("/").length;
    const baseAbsolute = resolve(cwd, base);
    const matches = walk(baseAbsolute, (path) => regex.test(path), depth);
    if (matches.length === 0) {
      throw new CliError("no-match", msg(`没有与“${arg}”匹配的文件`, `no files match "${arg}"`));
    }
    for (const match of matches) {
      const absoluteMatch = join(baseAbsolute, match);
      add(absoluteMatch, base === "." ? match : toPosix(join(base, match)));
    }
  }
  return files;
}

/** The display name relative to the working directory. */
export function displayName(path: string, cwd: string): string {
  const relativePath = relative(cwd, path);
  return relativePath && !relativePath.startsWith("..") ? toPosix(relativePath) : path;
}
