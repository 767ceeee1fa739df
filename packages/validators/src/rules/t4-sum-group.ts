/** Rule T4-SUM-GROUP: its metadata, messages, docs example and evaluator. */
import { identitiesOf } from "../identities.js";
import { BOTH, type CatalogEntry } from "./define.js";

export const rule: CatalogEntry = {
  id: "T4-SUM-GROUP",
  name: "Table4GroupTotals",
  title: { zh: "表四各组总计等于四种结果之和", en: "Table 4: each group's total equals its four outcomes" },
  message: {
    zh: "表四“{group}”：结果维持、结果纠正、其他结果、尚未审结之和为 {expected}，总计填报 {stated}，相差 {difference}。",
    en: "Table 4, “{group}”: upheld + corrected + other + pending = {expected} but the total states {stated} (difference {difference}).",
  },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "layout",
  reference: {
    zh: "R4：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
    en: "R4: total = upheld + corrected + other + pending",
  },
  rationale: {
    zh: "表四的行政复议、未经复议直接起诉、复议后起诉三组各有五列，总计是前四列之和。实际报告中可见“维持 10、纠正 1、总计 0”。",
    en: "Each of table 4's three groups has five columns, the total being the sum of the first four. Real reports show 'upheld 10, corrected 1, total 0'.",
  },
  pinpoints: true,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: { zh: "行政复议总计填 0", en: "the reconsideration total stated as 0" },
      edits: [{ pointer: "/reviewAndLitigation/reconsideration/total", value: 0 }],
    },
  ],
  evaluator: { kind: "identity", identities: (context) => identitiesOf("T4-SUM-GROUP", context.document.edition!) },
};
