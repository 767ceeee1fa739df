import { escapeTerminalText as validatorsEscape } from "@xxgk/validators/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeTerminalText } from "./terminal-text.js";

describe("escapeTerminalText", () => {
  it("shows ESC sequences, C1 controls and bidi controls as escapes", () => {
    expect(escapeTerminalText("a\u001b[1A\u001b[2Kb")).toBe("a\\x1b[1A\\x1b[2Kb");
    expect(escapeTerminalText("\u009b2J \u202eevil\u2066")).toBe("\\x9b2J \\u202eevil\\u2066");
    expect(escapeTerminalText("行一\n行二\r")).toBe("行一\\x0a行二\\x0d");
    expect(escapeTerminalText("行一\n行二", { keepNewlines: true })).toBe("行一\n行二");
  });

  it("leaves no control character behind, and agrees with @xxgk/validators' version", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const escaped = escapeTerminalText(text);
        expect(escaped).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(escaped).toBe(validatorsEscape(text));
      }),
    );
  });
});
