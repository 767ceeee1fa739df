// Generates report JSON files for the CLI benchmarks (both editions) into a directory; not committed.
// Usage: node bench/cli-generate.mjs <dir> [count]
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const examples = ["2023-shizuishan-shangwuju.json", "2020-example-county-2019-edition.json"].map((file) =>
  JSON.parse(readFileSync(new URL(`../examples/${file}`, import.meta.url), "utf8")),
);

/** A small deterministic generator (mulberry32), so every run validates the same files. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Writes `count` reports: alternating editions 2021 and 2019, each with its own body and varied table 三 figures
 * (kept consistent: a number added to 自然人 in 一、本年新收 is added to （一）予以公开 and to the 总计 cells), and
 * one in ten made inconsistent on purpose. Returns the file names.
 */
export function generateReports(dir, count) {
  mkdirSync(dir, { recursive: true });
  const next = random(20240131);
  const names = [];
  for (let index = 0; index < count; index++) {
    const report = structuredClone(examples[index % 2]);
    report.meta.body = `基准测试机关${index}`;
    const added = Math.floor(next() * 50);
    const apps = report.applications;
    for (const [row, column] of [
      ["newlyReceived", "naturalPerson"],
      ["newlyReceived", "total"],
      ["disclosed", "naturalPerson"],
      ["disclosed", "total"],
      ["total", "naturalPerson"],
      ["total", "total"],
    ]) {
      if (typeof apps[row][column] === "number") apps[row][column] += added;
    }
    if (index % 10 === 9) apps.newlyReceived.naturalPerson += 1;
    const name = `${String(index).padStart(5, "0")}.json`;
    writeFileSync(join(dir, name), `${JSON.stringify(report, null, 2)}\n`);
    names.push(name);
  }
  return names;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir, count = "10000"] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: node bench/cli-generate.mjs <dir> [count]");
    process.exit(2);
  }
  generateReports(dir, Number(count));
  console.log(`wrote ${count} reports to ${dir}`);
}
