// Writes conformance/ (manifest.json and reports/) from the built catalog, the sample reports, the awkward corners
// in src/conformance.ts, the repository's example reports and the real reports in test/fixtures.
// `npx turbo run build --filter=@xxgk/validators...` first. A test fails when the committed files drift.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildConformanceSuite, formatJsonDocument } from "../dist/generate.js";
import { repositoryCases } from "./conformance-inputs.mjs";

const root = fileURLToPath(new URL("../conformance/", import.meta.url));
const { manifest, files } = buildConformanceSuite(repositoryCases());
// Write into a fresh folder next to the old one, then swap: never a half-written suite.
const staging = `${root.replace(/\/$/, "")}.tmp/`;
rmSync(staging, { recursive: true, force: true });
mkdirSync(`${staging}reports`, { recursive: true });
writeFileSync(`${staging}manifest.json`, formatJsonDocument(manifest));
for (const [path, content] of Object.entries(files)) writeFileSync(`${staging}${path}`, `${JSON.stringify(content, null, 2)}\n`);
for (const file of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith(".schema.json"))) {
  writeFileSync(`${staging}${file.name}`, readFileSync(`${root}${file.name}`));
}
rmSync(root, { recursive: true, force: true });
renameSync(staging, root);
console.log(`wrote ${manifest.cases.length} cases to ${root}`);
