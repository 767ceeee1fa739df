// Benchmarks @xxgk/importer: text import throughput on one core over the corpus of real reports (14 texts: PDF text,
// OCR Markdown, web pages, crawled single-line pages), against baselines measured in the same process:
// JSON.parse of each report's golden JSON (what reading an already-imported report costs) and readText alone.
//
//   npx turbo run build --filter=@xxgk/importer...
//   node bench/importer.bench.mjs            # print the results
//   node bench/importer.bench.mjs --write    # also write them into docs/performance.md
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { importDocument, importReport, readText } from "@xxgk/importer";

const root = new URL("../", import.meta.url);
const corpus = new URL("packages/importer/test/fixtures/corpus/", root);
const golden = new URL("packages/importer/test/fixtures/golden/", root);
const files = readdirSync(corpus).filter((name) => name.endsWith(".txt")).sort();
// The corpus header (source, title, …, ---) is the corpus's, not the report's.
const texts = files.map((name) => {
  const text = readFileSync(new URL(name, corpus), "utf8");
  return text.slice(text.indexOf("\n---\n") + 5);
});
const jsons = files.map((name) => readFileSync(new URL(name.replace(/\.txt$/u, ".json"), golden), "utf8"));
const bytes = texts.map((text) => new TextEncoder().encode(text));

/**
 * Median time of one pass over the whole corpus, per report, after warm-up: CPU time of this process (user +
 * system, i.e. what one core spends; the machine is shared, so wall time mostly measures the other jobs) and wall time.
 */
async function median(name, fn, { passes, warmup }) {
  for (let index = 0; index < warmup; index += 1) await fn();
  const cpuSamples = [];
  const wallSamples = [];
  for (let pass = 0; pass < passes; pass += 1) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    await fn();
    wallSamples.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = process.cpuUsage(cpuStart);
    cpuSamples.push((cpu.user + cpu.system) / 1000);
  }
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const ms = middle(cpuSamples) / files.length;
  return { name, ms, wall: middle(wallSamples) / files.length, perSecond: 1000 / ms };
}

const loadAtStart = loadavg()[0].toFixed(1);
const options = { passes: 60, warmup: 10 };
const results = {
  json: await median("JSON.parse(golden report JSON)", () => jsons.forEach((json) => JSON.parse(json)), options),
  readText: await median("readText(text)", () => texts.forEach((text) => readText(text)), options),
  document: await median("importDocument(readText(text))", () => texts.forEach((text) => importDocument(readText(text))), options),
  text: await median("importReport(text)", async () => {
    for (const text of texts) await importReport(text);
  }, options),
  bytes: await median("importReport(bytes) (sniff + decode)", async () => {
    for (const input of bytes) await importReport(input);
  }, options),
};
const loadAtEnd = loadavg()[0].toFixed(1);

const format = (ms) => (ms < 1 ? `${(ms * 1000).toFixed(1)} µs` : `${ms.toFixed(2)} ms`);
const ratio = (key) => `${(results[key].ms / results.json.ms).toFixed(0)}×`;
const keys = ["json", "readText", "document", "text", "bytes"];
for (const key of keys) {
  const result = results[key];
  console.log(`${result.name.padEnd(40)} cpu ${format(result.ms).padStart(10)} wall ${format(result.wall).padStart(10)} ${Math.round(result.perSecond).toLocaleString("en").padStart(9)}/s  ${ratio(key)}`);
}
console.log(`load average ${loadAtStart} → ${loadAtEnd}`);

if (process.argv.includes("--write")) {
  const cpu = cpus();
  const lines = [
    "<!-- importer:start -->",
    "## @xxgk/importer",
    "",
    `Text import on one core over the ${files.length} corpus texts (packages/importer/test/fixtures/corpus: PDF text, OCR`,
    "Markdown, web pages converted to text, crawled single-line pages; 5–20 KB each), per report, against `JSON.parse`",
    "of the same reports' golden JSON and `readText` alone, measured in the same process (median of 60 passes over the",
    "corpus after 10 warm-up passes). Times are CPU time of the process (user + system: what one core spends), because",
    "the machine is shared and wall time there measures the other jobs; the wall time of the same passes is given too.",
    "",
    "| task | CPU per report | reports/second (one core) | ÷ JSON.parse | wall per report |",
    "|---|---:|---:|---:|---:|",
    ...keys.map((key) => {
      const result = results[key];
      return `| ${result.name}${key === "json" ? " — **baseline**" : ""} | ${format(result.ms)} | ${Math.round(result.perSecond).toLocaleString("en")} | ${ratio(key)} | ${format(result.wall)} |`;
    }),
    "",
    `Throughput of \`importReport\` on text: **${Math.round(results.text.perSecond).toLocaleString("en")} reports/s** on one core (target ≥ 200).`,
    "",
    `Measured with Node.js ${process.versions.node} on ${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}; load average`,
    `${loadAtStart} at the start and ${loadAtEnd} at the end of the run (the machine was shared with other jobs: the figures are`,
    "upper bounds on the time). Reproduce:",
    "",
    "```sh",
    "npx turbo run build --filter=@xxgk/importer...",
    "node bench/importer.bench.mjs --write",
    "```",
    "",
    "Where the time goes: building the canonical character stream (NFKC per character) and matching the layout's",
    "labels in it; the glued-digit solver runs only on the crawled pages and is bounded per row.",
    "<!-- importer:end -->",
  ];
  const file = fileURLToPath(new URL("docs/performance.md", root));
  const text = readFileSync(file, "utf8");
  const start = text.indexOf("<!-- importer:start -->");
  const end = text.indexOf("<!-- importer:end -->");
  const block = lines.join("\n");
  const next = start >= 0 && end > start ? text.slice(0, start) + block + text.slice(end + "<!-- importer:end -->".length) : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, next);
  console.log("wrote docs/performance.md");
}
