// Benchmarks the two importer targets that the text benchmark (importer.bench.mjs) does not cover:
//   1. importReport on each corpus PDF (median of interleaved runs), against the baseline of PDF.js's own text
//      extraction of the same file (unpdf's extractText: what any PDF importer has to pay before recognising
//      anything), measured in the same process, in pairs;
//   2. `xxgk import DIR --out-dir OUT` on a folder of 1,000 mixed reports (the corpus's texts, PDFs and web pages,
//      copied round-robin), all cores, against `cat` of the same files (reading them: the floor).
//
//   npx turbo run build --filter=@xxgk/cli... --filter=@xxgk/importer...
//   node bench/importer-pdf-batch.bench.mjs [runs]
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { importReport } from "@xxgk/importer";
import { extractText, getDocumentProxy } from "unpdf";

const runs = Number(process.argv[2] ?? 15);
const repo = fileURLToPath(new URL("..", import.meta.url));
const corpus = join(repo, "packages/importer/test/fixtures/corpus");
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");

console.log(`CPU: ${cpus()[0]?.model} × ${cpus().length}; Node.js ${process.version}; load at start ${load()}`);

// 1. PDFs. One warm-up of each (PDF.js loads once per process), then interleaved pairs.
const pdfs = readdirSync(join(corpus, "pdf")).map((name) => ({ name, bytes: readFileSync(join(corpus, "pdf", name)) }));
const baseline = async (bytes) => extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
for (const { bytes } of pdfs) {
  await importReport(new Uint8Array(bytes));
  await baseline(bytes);
}
console.log("\n| PDF | importReport median | PDF.js extractText median (baseline) | ratio | status |");
console.log("|---|---:|---:|---:|---|");
for (const { name, bytes } of pdfs) {
  const ours = [];
  const theirs = [];
  let status = "";
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    status = (await importReport(new Uint8Array(bytes), { fileName: name })).status;
    ours.push(performance.now() - start);
    start = performance.now();
    await baseline(bytes);
    theirs.push(performance.now() - start);
  }
  const a = median(ours);
  const b = median(theirs);
  console.log(`| ${name} | ${a.toFixed(0)} ms | ${b.toFixed(0)} ms | ${(a / b).toFixed(2)}× | ${status} |`);
}

// 2. A folder of 1,000 mixed reports through the CLI.
const sources = [
  ...readdirSync(corpus).filter((name) => name.endsWith(".txt")).map((name) => join(corpus, name)),
  ...readdirSync(join(corpus, "pdf")).map((name) => join(corpus, "pdf", name)),
  ...readdirSync(join(corpus, "html")).map((name) => join(corpus, "html", name)),
];
const scratch = mkdtempSync(join(tmpdir(), "xxgk-import-bench-"));
try {
  const input = join(scratch, "in");
  mkdirSync(input);
  for (let index = 0; index < 1000; index++) {
    const source = sources[index % sources.length];
    const extension = source.slice(source.lastIndexOf("."));
    cpSync(source, join(input, `${String(index).padStart(4, "0")}${extension}`));
  }
  const files = readdirSync(input).map((name) => join(input, name));
  const cli = join(repo, "packages/cli/bin/xxgk.cjs");
  const timed = (command, args) => {
    const start = performance.now();
    const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 30 });
    return { seconds: (performance.now() - start) / 1000, result };
  };
  const floor = timed("cat", files);
  const out = join(scratch, "out");
  const ours = timed(process.execPath, [cli, "import", input, "--out-dir", out]);
  const summary = ours.result.stderr.trim().split("\n").at(-1);
  console.log(`\n1,000 mixed reports (${sources.length} corpus files copied round-robin: texts, PDFs, web pages), ${cpus().length} cores`);
  console.log(`| command | wall time |\n|---|---:|`);
  console.log(`| cat of the 1,000 files (floor: reading them) | ${floor.seconds.toFixed(2)} s |`);
  console.log(`| xxgk import DIR --out-dir OUT (exit ${ours.result.status}; ${readdirSync(out).length} files written) | ${ours.seconds.toFixed(2)} s |`);
  console.log(`xxgk's summary: ${summary}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(`\nload at end ${load()}`);
