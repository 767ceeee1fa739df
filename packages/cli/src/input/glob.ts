/**
 * A small glob matcher (`*`, `?`, `**`, `[abc]`, `{a,b}`) for patterns the shell did not expand, as with
 * `xxgk validate "reports/**\/*.json"` or on Windows, where the shell never expands them.
 */

/** True when an argument contains glob syntax. */
export function hasGlobSyntax(pattern: string): boolean {
  return /[*?[{]/.test(pattern);
}

function escapeRegex(char: string): string {
  return /[\\^$.*+?()[\]{}|/]/.test(char) ? `\\${char}` : char;
}

/** Compiles a glob (with `/` separators) into a regular expression matching whole relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = "";
  let braceDepth = 0;
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index]!;
    if (char === "*") {
      if (glob[index + 1] === "*") {
        const atSegmentStart = index === 0 || glob[index - 1] === "/";
        const next = glob[index + 2];
        if (atSegmentStart && next === "/") {
          source += "(?:[^/]*(?:/|$))*";
          index += 2;
          continue;
        }
        if (atSegmentStart && next === undefined) {
          source += ".*";
          index += 1;
          continue;
        }
      }
      source += "[^/]*";
    } else if (char === "?") {
      source += "[^/]";
    } else if (char === "[") {
      const close = glob.indexOf("]", index + 2);
      if (close === -1) {
        source += "\\[";
        continue;
      }
      let body = glob.slice(index + 1, close);
      if (body.startsWith("!")) body = `^${body.slice(1)}`;
      source += `[${body.replace(/\\/g, "\\\\")}]`;
      index = close;
    } else if (char === "{") {
      braceDepth++;
      source += "(?:";
    } else if (char === "}" && braceDepth > 0) {
      braceDepth--;
      source += ")";
    } else if (char === "," && braceDepth > 0) {
      source += "|";
    } else {
      source += escapeRegex(char);
    }
  }
  return new RegExp(`^${source}$`, "u");
}

/** Splits a glob into the directory without glob syntax and the pattern below it. */
export function splitGlob(glob: string): { base: string; pattern: string } {
  const segments = glob.split("/");
  const baseSegments: string[] = [];
  while (segments.length > 1 && !hasGlobSyntax(segments[0]!)) baseSegments.push(segments.shift()!);
  const base = baseSegments.join("/");
  return { base: base === "" && glob.startsWith("/") ? "/" : base || ".", pattern: segments.join("/") };
}
