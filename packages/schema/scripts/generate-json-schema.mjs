// Writes json-schema/report.schema.json (and one file per edition) from the built zod source.
// Run after tsup (see the package's build script); the test suite fails when the committed files drift.
import { mkdirSync, writeFileSync, renameSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildJsonSchemas } from "../dist/index.js";

const outDir = fileURLToPath(new URL("../json-schema/", import.meta.url));
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(buildJsonSchemas())) {
  const target = `${outDir}${name}`;
  writeFileSync(`${target}.tmp`, `${JSON.stringify(schema, null, 2)}\n`);
  renameSync(`${target}.tmp`, target);
}
