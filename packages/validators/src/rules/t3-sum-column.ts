/** Rule T3-SUM-COLUMN: its metadata, messages, docs example and evaluator. */
import { identitiesOf } from "../identities.js";
import { BOTH, type CatalogEntry } from "./define.js";

export const rule: CatalogEntry = {
  id: "T3-SUM-COLUMN",
  name: "Table3GrandTotal",
  title: { zh: "表三（七）总计等于各项办理结果之和", en: "Table 3: （七）总计 equals the sum of the outcomes" },
  message: {
    zh: "表三“{column}”一列：（一）至（六）各项办理结果之和为 {expected}，（七）总计填报 {stated}，相差 {difference}。",
    en: "Table 3, column “{column}”: the outcomes （一）–（六） sum to {expected} but （七）总计 states {stated} (difference {difference}).",
  },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "layout",
  reference: {
    zh: "R3：（七）总计 = （一）+（二）+ Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + Σ（六）",
    en: "R3: （七）总计 = （一） + （二） + Σ（三）1–8 + Σ（四）1–3 + Σ（五）1–5 + Σ（六）",
  },
  rationale: {
    zh: "“三、本年度办理结果”下各项互斥（部分公开只计一种情形），（七）总计是它们的合计。这是实际报告中最常见的错误：明细合计 27，总计却填 21。",
    en: "The outcomes under 三、本年度办理结果 are exclusive (a partial disclosure counts once), and （七）总计 is their sum. Real reports get this wrong most often: details summing to 27 under a stated total of 21.",
  },
  pinpoints: true,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "自然人一列（七）总计少填 2", en: "（七）总计 of the natural-person column two too low" },
      edits: [{ pointer: "/applications/total/naturalPerson", value: 21 }],
    },
  ],
  evaluator: { kind: "identity", identities: (context) => identitiesOf("T3-SUM-COLUMN", context.document.edition!) },
};
