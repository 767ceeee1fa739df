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
// @xxgk/validators reports for it (its output for this report, copied here: the renderer does not depend on it).
const typo = structuredClone(report2019);
typo.applications.disclosed.naturalPerson = 36;
const applicants = Object.keys(typo.applications.disclosed);
const outcomeRows = Object.keys(typo.applications).filter(
  (row) => !["newlyReceived", "carriedOver", "total", "carriedForward"].includes(row),
);
const diagnostics = [
  {
    ruleId: "T3-SUM-ROW",
    severity: "error",
    outcome: "fail",
    message:
      "表三“（一）予以公开”一行：自然人与法人或其他组织各列之和为 46，总计填报 40，相差 -6。可能有误的单元格：表三 / 自然人 / （一）予以公开（填报 36）；若改为 30，以下 2 项勾稽关系均可成立。",
    messageEn:
      "Table 3, row “Disclosed”: the applicant columns sum to 46 but the total states 40 (difference -6). Likely faulty cell: Table 3 / Natural persons / Disclosed (states 36); changing it to 30 would satisfy all 2 failed identities.",
    pointers: ["/applications/disclosed/total", ...applicants.filter((column) => column !== "total").map((column) => `/applications/disclosed/${column}`)],
    stated: 40,
    expected: 46,
    difference: -6,
    pinpoint: { pointer: "/applications/disclosed/naturalPerson", label: "表三 / 自然人 / （一）予以公开", stated: 36, suggested: 30 },
    related: [
      {
        ruleId: "T3-SUM-COLUMN",
        severity: "error",
        outcome: "fail",
        message: "表三“自然人”一列：（一）至（六）各项办理结果之和为 74，（七）总计填报 68，相差 -6。",
        messageEn: "Table 3, column “Natural persons”: the outcomes （一）–（六） sum to 74 but （七）总计 states 68 (difference -6).",
        pointers: ["/applications/total/naturalPerson", ...outcomeRows.map((row) => `/applications/${row}/naturalPerson`)],
        stated: 68,
        expected: 74,
        difference: -6,
      },
    ],
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
