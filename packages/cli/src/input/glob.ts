/**
 * Glob patterns the shell did not expand, as with `xxgk validate "reports/**\/*.json"` or on Windows, where the
 * shell never expands them: matched by picomatch (`*`, `?`, `**`, `[abc]`, `[!abc]`, `{a,b}`, extglobs), the matcher
 * behind micromatch, fast-glob and tinyglobby. The CLI walks the directories itself (expand.ts: hidden directories and
 * node_modules skipped, input order kept) and asks picomatch only whether a path matches.
 */
import picomatch from "picomatch";

/** True when an argument contains glob syntax. */
export function hasGlobSyntax(pattern: string): boolean {
  return picomatch.scan(pattern).isGlob;
}

/**
 * Parentheses that do not open an extglob (`?(`, `*(`, `+(`, `@(`, `!(`) escaped, with their closing ones: file
 * names such as `报告(1).json` are common, and picomatch would read a bare `(1)` as a regular-expression group.
 */
function literalParentheses(glob: string): string {
  let out = "";
  const open: boolean[] = [];
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === "\\") {
      out += char + (glob[index + 1] ?? "");
      index++;
    } else if (char === "(") {
      const extglob = index > 0 && "?*+@!".includes(glob[index - 1]!);
      open.push(!extglob);
      out += extglob ? char : "\\(";
    } else if (char === ")") {
      const literal = open.length === 0 || open.pop()!;
      out += literal ? "\\)" : char;
    } else out += char;
  }
  return out;
}

/**
 * Compiles a glob (with `/` separators) into a regular expression matching whole relative paths. `*` matches
 * names starting with a dot too, as it always has here (hidden directories are skipped by the walk itself);
 * `[!a]` is a negated class as in the shell.
 */
export function globToRegExp(glob: string): RegExp {
  return picomatch.makeRe(literalParentheses(glob), { dot: true, posix: true });
}

/** Splits a glob into the directory without glob syntax and the pattern below it. */
export function splitGlob(glob: string): { base: string; pattern: string } {
  const { base, glob: pattern, isGlob } = picomatch.scan(glob);
  if (!isGlob) {
    const at = glob.lastIndexOf("/");
    return { base: at <= 0 ? (at === 0 ? "/" : ".") : glob.slice(0, at), pattern: glob.slice(at + 1) };
  }
  return { base: base === "" ? (glob.startsWith("/") ? "/" : ".") : base, pattern };
}
