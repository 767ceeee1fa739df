// The conformance cases that come from files in the repository: the example reports (examples/ and
// examples/invalid/) and the real published reports copied into test/fixtures. Shared by the generator script and
// the drift test, so both build the same suite.
import { readdirSync, readFileSync } from "node:fs";

const repository = new URL("../../../", import.meta.url);
const fixtures = new URL("../test/fixtures/", import.meta.url);

const json = (url) => JSON.parse(readFileSync(url, "utf8"));
const reports = (dir) => readdirSync(dir).filter((file) => file.endsWith(".json")).sort();
const slug = (file) => file.replace(/\.json$/, "").toLowerCase();

/** Case inputs for every example and real report in the repository. */
export function repositoryCases() {
  const examples = new URL("examples/", repository);
  const invalid = new URL("examples/invalid/", repository);
  return [
    ...reports(examples).map((file) => ({
      id: `example-${slug(file)}`,
      description: { zh: `示例报告 examples/${file}`, en: `the example report examples/${file}` },
      report: json(new URL(file, examples)),
    })),
    ...reports(invalid).map((file) => ({
      id: `invalid-${slug(file)}`,
      description: { zh: `结构无效的示例 examples/invalid/${file}`, en: `the invalid example examples/invalid/${file}` },
      report: json(new URL(file, invalid)),
      expect: { schemaValid: false },
    })),
    ...reports(fixtures)
      .filter((file) => /^\d{3}-\d{4}-/.test(file))
      .map((file) => ({
        id: `real-${slug(file)}`,
        description: { zh: `真实报告 ${file}`, en: `the published report ${file}` },
        kind: "real",
        report: json(new URL(file, fixtures)),
      })),
  ];
}
