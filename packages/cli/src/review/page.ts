/**
 * The review page: one self-contained HTML file (inline CSS, inline SVG charts, a little vanilla script) that opens
 * from a file share with no network: the region's summary, charts, a sortable and filterable table of bodies, each
 * body's findings (repeated passages side by side, links to annotated renderings), the roll-up of 表三 and 表四, and
 * buttons that record a reviewer's decisions into a baseline file the next run reads.
 */
import { cellsOf, BODY_LEVELS, SECTION_LAYOUTS, TABLE_NAMES } from "@xxgk/schema/layout";
import type { BaselineDecision, BaselineOutcome, BodyReview, DecidedFinding, RegionReview, RollupCell } from "@xxgk/validators/region";
import type { Lang } from "../i18n.js";
import type { Chart } from "./charts.js";

/** What the page shows besides the review itself. */
export interface PageInput {
  review: RegionReview;
  charts: readonly Chart[];
  lang: Lang;
  /** The date the page was made (YYYY-MM-DD). */
  generatedOn: string;
  /** The xxgk version. */
  version: string;
  /** The baseline file given and what applying it found. */
  baseline?: { file: string; outcome: BaselineOutcome; decisions: Readonly<Record<string, BaselineDecision>> };
  /** Input files that could not be read or parsed. */
  unreadable: readonly { file: string; problem: string }[];
  /** Reports imported from published documents on the fly, by file: the document's kind and the import's counts. */
  imported?: ReadonlyMap<string, ImportedFrom>;
  /** Relative links to each body's annotated rendering, by the body's position in `review.bodies`. */
  renderings: ReadonlyMap<number, string>;
  /** Short names of the rule ids, for the legend (id → title). */
  ruleTitles: Readonly<Record<string, string>>;
}

/** Where an imported report came from: the published document's kind and how its cells were read. */
export interface ImportedFrom {
  /** The importer's name for the kind: `pdf`, `docx`, `html`, `markdown`, `text`. */
  format: string;
  status: "imported" | "partial";
  counts: { read: number; inferred: number; unreadable: number };
}

const DOCUMENT_KINDS: Readonly<Record<string, { zh: string; en: string }>> = {
  pdf: { zh: "PDF", en: "PDF" },
  docx: { zh: "Word 文档", en: "Word document" },
  html: { zh: "网页", en: "web page" },
  markdown: { zh: "Markdown 文本", en: "Markdown text" },
  text: { zh: "文本", en: "text" },
};

/** Characters of a repeated passage shown on the page. */
const PASSAGE_SHOWN = 400;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** JSON for a `<script type="application/json">` element (no `</script>` can end it early). */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function percent(share: number | null | undefined): string {
  return typeof share === "number" ? `${Math.round(share * 100)}%` : "–";
}

function highest(values: Readonly<Record<string, number | null | undefined>>): number | null {
  const present = Object.values(values).filter((value): value is number => typeof value === "number");
  return present.length ? Math.max(...present) : null;
}

const CSS = `
:root { --ok: #2e7d32; --error: #c62828; --warning: #ef6c00; --info: #1565c0; --muted: #666; --line: #ddd; --accepted: #607d8b; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #222; background: #fafafa; line-height: 1.5; }
header { background: #263238; color: #fff; padding: 16px 28px; }
header h1 { margin: 0 0 4px; font-size: 22px; }
header p { margin: 0; color: #cfd8dc; font-size: 13px; }
nav { background: #fff; border-bottom: 1px solid var(--line); padding: 6px 28px; position: sticky; top: 0; z-index: 2; font-size: 14px; }
nav a { margin-right: 18px; color: #1565c0; text-decoration: none; }
main { padding: 8px 28px 40px; max-width: 1400px; }
h2 { font-size: 18px; border-left: 4px solid #263238; padding-left: 8px; margin-top: 28px; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 10px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; }
.card .value { font-size: 26px; font-weight: 600; }
.card .label { color: var(--muted); font-size: 13px; }
.card.bad .value { color: var(--error); }
.card.warn .value { color: var(--warning); }
.card.good .value { color: var(--ok); }
.charts { display: flex; flex-wrap: wrap; gap: 14px; }
figure { background: #fff; border: 1px solid var(--line); border-radius: 6px; margin: 0; padding: 8px; }
figcaption { font-size: 14px; font-weight: 600; margin-bottom: 4px; }
.controls { display: flex; gap: 10px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
.controls input { padding: 5px 8px; min-width: 260px; border: 1px solid #bbb; border-radius: 4px; }
.controls select, .controls button { padding: 5px 8px; }
table { border-collapse: collapse; background: #fff; font-size: 13px; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #eceff1; position: sticky; top: 33px; }
th[data-sort] { cursor: pointer; user-select: none; }
th[data-sort]::after { content: " ↕"; color: #999; }
th.asc::after { content: " ↑"; color: #000; } th.desc::after { content: " ↓"; color: #000; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.late { color: var(--error); font-weight: 600; } .ontime { color: var(--ok); } .unknown { color: var(--muted); }
.high { color: var(--error); font-weight: 600; }
.body { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 16px; margin: 12px 0; }
.body h3 { margin: 0 0 4px; font-size: 16px; }
.body .facts { color: var(--muted); font-size: 13px; margin: 0 0 6px; }
.findings { list-style: none; padding: 0; margin: 0; }
.finding { border-top: 1px solid #eee; padding: 6px 0; }
.import-gap { font-size: 12px; color: var(--warning); white-space: nowrap; }
.badge { display: inline-block; min-width: 52px; text-align: center; border-radius: 3px; color: #fff; font-size: 12px; padding: 0 6px; margin-right: 6px; }
.sev-error .badge { background: var(--error); } .sev-warning .badge { background: var(--warning); } .sev-info .badge { background: var(--info); }
.rule { font-family: monospace; font-size: 12px; color: #455a64; margin-right: 6px; }
.fingerprint { font-family: monospace; font-size: 11px; color: #999; }
.finding.decided { opacity: .6; } .finding.decided .badge { background: var(--accepted); }
.decision { font-size: 12px; color: var(--accepted); margin-left: 6px; }
.finding button { font-size: 12px; margin-left: 4px; }
.passages { width: 100%; margin-top: 6px; table-layout: fixed; }
.passages td { width: 50%; background: #fffde7; }
.passages th { position: static; }
.hidden { display: none; }
.note { color: var(--muted); font-size: 13px; }
@media print { nav, .controls, .finding button { display: none; } th { position: static; } }
`;

const SCRIPT = `
(function () {
  var lang = document.documentElement.lang === "en" ? "en" : "zh";
  var t = function (zh, en) { return lang === "en" ? en : zh; };
  // Sorting: click a header; numbers sort as numbers, blanks last.
  var table = document.getElementById("body-table");
  var headers = table.querySelectorAll("th[data-sort]");
  headers.forEach(function (th, column) {
    th.addEventListener("click", function () {
      var ascending = !th.classList.contains("asc");
      headers.forEach(function (other) { other.classList.remove("asc", "desc"); });
      th.classList.add(ascending ? "asc" : "desc");
      var index = Array.prototype.indexOf.call(th.parentNode.children, th);
      var numeric = th.getAttribute("data-sort") === "number";
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.sort(function (a, b) {
        var x = a.cells[index].getAttribute("data-v"), y = b.cells[index].getAttribute("data-v");
        if (x === "" && y !== "") return 1; if (y === "" && x !== "") return -1;
        var order = numeric ? Number(x) - Number(y) : x.localeCompare(y, "zh-CN");
        return ascending ? order : -order;
      });
      rows.forEach(function (row) { table.tBodies[0].appendChild(row); });
    });
  });
  // Filtering by text and by kind of problem.
  var search = document.getElementById("filter"), show = document.getElementById("show"), count = document.getElementById("count");
  function applyFilter() {
    var text = search.value.trim().toLowerCase(), kind = show.value, shown = 0;
    Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
      var flags = " " + row.getAttribute("data-flags") + " ";
      var visible = (!text || row.textContent.toLowerCase().indexOf(text) >= 0) && (kind === "all" || flags.indexOf(" " + kind + " ") >= 0);
      row.classList.toggle("hidden", !visible);
      var article = document.getElementById(row.getAttribute("data-body"));
      if (article) article.classList.toggle("hidden", !visible);
      if (visible) shown++;
    });
    count.textContent = t("显示 " + shown + " / " + table.tBodies[0].rows.length, shown + " of " + table.tBodies[0].rows.length + " shown");
  }
  search.addEventListener("input", applyFilter); show.addEventListener("change", applyFilter); applyFilter();
  // Decisions: recorded here, downloaded as a baseline file for the next run (--baseline).
  var decisions = JSON.parse(document.getElementById("baseline-data").textContent).decisions;
  var changed = 0, changedLabel = document.getElementById("changed");
  function today() { var d = new Date(); return d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0"); }
  document.querySelectorAll(".finding button[data-state]").forEach(function (button) {
    button.addEventListener("click", function () {
      var item = button.closest(".finding"), state = button.getAttribute("data-state"), fingerprint = item.getAttribute("data-fingerprint");
      if (state === "undo") { delete decisions[fingerprint]; item.classList.remove("decided"); item.querySelector(".decision").textContent = ""; }
      else {
        var note = window.prompt(t("说明（可不填）：", "Note (optional):"), "") || undefined;
        decisions[fingerprint] = { state: state, note: note, ruleId: item.getAttribute("data-rule"), body: item.getAttribute("data-body"), year: Number(item.getAttribute("data-year")) || null, message: item.querySelector(".message").textContent, decidedOn: today() };
        item.classList.add("decided");
        item.querySelector(".decision").textContent = state === "accepted" ? t("已接受", "accepted") : t("已说明", "explained");
      }
      changed++; changedLabel.textContent = t("本页新记录 " + changed + " 项决定", changed + " decision(s) recorded on this page");
    });
  });
  document.getElementById("download").addEventListener("click", function () {
    var blob = new Blob([JSON.stringify({ version: 1, decisions: decisions }, null, 2) + "\\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob); link.download = "review-baseline.json";
    document.body.appendChild(link); link.click(); link.remove();
  });
})();
`;

/** The review page. */
export function renderReviewPage(input: PageInput): string {
  const { review, lang } = input;
  const t = (zh: string, en: string) => (lang === "en" ? en : zh);
  const e = escapeHtml;
  const { summary } = review;
  const findingsNew = (body: BodyReview) => body.findings.filter((finding) => finding.outcome === "fail" && !(finding as DecidedFinding).decision).length;
  const count = (body: BodyReview, severity: string) => body.findings.filter((finding) => finding.outcome === "fail" && finding.severity === severity).length;
  const title = t(`${review.year} 年度政府信息公开工作年度报告审阅`, `Review of the ${review.year} government information disclosure annual reports`);

  const importedFact = (file: string): string => {
    const from = input.imported?.get(file);
    if (!from) return "";
    const kind = DOCUMENT_KINDS[from.format] ?? { zh: from.format, en: from.format };
    const { inferred, unreadable } = from.counts;
    return t(
      `由${kind.zh}导入${from.status === "partial" ? "（部分）" : ""}：推断 ${inferred} 格，无法辨认 ${unreadable} 格`,
      `imported from a ${kind.en}${from.status === "partial" ? " (partly)" : ""}: ${inferred} cells inferred, ${unreadable} unreadable`,
    );
  };
  /** In the table of bodies, a report imported with cells that could not be read says so beside its name. */
  const unreadableCells = (file: string): string => {
    const unreadable = input.imported?.get(file)?.counts.unreadable ?? 0;
    return unreadable ? ` <span class="import-gap">${e(t(`导入时 ${unreadable} 格无法辨认`, `${unreadable} cells unreadable when imported`))}</span>` : "";
  };
  const card = (value: string | number, label: string, tone = "") => `<div class="card ${tone}"><div class="value">${e(String(value))}</div><div class="label">${e(label)}</div></div>`;
  const baselineCards = input.baseline
    ? [
        card(input.baseline.outcome.newFindings, t("新问题（基线之外）", "New findings (not in the baseline)"), input.baseline.outcome.newFindings ? "bad" : "good"),
        card(input.baseline.outcome.decided, t("已接受或已说明", "Accepted or explained")),
      ]
    : [];
  const cards = [
    card(summary.reports, t("收到的报告", "Reports received")),
    ...(input.unreadable.length ? [card(input.unreadable.length, t("无法审阅的文件（见缺报一节）", "Files that could not be reviewed (see Missing)"), "bad")] : []),
    ...(summary.expected !== null ? [card(summary.expected, t("应报机关", "Bodies expected")), card(summary.missing, t("缺报", "Missing"), summary.missing ? "bad" : "good")] : []),
    card(summary.onTime, t("按时发布", "Published on time"), "good"),
    card(summary.late, t("逾期发布", "Published late"), summary.late ? "bad" : "good"),
    card(summary.timelinessUnknown, t("发布日期或层级不明", "Date or level unknown"), summary.timelinessUnknown ? "warn" : ""),
    card(summary.withErrors, t("有错误的报告", "Reports with errors"), summary.withErrors ? "bad" : "good"),
    card(summary.repeatingPrevious, t(`照搬上年（≥${percent(review.thresholds.previousRepeat)}）`, `Repeating last year (≥${percent(review.thresholds.previousRepeat)})`), summary.repeatingPrevious ? "warn" : ""),
    card(summary.repeatingPeer, t(`与他机关雷同（≥${percent(review.thresholds.peerRepeat)}）`, `Like another body's (≥${percent(review.thresholds.peerRepeat)})`), summary.repeatingPeer ? "warn" : ""),
    card(percent(summary.medianRepeatPrevious), t("与上年重复率中位数", "Median repetition of last year")),
    card(percent(review.rollup.rates.disclosureRate), t("申请公开率（予以公开＋部分公开）", "Requests disclosed in full or in part")),
    ...(summary.duplicates ? [card(summary.duplicates, t("重复报送的机关", "Bodies with duplicate reports"), "warn")] : []),
    ...baselineCards,
  ].join("");

  const charts = input.charts.map((chart) => `<figure id="${chart.id}"><figcaption>${e(chart.title)}</figcaption>${chart.svg}</figure>`).join("");

  const levelName = (level: string | null) => (level ? (lang === "en" ? level : BODY_LEVELS[level as keyof typeof BODY_LEVELS]) : "–");
  const timing = (body: BodyReview) =>
    body.onTime === true
      ? `<span class="ontime">${t("按时", "on time")}</span>`
      : body.onTime === false
        ? `<span class="late">${t(`逾期 ${body.daysLate} 天`, `${body.daysLate} days late`)}</span>`
        : `<span class="unknown">${t("不明", "unknown")}</span>`;
  const rows = review.bodies
    .map((body, index) => {
      const flags = [
        body.onTime === false ? "late" : "",
        body.onTime === null ? "unknown" : "",
        count(body, "error") ? "error" : "",
        (highest(body.repeatPrevious) ?? 0) >= review.thresholds.previousRepeat || (highest(body.repeatPeer) ?? 0) >= review.thresholds.peerRepeat ? "repeat" : "",
        findingsNew(body) ? "new" : "",
        body.findings.some((finding) => finding.outcome === "fail") ? "findings" : "clean",
      ].filter(Boolean);
      const repeatPrevious = highest(body.repeatPrevious);
      const repeatPeer = highest(body.repeatPeer);
      const numberCell = (value: number | null, text: string, high = false) => `<td class="num${high ? " high" : ""}" data-v="${value ?? ""}">${e(text)}</td>`;
      return `<tr data-flags="${flags.join(" ")}" data-body="body-${index}"><td data-v="${e(body.body)}"><a href="#body-${index}">${e(body.body)}</a>${unreadableCells(body.file)}</td><td data-v="${e(levelName(body.level))}">${e(levelName(body.level))}</td><td data-v="${e(body.publishedOn ?? "")}">${e(body.publishedOn ?? "–")}</td><td data-v="${e(body.deadline ?? "")}">${e(body.deadline ?? "–")}</td><td data-v="${body.onTime === null ? "" : body.daysLate}">${timing(body)}</td>${numberCell(count(body, "error"), String(count(body, "error")), count(body, "error") > 0)}${numberCell(count(body, "warning"), String(count(body, "warning")))}${numberCell(findingsNew(body), String(findingsNew(body)), findingsNew(body) > 0)}${numberCell(repeatPrevious, percent(repeatPrevious), (repeatPrevious ?? 0) >= review.thresholds.previousRepeat)}${numberCell(repeatPeer, percent(repeatPeer), (repeatPeer ?? 0) >= review.thresholds.peerRepeat)}${numberCell(body.rates.disclosureRate, percent(body.rates.disclosureRate))}${numberCell(body.rates.reconsiderationCorrectionRate, percent(body.rates.reconsiderationCorrectionRate))}</tr>`;
    })
    .join("\n");

  // A whole copied section can be thousands of characters: the page shows the start (the JSON has it all).
  const clip = (text: string) =>
    text.length <= PASSAGE_SHOWN ? e(text) : `${e(text.slice(0, PASSAGE_SHOWN))}<span class="note">${e(t(`……（共 ${text.length} 字）`, `… (${text.length} characters)`))}</span>`;
  const findingItem = (finding: DecidedFinding) => {
    const decided = finding.outcome === "fail" && finding.decision;
    const decision = finding.decision ? (finding.decision.state === "accepted" ? t("已接受", "accepted") : t("已说明", "explained")) + (finding.decision.note ? `：${finding.decision.note}` : "") : "";
    const severity = finding.outcome === "fail" ? finding.severity : "info";
    const badge = finding.outcome === "fail" ? { error: t("错误", "error"), warning: t("警告", "warning"), info: t("提示", "info") }[finding.severity] : t("无法评估", "n/a");
    const passages = finding.passages?.length
      ? `<table class="passages"><tr><th>${e(t("本报告", "This report"))}</th><th>${e(finding.ruleId === "REGION-REPEAT-PREVIOUS" ? t(`上年报告（${finding.other?.file ?? ""}）`, `Last year's report (${finding.other?.file ?? ""})`) : t(`${finding.other?.body ?? ""}的报告`, `${finding.other?.body ?? ""}'s report`))}</th></tr>${finding.passages
          .map((passage) => `<tr><td>${clip(passage.text)}</td><td>${clip(passage.otherText)}</td></tr>`)
          .join("")}</table>`
      : "";
    const buttons =
      finding.outcome === "fail"
        ? `<button data-state="accepted">${e(t("接受", "Accept"))}</button><button data-state="explained">${e(t("已说明", "Explained"))}</button><button data-state="undo">${e(t("撤销", "Undo"))}</button>`
        : "";
    return `<li class="finding sev-${severity}${decided ? " decided" : ""}" data-fingerprint="${finding.fingerprint}" data-rule="${e(finding.ruleId)}" data-body="${e(finding.body)}" data-year="${finding.year ?? ""}"><span class="badge">${e(badge)}</span><span class="rule" title="${e(input.ruleTitles[finding.ruleId] ?? "")}">${e(finding.ruleId)}</span><span class="message">${e(lang === "en" ? finding.messageEn : finding.message)}</span><span class="decision">${e(decision)}</span>${buttons} <span class="fingerprint">${finding.fingerprint}</span>${passages}</li>`;
  };

  const articles = review.bodies
    .map((body, index) => {
      const rendering = input.renderings.get(index);
      const facts = [
        body.file,
        importedFact(body.file),
        body.previousFile ? t(`上年：${body.previousFile}${importedFact(body.previousFile) ? `（${importedFact(body.previousFile)}）` : ""}`, `last year: ${body.previousFile}${importedFact(body.previousFile) ? ` (${importedFact(body.previousFile)})` : ""}`) : t("没有上年报告", "no report of last year"),
        body.wellFormed ? "" : t("结构无效", "invalid structure"),
      ].filter(Boolean);
      const findings = body.findings.length
        ? `<ul class="findings">${(body.findings as DecidedFinding[]).map(findingItem).join("")}</ul>`
        : `<p class="note">${e(t("没有发现问题。", "No findings."))}</p>`;
      return `<article class="body" id="body-${index}"><h3>${e(body.body)}${rendering ? ` <a href="${e(rendering)}">${e(t("标注稿", "annotated report"))}</a>` : ""}</h3><p class="facts">${facts.map(e).join(" · ")}</p>${findings}</article>`;
    })
    .join("\n");

  const missing = (review.regionFindings as DecidedFinding[]).length
    ? `<ul class="findings">${(review.regionFindings as DecidedFinding[]).map(findingItem).join("")}</ul>`
    : `<p class="note">${e(summary.expected === null ? t("未给出机关名单（--bodies），无法判断缺报。", "No list of bodies (--bodies) was given, so missing reports cannot be found.") : t("名单上的机关都有报告。", "Every listed body has a report."))}</p>`;
  const leftOut = [
    ...review.otherYears.map((item) => `<li>${e(item.file)}${t("：", ": ")}${e(t(`年度为 ${item.year ?? "不明"}，不是 ${review.year}，未审阅`, `year ${item.year ?? "unknown"}, not ${review.year}; not reviewed`))}</li>`),
    ...input.unreadable.map((item) => `<li>${e(item.file)}${t("：", ": ")}${e(item.problem)}</li>`),
  ];

  const rollup = rollupSection(review, lang);
  const stale = input.baseline?.outcome.stale.length
    ? `<h2 id="stale">${e(t("基线中已不再出现的问题", "Baseline decisions whose finding is gone"))}</h2><ul>${input.baseline.outcome.stale
        .map((entry) => `<li><span class="fingerprint">${entry.fingerprint}</span> ${e(entry.decision.ruleId ?? "")} ${e(entry.decision.body ?? "")} ${e(entry.decision.message ?? "")}</li>`)
        .join("")}</ul>`
    : "";

  const options = [
    ["all", t("全部机关", "All bodies")],
    ["new", t("有新问题", "With new findings")],
    ["findings", t("有问题", "With findings")],
    ["late", t("逾期", "Late")],
    ["unknown", t("期限不明", "Timeliness unknown")],
    ["error", t("有错误", "With errors")],
    ["repeat", t("文字重复", "Repeated text")],
    ["clean", t("没有问题", "No findings")],
  ]
    .map(([value, label]) => `<option value="${value}">${e(label!)}</option>`)
    .join("");
  const header = (label: string, sort: "text" | "number") => `<th data-sort="${sort}">${e(label)}</th>`;
  const decisions = input.baseline?.decisions ?? {};

  return `<!doctype html>
<html lang="${lang === "en" ? "en" : "zh-CN"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="xxgk ${e(input.version)}">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${e(title)}</h1><p>${e(
    t(
      `生成于 ${input.generatedOn} · xxgk ${input.version} · 规则档 ${review.profile}${input.baseline ? ` · 基线 ${input.baseline.file}` : ""}`,
      `Made on ${input.generatedOn} · xxgk ${input.version} · profile ${review.profile}${input.baseline ? ` · baseline ${input.baseline.file}` : ""}`,
    ),
  )}</p></header>
<nav><a href="#summary">${e(t("概况", "Summary"))}</a><a href="#missing">${e(t("缺报", "Missing"))}</a><a href="#bodies">${e(t("各机关", "Bodies"))}</a><a href="#details">${e(t("问题明细", "Findings"))}</a><a href="#rollup">${e(t("汇总", "Roll-up"))}</a></nav>
<main>
<h2 id="summary">${e(t("概况", "Summary"))}</h2>
<div class="cards">${cards}</div>
<div class="charts" style="margin-top:14px">${charts}</div>
<h2 id="missing">${e(t("缺报", "Missing reports"))}</h2>
${missing}
${leftOut.length ? `<p class="note">${e(t("未审阅的文件：", "Files not reviewed:"))}</p><ul>${leftOut.join("")}</ul>` : ""}
<h2 id="bodies">${e(t("各机关", "Bodies"))}</h2>
<div class="controls"><input type="search" id="filter" placeholder="${e(t("按机关名称或内容筛选", "Filter by name or content"))}"><select id="show">${options}</select><span id="count" class="note"></span><button id="download">${e(t("下载审阅决定（基线文件）", "Download decisions (baseline file)"))}</button><span id="changed" class="note"></span></div>
<table id="body-table"><thead><tr>${header(t("机关", "Body"), "text")}${header(t("层级", "Level"), "text")}${header(t("发布日期", "Published"), "text")}${header(t("法定期限", "Deadline"), "text")}${header(t("及时", "Timeliness"), "number")}${header(t("错误", "Errors"), "number")}${header(t("警告", "Warnings"), "number")}${header(t("新问题", "New"), "number")}${header(t("与上年重复", "Repeats last year"), "number")}${header(t("与他机关重复", "Like another body"), "number")}${header(t("公开率", "Disclosed"), "number")}${header(t("复议纠错率", "Reconsiderations corrected"), "number")}</tr></thead>
<tbody>
${rows}
</tbody></table>
<p class="note">${e(
    t(
      "重复率：本报告“一”“五”“六”各节中与上年报告（或同年其他机关报告）相同的文字所占比例，取最高的一节；与上年重复为“–”表示没有可比较的文字（没有上年报告或文字太短），与他机关重复为“–”表示没有找到相似的报告。公开率＝（予以公开＋部分公开）÷（七）总计；复议纠错率＝结果纠正÷（总计−尚未审结）。点击表头排序。",
      "Repetition: the share of sections 一, 五 and 六 found in last year's report (or another body's of the same year), the highest section; “–” against last year means nothing to compare (no report of last year, or too little text), against other bodies that no similar report was found. Disclosed = (in full + in part) ÷ total handled; corrected = corrected ÷ (total − pending). Click a header to sort.",
    ),
  )}</p>
<h2 id="details">${e(t("问题明细", "Findings by body"))}</h2>
${articles}
<h2 id="rollup">${e(t("汇总（表三、表四）", "Roll-up (tables 3 and 4)"))}</h2>
${rollup}
${stale}
</main>
<script type="application/json" id="baseline-data">${scriptJson({ version: 1, decisions })}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function rollupSection(review: RegionReview, lang: Lang): string {
  const t = (zh: string, en: string) => (lang === "en" ? en : zh);
  const e = escapeHtml;
  const { rollup } = review;
  const byPointer = new Map<string, RollupCell>(rollup.cells.map((cell) => [cell.pointer, cell]));
  const cellText = (cell: RollupCell | undefined) =>
    cell ? `${cell.total}${cell.blank ? `<sup title="${e(t(`${cell.blank} 份报告空白，未计入`, `${cell.blank} reports blank, left out`))}">*${cell.blank}</sup>` : ""}` : "";
  const layout = cellsOf(rollup.edition);
  const grid = (table: "table3" | "table4") => {
    const cells = layout.filter((cell) => cell.table === table);
    const columns = [...new Map(cells.map((cell) => [cell.column, cell.labels.column])).entries()];
    const rows = [...new Map(cells.map((cell) => [cell.row, cell.labels.qualifiedRow])).entries()];
    return `<table><thead><tr><th>${e(TABLE_NAMES[table])}</th>${columns.map(([, label]) => `<th>${e(label)}</th>`).join("")}</tr></thead><tbody>${rows
      .map(
        ([row, label]) =>
          `<tr><td>${e(label)}</td>${columns.map(([column]) => `<td class="num">${cellText(byPointer.get(`/${cells[0]!.section}/${row}/${column}`))}</td>`).join("")}</tr>`,
      )
      .join("")}</tbody></table>`;
  };
  const { rates } = rollup;
  const heading = (key: "applications" | "reviewAndLitigation") => {
    const section = SECTION_LAYOUTS.find((candidate) => candidate.key === key)!;
    return lang === "en" ? `${TABLE_NAMES[section.table!]}: ${section.english}` : `${TABLE_NAMES[section.table!]} ${section.heading}`;
  };
  const rate = (label: string, share: number | null, detail: string) => `<tr><td>${e(label)}</td><td class="num">${percent(share)}</td><td>${e(detail)}</td></tr>`;
  return `<p class="note">${e(
    t(
      `${rollup.reports} 份 ${rollup.edition} 版报告相加（每个机关一份${rollup.leftOut ? `；${rollup.leftOut} 份其他版本或无法读取的报告未计入` : ""}）。空白单元格不计入合计，标 * 和份数。`,
      `${rollup.reports} reports of edition ${rollup.edition} added up (one per body${rollup.leftOut ? `; ${rollup.leftOut} of another edition or unreadable left out` : ""}). Blank cells are left out of the totals, marked * with their count.`,
    ),
  )}</p>
<table><thead><tr><th>${e(t("比率", "Rate"))}</th><th>${e(t("全地区", "Region"))}</th><th>${e(t("算法", "How"))}</th></tr></thead><tbody>
${rate(t("申请公开率", "Requests disclosed"), rates.disclosureRate, t(`（予以公开 ${rates.disclosedFully ?? "–"} ＋ 部分公开 ${rates.disclosedPartly ?? "–"}）÷（七）总计 ${rates.handled ?? "–"}`, `(in full ${rates.disclosedFully ?? "–"} + in part ${rates.disclosedPartly ?? "–"}) ÷ handled ${rates.handled ?? "–"}`))}
${rate(t("行政复议纠错率", "Reconsiderations corrected"), rates.reconsiderationCorrectionRate, t(`结果纠正 ${rates.reconsiderationsCorrected ?? "–"} ÷ 已审结（总计 ${rates.reconsiderations ?? "–"} − 尚未审结）`, `corrected ${rates.reconsiderationsCorrected ?? "–"} ÷ concluded (total ${rates.reconsiderations ?? "–"} − pending)`))}
${rate(t("行政诉讼纠错率", "Lawsuits corrected"), rates.lawsuitCorrectionRate, t(`结果纠正 ${rates.lawsuitsCorrected ?? "–"} ÷ 已审结（总计 ${rates.lawsuits ?? "–"} − 尚未审结）`, `corrected ${rates.lawsuitsCorrected ?? "–"} ÷ concluded (total ${rates.lawsuits ?? "–"} − pending)`))}
</tbody></table>
<h3>${e(heading("applications"))}</h3>
${grid("table3")}
<h3>${e(heading("reviewAndLitigation"))}</h3>
${grid("table4")}`;
}
