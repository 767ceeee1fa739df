/**
 * Escaping text for the terminal: the one implementation lives in @xxgk/validators (`escapeTerminalText`, used by
 * `formatText`). The executable already bundles `@xxgk/validators/core` at start-up (the rule catalog), so importing it
 * here adds nothing to start-up; this module only keeps the CLI's many call sites on one import path.
 */
export { escapeTerminalText } from "@xxgk/validators/core";
