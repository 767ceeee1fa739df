import { readFileSync, existsSync } from "node:fs";
import { importReport } from "../src/index.js";
import { cellsOf } from "@xxgk/schema/layout";
const files = process.argv.slice(2);
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const body = text.slice(text.indexOf("\n---\n") + 5);
  const stem = file.split("/").pop()!.replace(/\.txt$/, "");
  const result = await importReport(body, { fileName: stem + ".txt" });
  const goldenPath = [`test/fixtures/golden/${stem}.json`, `../validators/test/fixtures/${stem}.json`].find((p) => existsSync(p));
  console.log(`== ${stem}: ${result.status} ${result.report?.edition} ${result.report?.meta.body} ${result.report?.meta.year} counts=${JSON.stringify(result.counts)}`);
  for (const f of result.findings) console.log(`  [${f.severity}] ${f.code} ${f.message}`);
  if (goldenPath && result.report) {
    const golden = JSON.parse(readFileSync(goldenPath, "utf8"));
    let right = 0, total = 0;
    for (const cell of cellsOf(golden.edition)) {
      total++;
      const g = cell.path.reduce((o: any, k) => o?.[k], golden);
      const r = cell.path.reduce((o: any, k) => o?.[k], result.report);
      const how = result.provenance[cell.pointer]?.how;
      if (g === r && how !== "unreadable" && how !== "absent") right++;
      else console.log(`   ✗ ${cell.pointer} golden=${g} got=${r} (${how})`);
    }
    console.log(`  cells right ${right}/${total}`);
  }
}
// prose comparison
const flat = (p: any) => p ? [...p.paragraphs, ...(p.parts ?? []).flatMap((x: any) => [x.title, ...x.paragraphs])].join("").replace(/[\s\p{P}]/gu, "") : "";
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const body = text.slice(text.indexOf("\n---\n") + 5);
  const stem = file.split("/").pop()!.replace(/\.txt$/, "");
  const goldenPath = [`test/fixtures/golden/${stem}.json`, `../validators/test/fixtures/${stem}.json`].find((p) => existsSync(p));
  if (!goldenPath) continue;
  const golden = JSON.parse(readFileSync(goldenPath, "utf8"));
  const result = await importReport(body, { fileName: stem + ".txt" });
  for (const s of ["preamble", "overview", "problemsAndImprovements", "otherMatters"]) {
    const a = flat(golden[s]), b = flat((result.report as any)[s]);
    if (a !== b) { let i = 0; while (i < a.length && a[i] === b[i]) i++; console.log(`  prose ${stem} ${s} differs at ${i}: golden «${a.slice(i, i + 40)}» got «${b.slice(i, i + 40)}» (len ${a.length}/${b.length})`); }
    else console.log(`  prose ${stem} ${s} ok`);
  }
  console.log("  title", result.report?.meta.title, "|", golden.meta.title);
}
