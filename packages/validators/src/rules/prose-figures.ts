/** Rule PROSE-FIGURES: its metadata, messages, docs example and evaluator. */
import { CellStatus } from "../cell-values.js";
import type { Finding, RuleContext } from "../context.js";
import { findFigures, proseTexts } from "../prose.js";
import { blocked, BOTH, type CatalogEntry, cellOf, integerYear, metaField, pass, SECTION_ENGLISH, SECTION_HEADING } from "./define.js";

function checkProseFigures(context: RuleContext): Finding[] {
  const values = context.document.values;
  const texts = proseTexts(context.document.input, "overview");
  if (!texts) return [blocked("/overview")];
  const figures = findFigures(texts, { year: integerYear(metaField(context, "year")) });
  if (figures.length === 0) return [];
  return figures.map((figure): Finding => {
    const indexes = figure.target.pointers.map((pointer) => values?.table.index.get(pointer));
    if (!values || indexes.some((index) => index === undefined)) return blocked(figure.pointer, ...figure.target.pointers);
    const blocking = indexes
      .filter((index) => values.status[index!] !== CellStatus.Ok)
      .map((index) => values.table.cells[index!]!.pointer);
    if (blocking.length > 0) return blocked(...blocking);
    const expected = indexes.reduce((sum: number, index) => sum + values.values[index!]!, 0);
    const cells = indexes.map((index) => cellOf(values, index!));
    if (expected === figure.value) return pass();
    const section = figure.pointer.split("/")[1]!;
    return {
      outcome: "fail",
      params: { section: SECTION_HEADING[section] ?? section, phrase: figure.phrase, quantity: figure.target.zh },
      paramsEn: { section: SECTION_ENGLISH[section] ?? section, phrase: figure.phrase, quantity: figure.target.en },
      pointers: [figure.pointer, ...figure.target.pointers],
      cells,
      stated: figure.value,
      statedBy: [figure.pointer],
      expected,
      difference: figure.value - expected,
    };
  });
}

export const rule: CatalogEntry = {
  id: "PROSE-FIGURES",
  name: "ProseFiguresMatchTables",
  title: { zh: "总体情况中的数字与表格一致", en: "Figures in the overview match the tables" },
  message: {
    zh: "“{section}”写有“{phrase}”，而表中{quantity}为 {expected}，相差 {difference}。",
    en: "The {section} says “{phrase}” but the table's {quantity} is {expected} (difference {difference}).",
  },
  severity: { publish: "warning", audit: "warning" },
  editions: BOTH,
  basis: "prose",
  reference: {
    zh: "正文与表格应一致（本年新收、上年结转、予以公开、办结、结转下年度、行政复议、行政诉讼件数）",
    en: "Prose and tables must agree (received, carried over, disclosed, handled, carried forward, reconsiderations, lawsuits)",
  },
  rationale: {
    zh: "总体情况常复述表三、表四的数字（“本年新收政府信息公开申请 N 件”“上年结转 N 件”“结转下年度继续办理 N 件”“政府信息公开行政复议 N 件”），阿拉伯数字和汉字数字（二十一）都会识别。只比对措辞明确、说的是本年度全部申请的短语，拿不准时不比对：“其中”之后的收到、受理、办结、答复、上年结转件数是部分（按渠道、单位、申请人细分）；带渠道（通过互联网、信函、当面……）或限定语（逾期、超期、依法、按时……答复）的件数也是部分；说的是其他年度的（上年、去年、同比、较上年，或报告年度以外的“2023 年”）不比对。文字与表格不符时至少有一处有误，因此作为警告。",
    en: "The overview often repeats figures of tables 3 and 4 ('本年新收政府信息公开申请 N 件', '上年结转 N 件', '结转下年度继续办理 N 件', '政府信息公开行政复议 N 件'), in Arabic or Chinese numerals (二十一). Only unambiguous phrases about all of the year's applications are compared, and nothing when in doubt: figures of applications received, handled, answered or carried over after 其中 ('of which') are parts (by channel, office or applicant); so are figures with a channel (通过互联网, 信函, 当面 …) or a qualifier (逾期, 超期, 依法, 按时 … 答复); figures about another year (上年, 去年, 同比, 较上年, or a year other than the report's) are not compared. A mismatch means one of the two is wrong, hence a warning.",
  },
  pinpoints: false,
  crossYear: false,
  examples: [
    {
      editions: BOTH,
      description: {
        zh: "正文用汉字写“二十八件”，表中新收 30 件",
        en: "the prose says 二十八 (28) applications, the table 30",
      },
      edits: [{ pointer: "/overview/paragraphs/0", value: "本年新收政府信息公开申请二十八件。" }],
    },
  ],
  evaluator: { kind: "check", check: checkProseFigures },
};
