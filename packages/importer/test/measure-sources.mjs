// Median time of each reader on the corpus files, from the built package (run `npx turbo run build` first):
//   node packages/importer/test/measure-sources.mjs [runs]
// Prints the machine's load beside the figures: on a shared machine they are only comparable at equal load.
import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { renderDocx } from "@xxgk/renderer";
import { createEmptyReport } from "@xxgk/schema";
import { readDocx, readHtml, readPdf } from "../dist/index.js";

const runs = Number(process.argv[2] ?? 21);
const corpus = (path) => readFileSync(new URL(`./fixtures/corpus/${path}`, import.meta.url));

const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall time and this process's CPU time per call: on a machine shared with other jobs the CPU time is the steadier. */
async function median(label, read) {
  await read(); // warm-up: module loading and JIT
  const wall = [];
  const cpu = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    await read();
    const used = process.cpuUsage(cpuStarted);
    wall.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
  }
  console.log(`${label.padEnd(58)} median wall ${middle(wall).toFixed(1).padStart(7)} ms   cpu ${middle(cpu).toFixed(1).padStart(7)} ms   min wall ${Math.min(...wall).toFixed(1).padStart(7)} ms`);
}

console.log(`${cpus()[0]?.model ?? "unknown CPU"}, ${cpus().length} cores, load ${loadavg().map((value) => value.toFixed(2)).join(" ")}, ${runs} runs each`);
const coldStart = performance.now();
await readPdf(corpus("pdf/007-2024-huaian-hongzequ.pdf"));
console.log(`${"first readPdf in the process (loads PDF.js)".padEnd(58)} ${(performance.now() - coldStart).toFixed(1).padStart(7)} ms`);
for (const name of ["006-2023-huaian-hongzequ", "007-2024-huaian-hongzequ", "008-2024-huaian-shi"]) {
  const bytes = corpus(`pdf/${name}.pdf`);
  await median(`readPdf ${name}.pdf`, () => readPdf(bytes));
}
for (const name of ["014-2023-shuyang-fagaiju", "213-2024-pingtan-ziranziyuan-shengtaihuanjingju"]) {
  const bytes = corpus(`html/${name}.html`);
  await median(`readHtml ${name.slice(0, 40)}.html`, () => readHtml(bytes));
}
const docx = await renderDocx(createEmptyReport({ edition: "2021", year: 2024, body: "某某市某某局" }));
await median("readDocx (empty 2021 report rendered by @xxgk/renderer)", () => readDocx(docx));
console.log(`load after: ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
