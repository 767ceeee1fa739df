// Writes rules.json (the rule catalog as data, with the arithmetic identities as JSON Pointers) from the built
// catalog: `npx turbo run build --filter=@xxgk/validators...` first. A test fails when the committed file drifts.
import { writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildRulesDocument, formatJsonDocument, RULES_FILES } from "../dist/generate.js";

const target = fileURLToPath(new URL(`../${RULES_FILES.rules}`, import.meta.url));
writeFileSync(`${target}.tmp`, formatJsonDocument(buildRulesDocument()));
renameSync(`${target}.tmp`, target);
console.log(`wrote ${target}`);
