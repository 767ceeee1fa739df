// Renders the committed examples in every format into a folder, for the screenshots in docs/images and for a look
// by hand. Needs the build (npx turbo run build --filter=@xxgk/renderer...).
//
//   node packages/renderer/scripts/render-examples.mjs /tmp/xxgk-render
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { renderDocx, renderHtml, renderMarkdown, renderText } from "../dist/index.js";

const out = process.argv[2];
if (!out) {
  console.error("usage: node packages/renderer/scripts/render-examples.mjs <folder>");
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const example = (file) => JSON.parse(readFileSync(new URL(`../../../examples/${file}`, import.meta.url), "utf8"));

const report2021 = example("2023-shizuishan-shangwuju.json");
const report2019 = example("2020-example-county-2019-edition.json");

// The annotated page: the 2019 example with one typo (予以公开 / 自然人 36 instead of 30), and the findings
// @xxgk/validators reports for it, written out by hand in its Diagnostic shape.
const typo = structuredClone(report2019);
typo.applications.disclosed.naturalPerson = 36;
const columnCells = Object.keys(typo.applications)
  .filter((row) => !["newlyReceived", "carriedOver", "carriedForward"].includes(row))
  .map((row) => `/applications/${row}/naturalPerson`);
const diagnostics = [
  {
    ruleId: "R2",
    severity: "error",
    outcome: "fail",
    message: "表三 / （一）予以公开：总计 40 不等于自然人与各类法人或其他组织之和 46。",
    messageEn: "Table 3 / (1) disclosed: the total 40 is not the sum 46 of the applicant columns.",
    pointers: Object.keys(typo.applications.disclosed).map((column) => `/applications/disclosed/${column}`),
    stated: 40,
    expected: 46,
    difference: -6,
    pinpoint: { pointer: "/applications/disclosed/naturalPerson", label: "表三 / 自然人 / （一）予以公开", stated: 36, suggested: 30 },
  },
  {
    ruleId: "R3",
    severity: "error",
    outcome: "fail",
    message: "表三 / 自然人：（七）总计 68 不等于各项办理结果之和 74。",
    messageEn: "Table 3 / natural persons: (7) total 68 is not the sum 74 of the outcomes.",
    pointers: columnCells,
    stated: 68,
    expected: 74,
    difference: -6,
    pinpoint: { pointer: "/applications/disclosed/naturalPerson", label: "表三 / 自然人 / （一）予以公开", stated: 36, suggested: 30 },
  },
  {
    ruleId: "P2",
    severity: "info",
    outcome: "not-assessable",
    message: "总体情况没有写明本年新收申请件数，无法与表三核对。",
    messageEn: "The overview does not state the number of new applications; it cannot be checked against table 3.",
    pointers: ["/overview"],
  },
];

writeFileSync(join(out, "2021.html"), renderHtml(report2021));
writeFileSync(join(out, "2019.html"), renderHtml(report2019));
writeFileSync(join(out, "annotated.html"), renderHtml(typo, { diagnostics }));
writeFileSync(join(out, "2021.md"), renderMarkdown(report2021));
writeFileSync(join(out, "2021.txt"), renderText(report2021));
writeFileSync(join(out, "2021.docx"), await renderDocx(report2021));
writeFileSync(join(out, "2019.docx"), await renderDocx(report2019));
console.log(`wrote ${out}: 2021.html 2019.html annotated.html 2021.md 2021.txt 2021.docx 2019.docx`);
