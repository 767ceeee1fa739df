/** Rule X-CARRY-OVER: its metadata, messages, docs example and evaluator. */
import { carryOverIdentities } from "../identities.js";
import { crossYearIdentities } from "./cross-year.js";
import { BOTH, type CatalogEntry } from "./define.js";

export const rule: CatalogEntry = {
  id: "X-CARRY-OVER",
  name: "CarryOverMatchesLastYear",
  title: { zh: "本年“上年结转”等于上年“结转下年度”", en: "Carried over this year equals carried forward last year" },
  message: {
    zh: "表三“{column}”一列：本年“二、上年结转”填报 {stated}，上年报告“四、结转下年度继续办理”为 {expected}，相差 {difference}。",
    en: "Table 3, column “{column}”: carried over this year states {stated}, but last year's report carried forward {expected} (difference {difference}).",
  },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "cross-year",
  reference: {
    zh: "X1：本年二、上年结转 = 上年四、结转下年度继续办理（逐列）",
    en: "X1: this year's 二 = last year's 四, column by column",
  },
  rationale: {
    zh: "上年结转到本年的申请，就是上年报告中结转下年度继续办理的申请，两份报告应逐列一致。表三各列在两版格式中相同，跨版本也可比对。",
    en: "The applications carried into this year are exactly those last year's report carried forward, column by column. Table 3's columns are the same in both editions, so this holds across editions too.",
  },
  pinpoints: true,
  crossYear: true,
  examples: [
    {
      editions: BOTH,
      description: {
        zh: "上年报告结转下年度 3 件，本年报告上年结转 2 件",
        en: "last year carried 3 forward, this year carried 2 over",
      },
      edits: [
        { document: "previous", pointer: "/applications/carriedForward/naturalPerson", value: 3 },
        { document: "previous", pointer: "/applications/carriedForward/total", value: 3 },
      ],
    },
  ],
  evaluator: { kind: "identity", identities: (context) => crossYearIdentities(context, carryOverIdentities) },
};
