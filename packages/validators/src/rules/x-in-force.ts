/** Rule X-IN-FORCE: its metadata, messages, docs example and evaluator. */
import { inForceIdentities } from "../identities.js";
import { crossYearIdentities } from "./cross-year.js";
import type { CatalogEntry } from "./define.js";

export const rule: CatalogEntry = {
  id: "X-IN-FORCE",
  name: "DocumentsInForceFollowOn",
  title: { zh: "现行有效件数与上年衔接", en: "Documents in force follow on from last year" },
  message: {
    zh: "表二“{row}”：上年现行有效件数 + 本年制发 − 本年废止 = {expected}，本年现行有效件数填报 {stated}，相差 {difference}。",
    en: "Table 2, “{row}”: last year's in force + issued − repealed = {expected}, but in force states {stated} (difference {difference}).",
  },
  severity: { publish: "warning", audit: "warning" },
  editions: ["2021"],
  basis: "cross-year",
  reference: {
    zh: "X2（2021 版）：现行有效 = 上年现行有效 + 本年制发 − 本年废止",
    en: "X2 (edition 2021): in force = last year's in force + issued − repealed",
  },
  rationale: {
    zh: "规章和行政规范性文件的存量应逐年衔接。修订、清理口径变化和 2020→2021 年表二列的改变都会合理地打破这一关系，因此只作警告；两份报告须都是 2021 版。",
    en: "The stock of rules and normative documents should follow on from year to year. Revisions, clean-ups and the 2020→2021 change of table 2's columns legitimately break it, hence a warning; both reports must be edition 2021.",
  },
  pinpoints: false,
  crossYear: true,
  examples: [
    {
      editions: ["2021"],
      description: {
        zh: "上年现行有效 9 件，本年制发 3、废止 1，本年现行有效却为 12",
        en: "9 in force last year, 3 issued, 1 repealed, yet 12 in force",
      },
      edits: [{ document: "previous", pointer: "/proactiveDisclosure/normativeDocuments/inForce", value: 9 }],
    },
  ],
  evaluator: { kind: "identity", identities: (context) => crossYearIdentities(context, inForceIdentities) },
};
