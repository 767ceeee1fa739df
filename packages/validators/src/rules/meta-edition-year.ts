/** Rule META-EDITION-YEAR: its metadata, messages, docs example and evaluator. */
import { type Edition, editionForYear, LAYOUTS } from "@xxgk/schema/layout";
import type { Finding, RuleContext } from "../context.js";
import { blocked, BOTH, type CatalogEntry, FORM_2019, FORM_2021, integerYear, metaField, pass } from "./define.js";

function checkEditionYear(context: RuleContext): Finding[] {
  const year = integerYear(metaField(context, "year"));
  const edition = context.document.record?.edition;
  if (year === undefined) return [blocked("/meta/year")];
  if (edition !== "2021" && edition !== "2019") return [blocked("/edition")];
  const expected = editionForYear(year);
  if (expected === edition) return [pass()];
  const [expectation, expectationEn] = expected
    ? [
        `应使用 ${expected} 版格式（${LAYOUTS[expected].basis}），实为 ${edition} 版`,
        `which calls for edition ${expected} (${LAYOUTS[expected].basis}); the report uses edition ${edition}`,
      ]
    : [
        `2019 年度以前的报告没有全国统一格式，不能按 ${edition} 版格式检查`,
        `reports before 2019 have no national layout, so edition ${edition} does not apply`,
      ];
  return [
    {
      outcome: "fail",
      params: { year, edition, expectation },
      paramsEn: { year, edition, expectation: expectationEn },
      pointers: ["/edition", "/meta/year"],
      cells: [],
    },
  ];
}

export const rule: CatalogEntry = {
  id: "META-EDITION-YEAR",
  name: "EditionMatchesYear",
  title: { zh: "格式版本与报告年度相符", en: "Edition matches the report year" },
  message: {
    zh: "报告年度为 {year}：{expectation}。",
    en: "The report year is {year}, {expectation}.",
  },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "metadata",
  reference: {
    zh: `${FORM_2021}（2021 年度起）；${FORM_2019}（2019、2020 年度）`,
    en: `${FORM_2021} (report years 2021 onward); ${FORM_2019} (2019 and 2020)`,
  },
  rationale: {
    zh: "2021 年度起的报告按国办公开办函〔2021〕30号格式编制，2019、2020 年度按〔2019〕60号试行格式编制。两版表二、表三（（六）其他处理）不同，版本用错会使表格无法比对。",
    en: "Reports for 2021 onward use the 2021 format; 2019 and 2020 use the 2019 trial format. The two differ in table 2 and in table 3's （六）其他处理, so the wrong edition makes the tables incomparable.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: ["2021"],
      description: { zh: "2020 年度的报告标为 2021 版格式", en: "a 2020 report marked as edition 2021" },
      edits: [
        { pointer: "/meta/year", value: 2020 },
        { pointer: "/meta/publishedOn", value: "2021-01-20" },
      ],
    },
    {
      editions: ["2019"],
      description: { zh: "2022 年度的报告仍用 2019 版格式", en: "a 2022 report still in edition 2019" },
      edits: [
        { pointer: "/meta/year", value: 2022 },
        { pointer: "/meta/publishedOn", value: "2023-01-20" },
      ],
    },
  ],
  evaluator: { kind: "check", check: checkEditionYear },
};
