/** Rule T3-BALANCE: its metadata, messages, docs example and evaluator. */
import { identitiesOf } from "../identities.js";
import { BOTH, type CatalogEntry } from "./define.js";

export const rule: CatalogEntry = {
  id: "T3-BALANCE",
  name: "Table3Balance",
  title: { zh: "表三：一 + 二 = （七）总计 + 四", en: "Table 3: received + carried over = handled + carried forward" },
  message: {
    zh: "表三“{column}”一列：一、本年新收 + 二、上年结转 = {expected}，而（七）总计 + 四、结转下年度 = {stated}，相差 {difference}。",
    en: "Table 3, column “{column}”: received this year + carried over = {expected}, but handled (（七）总计) + carried forward = {stated} (difference {difference}).",
  },
  severity: { publish: "error", audit: "error" },
  editions: BOTH,
  basis: "official-note",
  reference: {
    zh: "R1：表三表头注释“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”",
    en: "R1: the note printed on table 3: the first item plus the second equals the third plus the fourth",
  },
  rationale: {
    zh: "这是格式唯一印在表上的勾稽关系：每一列中，本年新收与上年结转的申请，要么在本年办结（计入（七）总计），要么结转下年度。",
    en: "The only identity printed on the form: in every column, each application received or carried over is either handled this year (（七）总计) or carried forward.",
  },
  pinpoints: true,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: {
        zh: "自然人与总计两列“一、本年新收”各多填 1",
        en: "一、本年新收 one too high in the natural-person and total columns",
      },
      edits: [
        { pointer: "/applications/newlyReceived/naturalPerson", value: 26 },
        { pointer: "/applications/newlyReceived/total", value: 31 },
      ],
    },
  ],
  evaluator: { kind: "identity", identities: (context) => identitiesOf("T3-BALANCE", context.document.edition!) },
};
