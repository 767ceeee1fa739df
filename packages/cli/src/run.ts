/**
 * The entry of the `xxgk` command: global options, dispatch to a command (loaded on demand, so `xxgk validate`
 * never loads the renderer), errors to standard error, and the exit code as the result.
 */
import { parseCommandArgs, type ParsedArgs } from "./args.js";
import { createContext, type CliIo, type Context } from "./context.js";
import { VERSION } from "./embedded.js";
import { CliError, EXIT } from "./errors.js";
import { resetExitCode } from "./exit-state.js";
import { detectLang, msg, pick, type Lang } from "./i18n.js";
import { commandHelp, mainHelp } from "./help.js";
import { COMMANDS, commandSpec } from "./specs.js";
import { closestMatch } from "./suggest.js";
import { escapeTerminalText } from "./terminal-text.js";

/** A command implementation: returns the exit code. */
export type CommandHandler = (context: Context, args: ParsedArgs) => Promise<number>;

const LOADERS: Record<string, () => Promise<{ execute: CommandHandler }>> = {
  init: () => import("./commands/init.js"),
  validate: () => import("./commands/validate.js"),
  render: () => import("./commands/render.js"),
  import: () => import("./commands/import.js"),
  schema: () => import("./commands/schema.js"),
  rules: () => import("./commands/rules.js"),
  export: () => import("./commands/export.js"),
  review: () => import("./commands/review.js"),
};

/**
 * The process's own streams and state. The streams are getters: Node creates `process.stdin` (and each stream)
 * on first access, loading the stream and socket modules, which a command that never reads standard input
 * should not pay for at start-up.
 */
export function processIo(): CliIo {
  return {
    get stdout() {
      return process.stdout;
    },
    get stderr() {
      return process.stderr;
    },
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

function leadingGlobals(argv: readonly string[]): { globals: string[]; rest: string[] } {
  const globals: string[] = [];
  let index = 0;
  while (index < argv.length) {
    const arg = argv[index]!;
    if (arg === "--lang" && index + 1 < argv.length) {
      globals.push(arg, argv[index + 1]!);
      index += 2;
    } else if (arg.startsWith("--lang=") || arg === "--color" || arg === "--no-color") {
      globals.push(arg);
      index += 1;
    } else break;
  }
  return { globals, rest: argv.slice(index) };
}

function writeError(io: CliIo, lang: Lang, error: CliError, color: boolean): void {
  const label = lang === "en" ? "error" : "错误";
  const prefix = color ? `\u001b[31m${label}\u001b[39m` : label;
  // Messages name files and quote input: shown with control characters escaped (line breaks of the message kept).
  io.stderr.write(`xxgk: ${prefix}: ${escapeTerminalText(error.messageIn(lang), { keepNewlines: true })}\n`);
}

/**
 * Runs the `xxgk` command with arguments (without `node` and the script) and returns the exit code:
 * 0 no error-severity finding, 1 at least one, 2 usage or I/O error. Never calls `process.exit`.
 */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  resetExitCode();
  const lang = detectLang(argv, io.env);
  const { globals, rest } = leadingGlobals(argv);
  const flags = { color: argv.includes("--color"), noColor: argv.includes("--no-color") };
  const context = createContext(io, lang, flags);
  try {
    const [first, ...tail] = rest;
    if (first === "-V" || first === "--version") {
      io.stdout.write(`${VERSION}\n`);
      return EXIT.ok;
    }
    if (first === "-h" || first === "--help") {
      io.stdout.write(mainHelp(lang, VERSION));
      return EXIT.ok;
    }
    if (first === "help") {
      const spec = tail[0] ? commandSpec(tail[0]) : undefined;
      if (tail[0] && !spec) throw unknownCommand(tail[0]);
      io.stdout.write(spec ? commandHelp(spec, lang) : mainHelp(lang, VERSION));
      return EXIT.ok;
    }
    if (first === undefined) {
      const { runExample } = await import("./commands/example.js");
      return await runExample(context);
    }
    if (first.startsWith("-")) {
      throw new CliError(
        "usage",
        msg(`未知选项：${first}\n运行 xxgk --help 查看用法。`, `unknown option: ${first}\nRun xxgk --help for usage.`),
      );
    }
    const spec = commandSpec(first);
    if (!spec) throw unknownCommand(first);
    const parsed = parseCommandArgs(spec, [...globals, ...tail]);
    if (parsed.values.help) {
      io.stdout.write(commandHelp(spec, lang));
      return EXIT.ok;
    }
    const { execute } = await LOADERS[spec.name]!();
    return await execute(context, parsed);
  } catch (error) {
    if (error instanceof CliError) {
      writeError(io, lang, error, context.colorError);
      return error.exitCode;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr.write(
      `xxgk: ${pick(msg("内部错误（请报告此问题）", "internal error (please report this)"), lang)}\n${detail}\n`,
    );
    return EXIT.usage;
  }
}

function unknownCommand(name: string): CliError {
  const suggestion = closestMatch(name, COMMANDS.map((command) => command.name), 2);
  const looksLikeFile = /\.json$/i.test(name) || name.includes("/");
  const hintZh = suggestion ? `，是否想用 xxgk ${suggestion}？` : looksLikeFile ? `；检查文件请用 xxgk validate ${name}` : "";
  const hintEn = suggestion ? `; did you mean xxgk ${suggestion}?` : looksLikeFile ? `; to check a file use xxgk validate ${name}` : "";
  return new CliError(
    "usage",
    msg(`未知命令“${name}”${hintZh}\n运行 xxgk --help 查看全部命令。`, `unknown command "${name}"${hintEn}\nRun xxgk --help for all commands.`),
  );
}
