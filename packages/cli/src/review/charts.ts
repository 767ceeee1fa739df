/**
 * The review page's charts, drawn with Apache ECharts' server-side SVG rendering at build time: the page carries the
 * SVG inline and needs no script and no network to show them.
 */
import type { RegionReview } from "@xxgk/validators/region";
import type { Lang } from "../i18n.js";

/** The ECharts module (loaded on demand by the command). */
export type ECharts = typeof import("echarts");

/** One chart of the page: a title and its SVG. */
export interface Chart {
  id: string;
  title: string;
  svg: string;
}

const FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';
const COLORS = { ok: "#2e7d32", late: "#c62828", unknown: "#9e9e9e", missing: "#6a1b9a", warning: "#ef6c00", info: "#1565c0", bar: "#37474f" };

function render(echarts: ECharts, width: number, height: number, option: Record<string, unknown>): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The charts of a review: timeliness, findings by rule, and the distribution of repetition against last year. */
export function reviewCharts(echarts: ECharts, review: RegionReview, lang: Lang): Chart[] {
  const t = (zh: string, en: string) => (lang === "en" ? en : zh);
  const { summary } = review;

  const timeliness = [
    { name: t("按时发布", "On time"), value: summary.onTime, itemStyle: { color: COLORS.ok } },
    { name: t("逾期发布", "Late"), value: summary.late, itemStyle: { color: COLORS.late } },
    { name: t("日期或层级不明", "Date or level unknown"), value: summary.timelinessUnknown, itemStyle: { color: COLORS.unknown } },
    ...(summary.expected !== null ? [{ name: t("缺报", "Missing"), value: summary.missing, itemStyle: { color: COLORS.missing } }] : []),
  ];
  const timelinessSvg = render(echarts, 420, 260, {
    grid: { left: 130, right: 40, top: 10, bottom: 30 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: timeliness.map((item) => item.name), axisTick: { show: false } },
    series: [{ type: "bar", data: timeliness, barMaxWidth: 28, label: { show: true, position: "right" } }],
  });

  const rules = Object.entries(summary.byRule).sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]));
  const rulesSvg = render(echarts, 520, Math.max(160, 40 + rules.length * 26), {
    grid: { left: 210, right: 50, top: 10, bottom: 30 },
    xAxis: { type: "value", minInterval: 1 },
    yAxis: { type: "category", inverse: true, data: rules.map(([id]) => id), axisTick: { show: false }, axisLabel: { fontFamily: "monospace" } },
    series: [
      {
        type: "bar",
        data: rules.map(([id, count]) => ({ value: count, itemStyle: { color: id.startsWith("REGION-") ? COLORS.warning : COLORS.bar } })),
        barMaxWidth: 20,
        label: { show: true, position: "right" },
      },
    ],
  });

  // Each report counts once, with its most repeated section.
  const bins = Array.from({ length: 10 }, () => 0);
  let compared = 0;
  for (const body of review.bodies) {
    const shares = Object.values(body.repeatPrevious).filter((share): share is number => typeof share === "number");
    if (shares.length === 0) continue;
    compared++;
    bins[Math.min(9, Math.floor(Math.max(...shares) * 10))]!++;
  }
  const threshold = review.thresholds.previousRepeat;
  const repeatSvg = render(echarts, 520, 260, {
    grid: { left: 50, right: 20, top: 20, bottom: 50 },
    xAxis: {
      type: "category",
      data: bins.map((_, index) => `${index * 10}–${index * 10 + 10}%`),
      name: t("与上年重复的比例（各报告取重复最多的一节）", "Share repeated from last year (each report's most repeated section)"),
      nameLocation: "middle",
      nameGap: 32,
      axisLabel: { fontSize: 10, interval: 0 },
    },
    yAxis: { type: "value", minInterval: 1, name: t("报告数", "Reports") },
    series: [
      {
        type: "bar",
        data: bins.map((count, index) => ({ value: count, itemStyle: { color: (index + 1) / 10 > threshold ? COLORS.late : COLORS.info } })),
        label: { show: true, position: "top" },
      },
    ],
  });

  return [
    { id: "chart-timeliness", title: t("发布及时性", "Timeliness"), svg: timelinessSvg },
    { id: "chart-rules", title: t("问题按规则", "Findings by rule"), svg: rulesSvg },
    { id: "chart-repeat", title: t(`与上年报告的重复（${compared} 份可比较）`, `Repetition of last year's report (${compared} comparable)`), svg: repeatSvg },
  ];
}
