import { describe, expect, it } from "vitest";
import { cleanInline, cleanLines, cleanText, escapeHtml } from "./text.js";

describe("cleanText", () => {
  it("drops characters XML forbids and C1 controls, keeps TAB, LF, CR and every printable character", () => {
    expect(cleanText("a\u0000b\u0008c\u000bd\u001be\u007ff\u0085g\u009bh\uFFFEi\uFFFFj")).toBe("abcdefghij");
    expect(cleanText("\t\n\r")).toBe("\t\n\r");
    expect(cleanText("政府信息公开 “三安全一稳定” 〔2021〕 👍🏽")).toBe("政府信息公开 “三安全一稳定” 〔2021〕 👍🏽");
  });

  it("replaces lone surrogates with U+FFFD and keeps surrogate pairs", () => {
    expect(cleanText("a\uD800b\uDC00c")).toBe("a\uFFFDb\uFFFDc");
    expect(cleanText("\uD83D\uDE00")).toBe("😀");
    expect(cleanText("\uDE00\uD83D")).toBe("\uFFFD\uFFFD");
  });
});

describe("cleanLines and cleanInline", () => {
  it("normalise line breaks and tabs, or fold all whitespace into single spaces", () => {
    expect(cleanLines("a\r\nb\rc\td")).toBe("a\nb\nc d");
    expect(cleanInline("  a\r\n\tb   c \u0007 ")).toBe("a b c");
  });
});

describe("escapeHtml", () => {
  it("escapes the five HTML-special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;");
  });
});
