/** Rule T3-SUM-ROW: its metadata, messages, docs example and evaluator. */
import { identitiesOf } from "../identities.js";
import { BOTH, type CatalogEntry } from "./define.js";

export const rule: CatalogEntry = {
  id: "T3-SUM-ROW",
  name: "Table3RowTotals",
  title: { zh: "表三每行总计等于各类申请人之和", en: "Table 3: each row's total equals the sum of applicant columns" },
  message: {
    zh: "表三“{row}”一行：自然人与法人或其他组织各列之和为 {expected}，总计填报 {stated}，相差 {difference}。",
    en: "Table 3, row “{row}”: the applicant columns sum to {expected} but the total states {stated} (difference {difference}).",
  },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "layout",
  reference: {
    zh: "R2：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他",
    en: "R2: total = natural persons + the five organisation columns",
  },
  rationale: {
    zh: "表三的“总计”列是六个申请人列的合计，表中没有法人或其他组织的小计列。每一行都应满足这一关系。",
    en: "Table 3's total column is the sum of the six applicant columns (there is no organisation subtotal). Every row must satisfy it.",
  },
  pinpoints: true,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "“（一）予以公开”一行的总计多填 1", en: "the total of row （一）予以公开 one too high" },
      edits: [{ pointer: "/applications/disclosed/total", value: 16 }],
    },
  ],
  evaluator: { kind: "identity", identities: (context) => identitiesOf("T3-SUM-ROW", context.document.edition!) },
};
