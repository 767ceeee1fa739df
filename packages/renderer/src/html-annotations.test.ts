import { describe, expect, it } from "vitest";
import { attribute, byId, byTag, parseDocument, textOf, type Element } from "../test/html-dom.js";
import { exampleReport } from "../test/fixtures.js";
import type { RenderDiagnostic } from "./diagnostic.js";
import { renderHtml } from "./html.js";

// Diagnostics shaped like @xxgk/validators' output, written by hand (the renderer must not depend on it).
const totals: RenderDiagnostic = {
  ruleId: "R2",
  severity: "error",
  outcome: "fail",
  message: "表三 / 一、本年新收政府信息公开申请数量：总计不等于各类申请人之和。",
  messageEn: "Table 3 / new applications: the total is not the sum of the applicant columns.",
  pointers: ["/applications/newlyReceived/total", "/applications/newlyReceived/naturalPerson"],
  cells: [
    { pointer: "/applications/newlyReceived/total", label: "表三 / 总计 / 一、本年新收政府信息公开申请数量", value: 0 },
    { pointer: "/applications/newlyReceived/naturalPerson", label: "表三 / 自然人 / 一、本年新收政府信息公开申请数量", value: 0 },
  ],
  stated: 0,
  statedBy: ["/applications/newlyReceived/total"],
  expected: 3,
  difference: -3,
  pinpoint: { pointer: "/applications/newlyReceived/total", label: "表三 / 总计 / 一、本年新收政府信息公开申请数量", stated: 0, suggested: 3 },
  related: [
    {
      ruleId: "R1",
      severity: "warning",
      message: "第一项加第二项之和不等于第三项加第四项之和。",
      pointers: ["/applications/total/total"],
    },
  ],
};
const blankReview: RenderDiagnostic = {
  ruleId: "R5",
  severity: "warning",
  outcome: "not-assessable",
  message: "表四 / 行政复议 五项均为空白。",
  pointers: ["/reviewAndLitigation/reconsideration/total", "/applications/newlyReceived/total"],
};
const prose: RenderDiagnostic = {
  ruleId: "P1",
  severity: "info",
  message: "总体情况所述申请件数与表三不一致。",
  pointers: ["/overview"],
};
const reportLevel: RenderDiagnostic = { ruleId: "E1", severity: "error", message: "引用的格式文件与所用表格版本不一致。", pointers: [""] };
const row: RenderDiagnostic = { ruleId: "R3", severity: "warning", message: "（七）总计一行有误。", pointers: ["/applications/total"] };
const unknown: RenderDiagnostic = { ruleId: "X9", severity: "info", message: "未知位置。", pointers: ["/applications/otherHandling/total"] };
const diagnostics = [totals, blankReview, prose, reportLevel, row, unknown];

function annotated(lang?: "zh" | "en") {
  const root = parseDocument(renderHtml(exampleReport(), { diagnostics, lang }));
  return { root, ids: byId(root) };
}

function classes(element: Element): string[] {
  return (attribute(element, "class") ?? "").split(" ");
}

describe("annotated HTML", () => {
  it("marks every involved cell, focusable, with the message on hover (title) and for keyboard and screen readers", () => {
    const { ids } = annotated();
    const naturalPerson = ids.get("xxgk-cell-applications-newlyReceived-naturalPerson")!;
    expect(classes(naturalPerson)).toEqual(expect.arrayContaining(["xxgk-flag", "xxgk-error"]));
    expect(classes(naturalPerson)).not.toContain("xxgk-pinpoint");
    expect(attribute(naturalPerson, "tabindex")).toBe("0");
    expect(attribute(naturalPerson, "title")).toContain(totals.message);
    expect(attribute(naturalPerson, "data-xxgk-message")).toBe(attribute(naturalPerson, "title"));
    expect(attribute(naturalPerson, "aria-describedby")).toBe("xxgk-finding-1");
    expect(textOf(ids.get("xxgk-finding-1")!)).toContain(totals.message);
    // Cells nobody flagged stay plain.
    const other = ids.get("xxgk-cell-applications-carriedOver-naturalPerson")!;
    expect(attribute(other, "class")).toBeUndefined();
    expect(attribute(other, "tabindex")).toBeUndefined();
  });

  it("marks the pinpointed cell distinctly, with the suggested value, and collects every finding on a cell", () => {
    const { ids } = annotated();
    const total = ids.get("xxgk-cell-applications-newlyReceived-total")!;
    expect(classes(total)).toEqual(expect.arrayContaining(["xxgk-flag", "xxgk-error", "xxgk-pinpoint"]));
    expect(attribute(total, "aria-describedby")).toBe("xxgk-finding-1 xxgk-finding-2");
    const title = attribute(total, "title")!;
    expect(title).toContain("建议改为 3");
    expect(title).toContain(blankReview.message);
    expect(title).toContain("填报 0，比对值 3，差 -3");
    expect(byTag(annotated().root, "td").filter((td) => classes(td).includes("xxgk-pinpoint"))).toHaveLength(1);
  });

  it("shows a finding's figures only on the cells that state them, and never as a value a cell should have", () => {
    const { root, ids } = annotated();
    // 自然人 is involved in the finding but does not state its figure: its tooltip has the message alone.
    const naturalPerson = attribute(ids.get("xxgk-cell-applications-newlyReceived-naturalPerson")!, "title")!;
    expect(naturalPerson).toContain(totals.message);
    expect(naturalPerson).not.toContain("填报 0");
    expect(naturalPerson).not.toContain("比对值");
    expect(renderHtml(exampleReport(), { diagnostics })).not.toContain("应为");
    // The findings list keeps the figures, in neutral words.
    expect(textOf(ids.get("xxgk-finding-1")!)).toContain("（填报 0，比对值 3，差 -3）");
    expect(textOf(byTag(root, "aside")[0]!)).not.toContain("应为");
  });

  it("offers no value on （七）总计 when the details add up to 27 under 21 and no single cell repairs (issue 12)", () => {
    // As @xxgk/validators reports it: T3-SUM-COLUMN fails, T3-BALANCE holds, so no pinpoint and no suggested value.
    const column: RenderDiagnostic = {
      ruleId: "T3-SUM-COLUMN",
      severity: "error",
      outcome: "fail",
      message: "表三“总计”一列：（一）至（六）各项办理结果之和为 27，（七）总计填报 21，相差 -6。",
      messageEn: "Table 3, column “Total”: the outcomes （一）–（六） sum to 27 but （七）总计 states 21 (difference -6).",
      pointers: ["/applications/total/total", "/applications/disclosed/total", "/applications/withheldStateSecret/total"],
      stated: 21,
      statedBy: ["/applications/total/total"],
      expected: 27,
      difference: -6,
    };
    for (const lang of ["zh", "en"] as const) {
      const root = parseDocument(renderHtml(exampleReport(), { diagnostics: [column], lang }));
      const ids = byId(root);
      const total = attribute(ids.get("xxgk-cell-applications-total-total")!, "title")!;
      const detail = attribute(ids.get("xxgk-cell-applications-withheldStateSecret-total")!, "title")!;
      if (lang === "zh") {
        expect(total).toContain("（填报 21，比对值 27，差 -6）");
        expect(total).not.toMatch(/应为|建议改为/);
        expect(detail).toBe(`1. 错误：${column.message}`);
      } else {
        expect(total).toContain("（stated 21, checked against 27, difference -6）");
        expect(total).not.toContain("suggested");
        expect(detail).toBe(`1. Error: ${column.messageEn}`);
      }
      expect(byTag(root, "td").some((td) => classes(td).includes("xxgk-pinpoint"))).toBe(false);
    }
  });

  it("lists the findings in order with links to each cell that exist in the page", () => {
    const { root, ids } = annotated();
    const aside = byTag(root, "aside")[0]!;
    expect(textOf(byTag(aside, "h2")[0]!)).toBe("校验结果");
    expect(textOf(byTag(aside, "p")[0]!)).toBe("共 6 项：错误 2 项，警告 2 项，提示 2 项。");
    const items = byTag(byTag(aside, "ol")[0]!, "li").filter((li) => /^xxgk-finding-\d+$/.test(attribute(li, "id") ?? ""));
    expect(items.map((li) => attribute(li, "id"))).toEqual(diagnostics.map((_, index) => `xxgk-finding-${index + 1}`));
    for (const link of byTag(aside, "a")) {
      const target = attribute(link, "href")!.slice(1);
      expect(ids.has(target), target).toBe(true);
    }
    const first = ids.get("xxgk-finding-1")!;
    expect(byTag(first, "a").map((a) => attribute(a, "href"))).toContain("#xxgk-cell-applications-newlyReceived-total");
    expect(textOf(first)).toContain("表三 / 总计 / 一、本年新收政府信息公开申请数量：0");
    // Related findings are listed under the finding they explain, and mark their own cells.
    expect(textOf(ids.get("xxgk-finding-1-1")!)).toMatch(/^1\.1 警告R1 第一项加第二项之和/);
    const relatedCell = ids.get("xxgk-cell-applications-total-total")!;
    expect(classes(relatedCell)).toEqual(expect.arrayContaining(["xxgk-flag", "xxgk-warning"]));
    expect(attribute(relatedCell, "aria-describedby")).toBe("xxgk-finding-1-1");
    expect(attribute(relatedCell, "title")).toMatch(/^1\.1\. 警告：第一项加第二项之和/);
    expect(textOf(ids.get("xxgk-finding-2")!)).toContain("无法核验");
    expect(textOf(ids.get("xxgk-finding-2")!)).toContain("表四 / 行政复议 / 总计：空白");
  });

  it("lists findings on sections, rows and the whole report, marking the heading or row label", () => {
    const { ids } = annotated();
    const heading = ids.get("xxgk-section-overview")!;
    expect(classes(heading)).toEqual(expect.arrayContaining(["xxgk-flag", "xxgk-info"]));
    expect(attribute(heading, "aria-describedby")).toBe("xxgk-finding-3");
    expect(byTag(ids.get("xxgk-finding-3")!, "a").map((a) => attribute(a, "href"))).toEqual(["#xxgk-section-overview"]);
    expect(textOf(ids.get("xxgk-finding-4")!)).toContain("整份报告");
    expect(byTag(ids.get("xxgk-finding-4")!, "a")).toHaveLength(0);
    const rowLabel = ids.get("xxgk-t3-row-total")!;
    expect(classes(rowLabel)).toContain("xxgk-flag");
    expect(byTag(ids.get("xxgk-finding-5")!, "a").map((a) => attribute(a, "href"))).toEqual(["#xxgk-t3-row-total"]);
    // A pointer the edition does not have (2019's 其他处理 on a 2021 report) is listed as written.
    expect(textOf(ids.get("xxgk-finding-6")!)).toContain("/applications/otherHandling/total");
  });

  it("speaks English in the findings when asked, the report staying Chinese", () => {
    const { root, ids } = annotated("en");
    const aside = byTag(root, "aside")[0]!;
    expect(attribute(aside, "lang")).toBe("en");
    expect(textOf(byTag(aside, "h2")[0]!)).toBe("Findings");
    expect(textOf(ids.get("xxgk-finding-1")!)).toContain(totals.messageEn);
    expect(attribute(ids.get("xxgk-cell-applications-newlyReceived-total")!, "title")).toContain("suggested 3");
    expect(attribute(byTag(root, "article")[0]!, "lang")).toBe("zh-CN");
  });

  it("says so when there is nothing to report, and adds nothing without diagnostics", () => {
    const none = parseDocument(renderHtml(exampleReport(), { diagnostics: [] }));
    expect(textOf(byTag(none, "aside")[0]!)).toContain("未发现问题");
    const plain = parseDocument(renderHtml(exampleReport()));
    expect(byTag(plain, "aside")).toHaveLength(0);
    expect(byTag(plain, "td").some((td) => attribute(td, "tabindex") !== undefined)).toBe(false);
  });
});
