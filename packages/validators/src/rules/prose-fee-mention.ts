/** Rule PROSE-FEE-MENTION: its metadata, messages, docs example and evaluator. */
import type { Finding, RuleContext } from "../context.js";
import { joinTexts, proseTexts } from "../prose.js";
import { blocked, type CatalogEntry, integerYear, metaField, notApplicable, pass } from "./define.js";

/** The first report year the rule applies to: 国办函〔2020〕109号 took effect for 2021, with the 2021 format. */
const FIRST_YEAR = 2021;

function checkFeeMention(context: RuleContext): Finding[] {
  // Edition 2019 reports are left out by `editions`; an edition 2021 report for an earlier year is left out here.
  const year = integerYear(metaField(context, "year"));
  if (year !== undefined && year < FIRST_YEAR) {
    return [
      notApplicable(
        `信息处理费的报告要求自 ${FIRST_YEAR} 年度起适用，本报告为 ${year} 年度`,
        `fees are to be reported from report year ${FIRST_YEAR} on; this report is for ${year}`
      ),
    ];
  }
  const texts = proseTexts(context.document.input, "otherMatters");
  if (!texts) return [blocked("/otherMatters")];
  if (joinTexts(texts).includes("信息处理费")) return [pass()];
  return [{ outcome: "fail", params: {}, pointers: ["/otherMatters"], cells: [] }];
}

export const rule: CatalogEntry = {
  id: "PROSE-FEE-MENTION",
  name: "FeesReported",
  title: { zh: "“六”说明信息处理费收取情况", en: "Section 六 reports information processing fees" },
  message: {
    zh: "“六、其他需要报告的事项”未提及信息处理费：应说明本年度是否收取信息处理费（发出收费通知的件数和总金额）。",
    en: "Section 六 does not mention information processing fees (信息处理费): it should say whether any were charged (notices issued and amount).",
  },
  severity: { publish: "warning", audit: "warning" },
  // From edition 2021 and report year 2021 on only: 2019 and 2020 reports had no such requirement.
  editions: ["2021"],
  basis: "prose",
  reference: {
    zh: "国办函〔2020〕109号《政府信息公开信息处理费管理办法》；2021 版格式“六”的说明",
    en: "国办函〔2020〕109号 (information processing fees); the 2021 format's note on section 六",
  },
  rationale: {
    zh: "2021 版格式要求在“其他需要报告的事项”中报告信息处理费的收取情况，未收取也应写明。只写“未发生收费情况”而不提信息处理费，读者无法判断说的是哪种收费。2019、2020 年度的报告（2019 版格式）没有这项要求，本规则对它们“不适用”。",
    en: "The 2021 format asks section 六 to report information processing fees, including that none were charged. 'No fees were charged' without naming the fee leaves the reader guessing which fee is meant. Reports for 2019 and 2020 (edition 2019) had no such requirement: the rule is not applicable to them.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: ["2021"],
      description: { zh: "“六”只写“无”", en: "section 六 only says 'nothing'" },
      edits: [{ pointer: "/otherMatters", value: { paragraphs: ["无其他需要报告的事项。"] } }],
    },
  ],
  evaluator: { kind: "check", check: checkFeeMention },
};
