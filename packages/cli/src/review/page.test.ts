import { Script } from "node:vm";
import { applyBaseline, baselineOf, generateTestRegion, reviewRegion } from "@xxgk/validators/region";
import { describe, expect, it } from "vitest";
import { renderReviewPage, type PageInput } from "./page.js";

const TODAY = new Date("2025-06-01T00:00:00Z");

function page(overrides: Partial<PageInput> = {}, reviewOverride?: ReturnType<typeof reviewRegion>): string {
  const region = generateTestRegion({ bodies: 12, seed: 3 });
  const review = reviewOverride ?? reviewRegion({ ...region, today: TODAY });
  return renderReviewPage({ review, charts: [], lang: "zh", generatedOn: "2025-06-01", version: "0.0.0", unreadable: [], renderings: new Map(), ruleTitles: {}, ...overrides });
}

describe("renderReviewPage", () => {
  it("escapes every text it shows: a body's name cannot inject markup or end the data script", () => {
    const region = generateTestRegion({ bodies: 12, seed: 3 });
    const hostile = `<img src=x onerror=alert(1)></script>"'&`;
    (region.reports[0]!.report as { meta: { body: string } }).meta.body = hostile;
    const html = page({ unreadable: [{ file: "<b>x.json", problem: "</script>" }] }, reviewRegion({ ...region, today: TODAY }));
    expect(html).not.toContain(hostile);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;&lt;/script&gt;&quot;&#39;&amp;");
    expect(html).toContain("&lt;b&gt;x.json");
    // Only the page's own two scripts close.
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });

  it("carries a script that parses, and the baseline's decisions as data", () => {
    const region = generateTestRegion({ bodies: 12, seed: 3 });
    const review = reviewRegion({ ...region, today: TODAY });
    const baseline = baselineOf(review, { note: "已核实" });
    const outcome = applyBaseline(review, baseline);
    const html = page({ baseline: { file: "b.json", outcome, decisions: baseline.decisions } }, review);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(() => new Script(script)).not.toThrow();
    const data = JSON.parse(/<script type="application\/json" id="baseline-data">([\s\S]*?)<\/script>/.exec(html)![1]!) as { decisions: Record<string, unknown> };
    expect(Object.keys(data.decisions).sort()).toEqual(Object.keys(baseline.decisions).sort());
    expect(html).toContain("已接受：已核实");
    const failed = [...review.regionFindings, ...review.bodies.flatMap((body) => body.findings)].filter((finding) => finding.outcome === "fail").length;
    expect(html.match(/ decided" data-fingerprint/g)).toHaveLength(failed); // every failed finding is decided
  });

  it("says when no list of bodies was given instead of claiming nothing is missing", () => {
    const region = generateTestRegion({ bodies: 12, seed: 3 });
    const html = page({}, reviewRegion({ reports: region.reports, today: TODAY }));
    expect(html).toContain("未给出机关名单（--bodies），无法判断缺报。");
    expect(html).not.toContain("名单上的机关都有报告");
  });
});
