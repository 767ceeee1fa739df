import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapePointer, findJsonSyntaxProblem, locateJsonSyntaxError, locatePointers, parseJsonText, type SourceRegion } from "./json-syntax.js";

function problemOf(text: string) {
  const result = parseJsonText(text);
  if (result.ok) throw new Error("expected a syntax error");
  return result.problem;
}

describe("parseJsonText", () => {
  it("parses valid JSON", () => {
    expect(parseJsonText('{"a": [1, null, "二"]}')).toEqual({ ok: true, value: { a: [1, null, "二"] } });
  });

  it("reports a missing comma with line, column and the offending line", () => {
    const problem = problemOf('{\n  "edition": "2021"\n  "meta": {}\n}');
    expect(problem.line).toBe(3);
    expect(problem.column).toBe(3);
    expect(problem.lineText).toBe('  "meta": {}');
    expect(problem.caret).toBe(2);
    expect(problem.message.en).toContain('missing ","');
  });

  it("names a trailing comma", () => {
    const problem = problemOf('{"a": [1, 2,],\n "b": 1}');
    expect(problem.message.zh).toContain("尾随逗号");
    expect([problem.line, problem.column]).toEqual([1, 13]);
    expect(problemOf('{"a": 1,}').message.en).toContain("trailing comma");
  });

  it("does not call a missing value a trailing comma", () => {
    const problem = problemOf('{"a": }');
    expect(problem.message.en).toContain("expected a value");
    expect(problem.column).toBe(7);
  });

  it("explains full-width punctuation typed with a Chinese input method", () => {
    const problem = problemOf('{"year"：2023}');
    expect(problem.message.zh).toContain("全角冒号");
    expect(problem.column).toBe(8);
    expect(problemOf('{"a": 1，"b": 2}').message.zh).toContain("全角逗号");
  });

  it("counts columns in characters and the caret in display cells for Chinese text", () => {
    const problem = problemOf('{"body": "石嘴山市" x}');
    expect(problem.column).toBe(17);
    // 石嘴山市 takes 8 display cells in a terminal.
    expect(problem.caret).toBe(20);
  });

  it("reports an unterminated string at its opening quote and unexpected end of file", () => {
    expect(problemOf('{"a": "abc').message.en).toContain("unterminated string");
    const end = problemOf('{"a": [1, 2');
    expect(end.message.en).toContain('missing "]}"');
    expect(problemOf("").message.en).toContain("empty file");
  });

  it("explains comments and single quotes", () => {
    expect(problemOf('{ // note\n"a": 1}').message.en).toContain("comments");
    expect(problemOf("{'a': 1}").message.en).toContain("double quotes");
  });

  it("points at the character at fault inside a string", () => {
    const lineBreak = problemOf('{"a": "x\ny"}');
    expect([lineBreak.line, lineBreak.column]).toEqual([1, 9]);
    expect(lineBreak.message.en).toContain("raw line break");
    expect(problemOf('{"a": "x\ty"}').message.en).toContain("unescaped control character");
    const escape = problemOf('{"a": "ab\\x"}');
    expect(escape.column).toBe(10);
    expect(escape.message.en).toContain('invalid escape "\\x"');
    expect(problemOf('["\\u12"]').message.en).toContain("4 hex digits");
  });

  it("explains numbers JSON does not allow and unquoted property names", () => {
    expect(problemOf('{"a": 01}').message.en).toContain("leading zeros");
    expect(problemOf('{"a": 1.}').message.en).toContain("invalid number");
    expect(problemOf('{"a": -}').message.en).toContain("invalid number");
    const unquoted = problemOf('{"a": 1, year: 2023}');
    expect(unquoted.message.en).toContain("double quotes");
    expect(unquoted.column).toBe(10);
    expect(problemOf('{"a": 1} x').message.en).toContain("after the end of the JSON value");
  });

  it("says so when the nesting is too deep to locate the error, instead of crashing", () => {
    const problem = problemOf(`${"[".repeat(100_000)}x`);
    expect(problem.message.en).toContain("nested too deeply");
  });

  it("shows a window of a long minified line", () => {
    const text = `{"a":"${"x".repeat(500)}" "b":1}`;
    const problem = problemOf(text);
    expect(problem.column).toBe(509);
    expect(problem.lineText.length).toBeLessThan(130);
    expect(problem.lineText.startsWith("…")).toBe(true);
  });
});

describe("findJsonSyntaxProblem", () => {
  it("accepts exactly what JSON.parse accepts (random JSON, then random corruptions)", () => {
    const accepts = (text: string) => {
      try {
        JSON.parse(text);
        return true;
      } catch {
        return false;
      }
    };
    const corrupted = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", "{", "[", '"', ":", " ", "0", "-", ".", "e", "，", "\\", "\n", "t"), fc.nat(3))
      .map(([text, at, insert, remove]) => {
        const position = at % (text.length + 1);
        return text.slice(0, position) + insert + text.slice(position + remove);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), corrupted), (text) => {
        const problem = findJsonSyntaxProblem(text);
        expect(problem === undefined).toBe(accepts(text));
        if (problem) expect(problem.offset).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 3000 },
    );
  });

  it("locates errors inside the text for any invalid input", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const problem = locateJsonSyntaxError(text);
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.column).toBeGreaterThanOrEqual(1);
      }),
    );
  });
});

describe("duplicate keys", () => {
  const duplicates = (text: string) => {
    const parsed = parseJsonText(text);
    if (!parsed.ok) throw new Error("test text must be valid JSON");
    return (parsed.duplicateKeys ?? []).map(({ pointer, line, column }) => ({ pointer, line, column }));
  };

  it("finds each repeated key with its pointer, line and column", () => {
    expect(duplicates('{"year": 2023, "year": 2024}')).toEqual([{ pointer: "/year", line: 1, column: 16 }]);
    expect(duplicates('{"a": [1, {"b": {"c~/": 1,\n "c~/": 2}}]}')).toEqual([{ pointer: "/a/1/b/c~0~1", line: 2, column: 2 }]);
    // The same key written with an escape is the same key.
    expect(duplicates('{"x": 1, "\\u0078": 2}')).toEqual([{ pointer: "/x", line: 1, column: 10 }]);
  });

  it("reports nothing for the same key in different objects, or for \\\": inside strings", () => {
    expect(duplicates('[{"a": 1}, {"a": 2}]')).toEqual([]);
    expect(duplicates('{"a": {"a": {"a": 1}}}')).toEqual([]);
    expect(duplicates('{"note": "he said \\": yes\\"", "b": 1}')).toEqual([]);
    expect(parseJsonText('{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it("does not overflow the stack on deep nesting", () => {
    const depth = 100_000;
    const text = `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`.replace('{"a":1}', '{"a":1,"a":2}');
    const parsed = parseJsonText(text);
    expect(parsed.ok && parsed.duplicateKeys?.[0]?.pointer.split("/").length).toBe(depth + 1);
  });
});

/** The text of a region (lines and columns in code points, the end column exclusive). */
function regionText(text: string, region: SourceRegion): string {
  const lines = text.split("\n").map((line) => Array.from(line));
  if (region.startLine === region.endLine) return lines[region.startLine - 1]!.slice(region.startColumn - 1, region.endColumn - 1).join("");
  return [
    lines[region.startLine - 1]!.slice(region.startColumn - 1).join(""),
    ...lines.slice(region.startLine, region.endLine - 1).map((line) => line.join("")),
    lines[region.endLine - 1]!.slice(0, region.endColumn - 1).join(""),
  ].join("\n");
}

/** Every JSON Pointer of a value, with the value there. */
function pointersOf(value: unknown, pointer = ""): [string, unknown][] {
  const here: [string, unknown][] = [[pointer, value]];
  if (Array.isArray(value)) return here.concat(value.flatMap((item, index) => pointersOf(item, `${pointer}/${index}`)));
  if (value !== null && typeof value === "object") {
    return here.concat(Object.entries(value).flatMap(([key, item]) => pointersOf(item, `${pointer}/${escapePointer(key)}`)));
  }
  return here;
}

describe("locatePointers", () => {
  it("gives the region of a value, with columns in characters and the end column after it", () => {
    const text = '{\r\n  "body": "石嘴山市",\r\n  "t": {"a": [1, 22, null]}\r\n}';
    const regions = locatePointers(text, ["/body", "/t/a/1", "/t", ""]);
    expect(regions.get("/body")).toEqual({ startLine: 2, startColumn: 11, endLine: 2, endColumn: 17 });
    expect(regions.get("/t/a/1")).toEqual({ startLine: 3, startColumn: 18, endLine: 3, endColumn: 20 });
    expect(regions.get("/t")).toEqual({ startLine: 3, startColumn: 8, endLine: 3, endColumn: 28 });
    expect(regions.get("")).toEqual({ startLine: 1, startColumn: 1, endLine: 4, endColumn: 2 });
  });

  it("counts a character outside the BMP as one column", () => {
    const regions = locatePointers('{"a": "😀😀", "b": 1}', ["/b"]);
    expect(regions.get("/b")).toEqual({ startLine: 1, startColumn: 18, endLine: 1, endColumn: 19 });
  });

  it("places a missing member at its closest existing ancestor, and escaped keys by their pointer", () => {
    const text = '{"meta": {"year": 2023},\n "a/b~c": 5}';
    const regions = locatePointers(text, ["/meta/body", "/a~1b~0c", "/nothing/at/all"]);
    expect(regions.get("/meta/body")).toEqual({ startLine: 1, startColumn: 10, endLine: 1, endColumn: 24 });
    expect(regions.get("/a~1b~0c")).toEqual({ startLine: 2, startColumn: 11, endLine: 2, endColumn: 12 });
    expect(regions.get("/nothing/at/all")?.startLine).toBe(1);
  });

  it("finds every value of any JSON text, pretty or minified (the region's text parses to the value)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(0, 2, "\t"), (value, space) => {
        const text = JSON.stringify(value, null, space);
        const all = pointersOf(JSON.parse(text));
        const regions = locatePointers(text, all.map(([pointer]) => pointer));
        for (const [pointer, expected] of all) {
          expect(JSON.parse(regionText(text, regions.get(pointer)!))).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("walks deep nesting without overflowing the stack", () => {
    const depth = 3_000;
    const text = `${"[".repeat(depth)}7${"]".repeat(depth)}`;
    const pointer = "/0".repeat(depth);
    expect(locatePointers(text, [pointer]).get(pointer)).toEqual({ startLine: 1, startColumn: depth + 1, endLine: 1, endColumn: depth + 2 });
  });
});
