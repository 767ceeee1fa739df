/**
 * @xxgk/cli — the `xxgk` command, also callable from a program:
 *
 * ```ts
 * import { run } from "@xxgk/cli";
 * const exitCode = await run(["validate", "2023.json", "--format", "json"]);
 * ```
 */
export { run, processIo } from "./run.js";
export type { CliIo, OutputStream } from "./context.js";
export { CliError, EXIT, type CliErrorCode } from "./errors.js";
export type { Lang, Message } from "./i18n.js";
export { decodeReportBytes, MAX_INPUT_BYTES, type DecodedText, type InputEncoding } from "./input/decode.js";
export { parseJsonText, locateJsonSyntaxError, type JsonParseResult, type JsonSyntaxProblem } from "./input/json-syntax.js";
