// Writes docs/rules.md from the built catalog: `npx turbo run build --filter=@xxgk/validators...` first.
// A test (src/rules-doc.test.ts) fails when the committed file differs from what this script writes.
import { writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderRulesMarkdown } from "../dist/index.js";

const target = fileURLToPath(new URL("../../../docs/rules.md", import.meta.url));
writeFileSync(`${target}.tmp`, renderRulesMarkdown());
renameSync(`${target}.tmp`, target);
console.log(`wrote ${target}`);
