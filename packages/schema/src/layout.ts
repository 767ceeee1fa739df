/**
 * The official table layout of the 政府信息公开工作年度报告, as data.
 *
 * This module is the single source of every official label, row, column and merged cell of both editions.
 * The zod schemas, the renderer's tables, the importer's label matching, diagnostic messages and the docs
 * all derive from it.
 */

/** A format edition: `2021` = 国办公开办函〔2021〕30号; `2019` = 国办公开办函〔2019〕60号（试行）. */
export type Edition = "2021" | "2019";

/** Every edition, newest first. */
export const EDITIONS = ["2021", "2019"] as const satisfies readonly Edition[];

/** What a numeric cell holds. */
export type CellKind =
  /** A non-negative integer count. */
  | "count"
  /** A signed integer (2019's 本年增/减). */
  | "signedCount"
  /** A non-negative decimal amount (fees in 万元, procurement amounts). */
  | "amount";

/** The key of a report section, in the official order 一 … 六. */
export type SectionKey =
  | "overview"
  | "proactiveDisclosure"
  | "applications"
  | "reviewAndLitigation"
  | "problemsAndImprovements"
  | "otherMatters";

/** One of the six official sections. */
export interface SectionLayout {
  /** JSON property of the section in a report. */
  readonly key: SectionKey;
  /** Chinese ordinal: 一 … 六. */
  readonly number: string;
  /** Official heading, e.g. `一、总体情况`. */
  readonly heading: string;
  /** Heading without its ordinal, e.g. `总体情况`. */
  readonly title: string;
  /** English name for developers. */
  readonly english: string;
  /** `prose` sections are text; `table` sections hold one of the official tables. */
  readonly kind: "prose" | "table";
  /** Table key for table sections: `table2`, `table3` or `table4`. */
  readonly table?: TableKey;
  /**
   * Heading wordings seen in published reports instead of the official `title` (without the ordinal), e.g.
   * `存在主要问题及改进情况`. The importer accepts them (and reports that the heading differs); the renderer always
   * prints `heading`.
   */
  readonly headingVariants?: readonly string[];
}

/** The official tables: 表二 (主动公开), 表三 (依申请公开), 表四 (复议诉讼). */
export type TableKey = "table2" | "table3" | "table4";

/** Short Chinese names of the tables, as used in diagnostics (`表三 / 自然人 / …`). */
export const TABLE_NAMES: Readonly<Record<TableKey, string>> = {
  table2: "表二",
  table3: "表三",
  table4: "表四",
};

/** Chinese ordinal of the section that holds each table. */
export const TABLE_ORDINALS: Readonly<Record<TableKey, "二" | "三" | "四">> = {
  table2: "二",
  table3: "三",
  table4: "四",
};

const SECTIONS: readonly SectionLayout[] = [
  { key: "overview", number: "一", heading: "一、总体情况", title: "总体情况", english: "Overview", kind: "prose" },
  {
    key: "proactiveDisclosure",
    number: "二",
    heading: "二、主动公开政府信息情况",
    title: "主动公开政府信息情况",
    english: "Proactive disclosure",
    kind: "table",
    table: "table2",
  },
  {
    key: "applications",
    number: "三",
    heading: "三、收到和处理政府信息公开申请情况",
    title: "收到和处理政府信息公开申请情况",
    english: "Applications received and handled",
    kind: "table",
    table: "table3",
  },
  {
    key: "reviewAndLitigation",
    number: "四",
    heading: "四、政府信息公开行政复议、行政诉讼情况",
    title: "政府信息公开行政复议、行政诉讼情况",
    english: "Administrative reconsideration and litigation",
    kind: "table",
    table: "table4",
    headingVariants: ["因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政法复议、行政诉讼情况"],
  },
  {
    key: "problemsAndImprovements",
    number: "五",
    heading: "五、存在的主要问题及改进情况",
    title: "存在的主要问题及改进情况",
    english: "Main problems and improvements",
    kind: "prose",
    headingVariants: ["存在主要问题及改进情况", "存在的主要问题及整改措施", "存在的主要问题及整改情况", "存在的问题及改进措施"],
  },
  {
    key: "otherMatters",
    number: "六",
    heading: "六、其他需要报告的事项",
    title: "其他需要报告的事项",
    english: "Other matters to report",
    kind: "prose",
  },
];

// ---------------------------------------------------------------------------------------------------------
// 表二 主动公开政府信息情况

/** A column of one block of 表二. */
export interface Table2ColumnLayout {
  /** JSON property of the cell inside its row object. */
  readonly key: string;
  /** Official column label, e.g. `本年制发件数`. */
  readonly label: string;
  /** What the cell holds. */
  readonly kind: CellKind;
  /** English name for developers. */
  readonly english: string;
}

/** A row of one block of 表二. */
export interface Table2RowLayout {
  /** JSON property of the row inside `proactiveDisclosure`. */
  readonly key: string;
  /** Official row label (信息内容), e.g. `行政规范性文件`. */
  readonly label: string;
  /** English name for developers. */
  readonly english: string;
  /**
   * Other wordings of the row label seen in published reports, e.g. `规范性文件` (the 2019 wording) in a 2021
   * report. The importer accepts them; everything else prints `label`.
   */
  readonly variants?: readonly string[];
}

/** One captioned block of 表二, e.g. 第二十条第（一）项. */
export interface Table2BlockLayout {
  /** Stable key of the block. */
  readonly key: string;
  /** Official caption, e.g. `第二十条第（一）项`. */
  readonly caption: string;
  /** Label of the row-label column: always `信息内容`. */
  readonly rowHeader: string;
  readonly columns: readonly Table2ColumnLayout[];
  readonly rows: readonly Table2RowLayout[];
}

/** Layout of 表二 for one edition. */
export interface Table2Layout {
  readonly key: "table2";
  readonly name: string;
  readonly blocks: readonly Table2BlockLayout[];
}

const ROW_HEADER_2 = "信息内容";

// Rows and captions the two editions share.
const RULES_ROW = { key: "rules", label: "规章", english: "Rules (规章)" } as const;
const LICENSING_ROW = { key: "licensing", label: "行政许可", english: "Administrative licensing" } as const;
const PENALTIES_ROW = { key: "penalties", label: "行政处罚", english: "Administrative penalties" } as const;
const COERCION_ROW = { key: "coercion", label: "行政强制", english: "Administrative coercive measures" } as const;
const FEES_ROW = { key: "fees", label: "行政事业性收费", english: "Administrative fees" } as const;
const ITEM = {
  1: { key: "article20Item1", caption: "第二十条第（一）项", rowHeader: ROW_HEADER_2 },
  5: { key: "article20Item5", caption: "第二十条第（五）项", rowHeader: ROW_HEADER_2 },
  6: { key: "article20Item6", caption: "第二十条第（六）项", rowHeader: ROW_HEADER_2 },
  8: { key: "article20Item8", caption: "第二十条第（八）项", rowHeader: ROW_HEADER_2 },
  9: { key: "article20Item9", caption: "第二十条第（九）项", rowHeader: ROW_HEADER_2 },
} as const;

const TABLE2_2021: Table2Layout = {
  key: "table2",
  name: TABLE_NAMES.table2,
  blocks: [
    {
      ...ITEM[1],
      columns: [
        { key: "issued", label: "本年制发件数", kind: "count", english: "Issued this year" },
        { key: "repealed", label: "本年废止件数", kind: "count", english: "Repealed this year" },
        { key: "inForce", label: "现行有效件数", kind: "count", english: "Currently in force" },
      ],
      rows: [
        RULES_ROW,
        {
          key: "normativeDocuments",
          label: "行政规范性文件",
          english: "Administrative normative documents",
          variants: ["规范性文件"],
        },
      ],
    },
    {
      ...ITEM[5],
      columns: [{ key: "decisions", label: "本年处理决定数量", kind: "count", english: "Decisions this year" }],
      rows: [LICENSING_ROW],
    },
    {
      ...ITEM[6],
      columns: [{ key: "decisions", label: "本年处理决定数量", kind: "count", english: "Decisions this year" }],
      rows: [
        PENALTIES_ROW,
        COERCION_ROW,
      ],
    },
    {
      ...ITEM[8],
      columns: [
        { key: "amount", label: "本年收费金额（单位：万元）", kind: "amount", english: "Fees collected this year (10,000 yuan)" },
      ],
      rows: [FEES_ROW],
    },
  ],
};

const PREVIOUS_ITEMS = { key: "previousItems", label: "上一年项目数量", kind: "count", english: "Items last year" } as const;
const CHANGE = { key: "change", label: "本年增/减", kind: "signedCount", english: "Change this year (signed)" } as const;
const DECISIONS_2019 = { key: "decisions", label: "处理决定数量", kind: "count", english: "Decisions" } as const;

const TABLE2_2019: Table2Layout = {
  key: "table2",
  name: TABLE_NAMES.table2,
  blocks: [
    {
      ...ITEM[1],
      columns: [
        { key: "produced", label: "本年新制作数量", kind: "count", english: "Newly made this year" },
        { key: "published", label: "本年新公开数量", kind: "count", english: "Newly disclosed this year" },
        { key: "totalPublished", label: "对外公开总数量", kind: "count", english: "Total disclosed" },
      ],
      rows: [
        RULES_ROW,
        { key: "normativeDocuments", label: "规范性文件", english: "Normative documents" },
      ],
    },
    {
      ...ITEM[5],
      columns: [PREVIOUS_ITEMS, CHANGE, DECISIONS_2019],
      rows: [
        LICENSING_ROW,
        { key: "otherServices", label: "其他对外管理服务事项", english: "Other external management services" },
      ],
    },
    {
      ...ITEM[6],
      columns: [PREVIOUS_ITEMS, CHANGE, DECISIONS_2019],
      rows: [
        PENALTIES_ROW,
        COERCION_ROW,
      ],
    },
    {
      ...ITEM[8],
      columns: [PREVIOUS_ITEMS, CHANGE],
      rows: [FEES_ROW],
    },
    {
      ...ITEM[9],
      columns: [
        { key: "projects", label: "采购项目数量", kind: "count", english: "Procurement projects" },
        { key: "amount", label: "采购总金额", kind: "amount", english: "Total procurement amount (unit not set by the format)" },
      ],
      rows: [{ key: "procurement", label: "政府集中采购", english: "Centralised government procurement" }],
    },
  ],
};

// ---------------------------------------------------------------------------------------------------------
// 表三 收到和处理政府信息公开申请情况

/** A column (applicant type) of 表三. */
export interface Table3ColumnLayout {
  /** JSON property of the cell inside each row object. */
  readonly key: Table3ColumnKey;
  /** Official label, e.g. `自然人`. */
  readonly label: string;
  /** Official group label (`法人或其他组织`) or null. */
  readonly group: string | null;
  /** English name for developers. */
  readonly english: string;
}

/** Keys of the seven columns of 表三, in official order. */
export type Table3ColumnKey =
  | "naturalPerson"
  | "commercialEnterprise"
  | "researchInstitution"
  | "publicInterestOrganization"
  | "legalServiceAgency"
  | "otherOrganization"
  | "total";

/** A data row of 表三. */
export interface Table3RowLayout {
  /** JSON property of the row inside `applications`. */
  readonly key: string;
  /** Official label, e.g. `1.属于国家秘密`. */
  readonly label: string;
  /** Labels of the enclosing group cells, outermost first (e.g. `三、本年度办理结果`, `（三）不予公开`). */
  readonly groups: readonly string[];
  /** Nesting depth: 0 for top-level rows, 1 inside 三, 2 inside （三）…（六）. */
  readonly depth: number;
  /** English name for developers. */
  readonly english: string;
  /**
   * The role the row plays in the official arithmetic:
   * `received` (一), `carriedOver` (二), `outcome` (a detail of 三), `outcomeTotal` (（七）总计), `carriedForward` (四).
   */
  readonly role: "received" | "carriedOver" | "outcome" | "outcomeTotal" | "carriedForward";
}

/** A merged group cell of 表三's row header, e.g. `（三）不予公开` spanning 8 rows. */
export interface Table3RowGroupLayout {
  /** Official label. */
  readonly label: string;
  /** Depth of the group cell: 0 for 三、本年度办理结果, 1 for （三）…（六）. */
  readonly depth: number;
  /** Key of the first row it spans. */
  readonly firstRow: string;
  /** Number of data rows it spans. */
  readonly rowSpan: number;
}

/** Layout of 表三 for one edition. */
export interface Table3Layout {
  readonly key: "table3";
  readonly name: string;
  /** Header over the applicant columns: `申请人情况`. */
  readonly header: string;
  /** The official note in the top-left header cell. */
  readonly note: string;
  readonly columns: readonly Table3ColumnLayout[];
  readonly rows: readonly Table3RowLayout[];
  readonly rowGroups: readonly Table3RowGroupLayout[];
  /** Header cell over the five organisation columns. */
  readonly columnGroup: { readonly label: string; readonly firstColumn: Table3ColumnKey; readonly columnSpan: number };
}

const TABLE3_COLUMNS: readonly Table3ColumnLayout[] = [
  { key: "naturalPerson", label: "自然人", group: null, english: "Natural persons" },
  { key: "commercialEnterprise", label: "商业企业", group: "法人或其他组织", english: "Commercial enterprises" },
  { key: "researchInstitution", label: "科研机构", group: "法人或其他组织", english: "Research institutions" },
  { key: "publicInterestOrganization", label: "社会公益组织", group: "法人或其他组织", english: "Public-interest organisations" },
  { key: "legalServiceAgency", label: "法律服务机构", group: "法人或其他组织", english: "Legal service agencies" },
  { key: "otherOrganization", label: "其他", group: "法人或其他组织", english: "Other organisations" },
  { key: "total", label: "总计", group: null, english: "Total" },
];

const RESULTS = "三、本年度办理结果";
const WITHHELD = "（三）不予公开";
const UNABLE = "（四）无法提供";
const NOT_PROCESSED = "（五）不予处理";
const OTHER_HANDLING = "（六）其他处理";

type RowSpec = Omit<Table3RowLayout, "depth">;

function rows3(specs: readonly RowSpec[]): Table3RowLayout[] {
  return specs.map((spec) => ({ ...spec, depth: spec.groups.length }));
}

const HEAD_ROWS: readonly RowSpec[] = [
  { key: "newlyReceived", label: "一、本年新收政府信息公开申请数量", groups: [], english: "New applications received this year", role: "received" },
  { key: "carriedOver", label: "二、上年结转政府信息公开申请数量", groups: [], english: "Carried over from last year", role: "carriedOver" },
  { key: "disclosed", label: "（一）予以公开", groups: [RESULTS], english: "Disclosed", role: "outcome" },
  {
    key: "partiallyDisclosed",
    label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    groups: [RESULTS],
    english: "Partially disclosed",
    role: "outcome",
  },
  { key: "withheldStateSecret", label: "1.属于国家秘密", groups: [RESULTS, WITHHELD], english: "Withheld: state secret", role: "outcome" },
  {
    key: "withheldProhibitedByLaw",
    label: "2.其他法律行政法规禁止公开",
    groups: [RESULTS, WITHHELD],
    english: "Withheld: prohibited by other laws or regulations",
    role: "outcome",
  },
  {
    key: "withheldEndangersSecurity",
    label: "3.危及“三安全一稳定”",
    groups: [RESULTS, WITHHELD],
    english: "Withheld: endangers the three securities and one stability",
    role: "outcome",
  },
  {
    key: "withheldThirdPartyRights",
    label: "4.保护第三方合法权益",
    groups: [RESULTS, WITHHELD],
    english: "Withheld: protects third-party rights",
    role: "outcome",
  },
  {
    key: "withheldInternalAffairs",
    label: "5.属于三类内部事务信息",
    groups: [RESULTS, WITHHELD],
    english: "Withheld: internal affairs information",
    role: "outcome",
  },
  {
    key: "withheldProcessInformation",
    label: "6.属于四类过程性信息",
    groups: [RESULTS, WITHHELD],
    english: "Withheld: process information",
    role: "outcome",
  },
  {
    key: "withheldEnforcementFiles",
    label: "7.属于行政执法案卷",
    groups: [RESULTS, WITHHELD],
    english: "Withheld: administrative enforcement files",
    role: "outcome",
  },
  {
    key: "withheldQueryMatters",
    label: "8.属于行政查询事项",
    groups: [RESULTS, WITHHELD],
    english: "Withheld: administrative query matters",
    role: "outcome",
  },
  {
    key: "unableNotHeld",
    label: "1.本机关不掌握相关政府信息",
    groups: [RESULTS, UNABLE],
    english: "Unable: information not held",
    role: "outcome",
  },
  {
    key: "unableNeedsCreation",
    label: "2.没有现成信息需要另行制作",
    groups: [RESULTS, UNABLE],
    english: "Unable: would need to be newly made",
    role: "outcome",
  },
  {
    key: "unableStillUnclear",
    label: "3.补正后申请内容仍不明确",
    groups: [RESULTS, UNABLE],
    english: "Unable: still unclear after correction",
    role: "outcome",
  },
  {
    key: "notProcessedComplaint",
    label: "1.信访举报投诉类申请",
    groups: [RESULTS, NOT_PROCESSED],
    english: "Not processed: petition, report or complaint",
    role: "outcome",
  },
  { key: "notProcessedDuplicate", label: "2.重复申请", groups: [RESULTS, NOT_PROCESSED], english: "Not processed: duplicate", role: "outcome" },
  {
    key: "notProcessedPublication",
    label: "3.要求提供公开出版物",
    groups: [RESULTS, NOT_PROCESSED],
    english: "Not processed: asks for a publication",
    role: "outcome",
  },
  {
    key: "notProcessedExcessive",
    label: "4.无正当理由大量反复申请",
    groups: [RESULTS, NOT_PROCESSED],
    english: "Not processed: excessive repeated applications",
    role: "outcome",
  },
  {
    key: "notProcessedConfirmation",
    label: "5.要求行政机关确认或重新出具已获取信息",
    groups: [RESULTS, NOT_PROCESSED],
    english: "Not processed: asks to confirm or reissue information already obtained",
    role: "outcome",
  },
];

const TAIL_ROWS: readonly RowSpec[] = [
  { key: "total", label: "（七）总计", groups: [RESULTS], english: "Total handled", role: "outcomeTotal" },
  { key: "carriedForward", label: "四、结转下年度继续办理", groups: [], english: "Carried forward to next year", role: "carriedForward" },
];

const OTHER_ROWS_2021: readonly RowSpec[] = [
  {
    key: "otherNoCorrection",
    label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    groups: [RESULTS, OTHER_HANDLING],
    english: "Other: applicant did not correct in time",
    role: "outcome",
  },
  {
    key: "otherFeeUnpaid",
    label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    groups: [RESULTS, OTHER_HANDLING],
    english: "Other: applicant did not pay the fee in time",
    role: "outcome",
  },
  { key: "otherOther", label: "3.其他", groups: [RESULTS, OTHER_HANDLING], english: "Other: other", role: "outcome" },
];

const OTHER_ROWS_2019: readonly RowSpec[] = [
  { key: "otherHandling", label: OTHER_HANDLING, groups: [RESULTS], english: "Other handling", role: "outcome" },
];

function rowGroups(rows: readonly Table3RowLayout[]): Table3RowGroupLayout[] {
  const groups: Table3RowGroupLayout[] = [];
  const seen = new Map<string, Table3RowGroupLayout & { rowSpan: number }>();
  for (const row of rows) {
    row.groups.forEach((label, depth) => {
      const id = `${depth}:${label}`;
      const existing = seen.get(id);
      if (existing) existing.rowSpan += 1;
      else {
        const group = { label, depth, firstRow: row.key, rowSpan: 1 };
        seen.set(id, group);
        groups.push(group);
      }
    });
  }
  return groups;
}

function table3(otherRows: readonly RowSpec[]): Table3Layout {
  const rows = rows3([...HEAD_ROWS, ...otherRows, ...TAIL_ROWS]);
  return {
    key: "table3",
    name: TABLE_NAMES.table3,
    header: "申请人情况",
    note: "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
    columns: TABLE3_COLUMNS,
    rows,
    rowGroups: rowGroups(rows),
    columnGroup: { label: "法人或其他组织", firstColumn: "commercialEnterprise", columnSpan: 5 },
  };
}

// ---------------------------------------------------------------------------------------------------------
// 表四 政府信息公开行政复议、行政诉讼情况

/** Keys of the five columns inside each group of 表四. */
export type Table4ColumnKey = "upheld" | "corrected" | "other" | "pending" | "total";

/** Keys of the three groups of 表四. */
export type Table4GroupKey = "reconsideration" | "litigationDirect" | "litigationAfterReconsideration";

/** A column of 表四 (repeated in each group). */
export interface Table4ColumnLayout {
  readonly key: Table4ColumnKey;
  /** Official label, e.g. `结果维持`. */
  readonly label: string;
  readonly english: string;
}

/** A group of five columns in 表四. */
export interface Table4GroupLayout {
  /** JSON property of the group inside `reviewAndLitigation`. */
  readonly key: Table4GroupKey;
  /** Official label, e.g. `未经复议直接起诉`. */
  readonly label: string;
  /** Label of the enclosing header cell (`行政诉讼`) or null. */
  readonly parent: string | null;
  readonly english: string;
}

/** Layout of 表四 (identical in both editions). */
export interface Table4Layout {
  readonly key: "table4";
  readonly name: string;
  readonly groups: readonly Table4GroupLayout[];
  readonly columns: readonly Table4ColumnLayout[];
}

const TABLE4: Table4Layout = {
  key: "table4",
  name: TABLE_NAMES.table4,
  groups: [
    { key: "reconsideration", label: "行政复议", parent: null, english: "Administrative reconsideration" },
    { key: "litigationDirect", label: "未经复议直接起诉", parent: "行政诉讼", english: "Litigation without prior reconsideration" },
    {
      key: "litigationAfterReconsideration",
      label: "复议后起诉",
      parent: "行政诉讼",
      english: "Litigation after reconsideration",
    },
  ],
  columns: [
    { key: "upheld", label: "结果维持", english: "Upheld" },
    { key: "corrected", label: "结果纠正", english: "Corrected" },
    { key: "other", label: "其他结果", english: "Other outcome" },
    { key: "pending", label: "尚未审结", english: "Pending" },
    { key: "total", label: "总计", english: "Total" },
  ],
};

// ---------------------------------------------------------------------------------------------------------

/** The complete layout of one edition. */
export interface EditionLayout {
  readonly edition: Edition;
  /** The notice that set the edition, e.g. `国办公开办函〔2021〕30号`. */
  readonly basis: string;
  /** Official title of the notice's attachment. */
  readonly basisTitle: string;
  /** Report years the edition is used for (inclusive); `last` is null while current. */
  readonly years: { readonly first: number; readonly last: number | null };
  readonly sections: readonly SectionLayout[];
  readonly table2: Table2Layout;
  readonly table3: Table3Layout;
  readonly table4: Table4Layout;
}

/** The layout of every edition, keyed by edition. */
export const LAYOUTS: Readonly<Record<Edition, EditionLayout>> = {
  "2021": {
    edition: "2021",
    basis: "国办公开办函〔2021〕30号",
    basisTitle: "中华人民共和国政府信息公开工作年度报告格式",
    years: { first: 2021, last: null },
    sections: SECTIONS,
    table2: TABLE2_2021,
    table3: table3(OTHER_ROWS_2021),
    table4: TABLE4,
  },
  "2019": {
    edition: "2019",
    basis: "国办公开办函〔2019〕60号",
    basisTitle: "中华人民共和国政府信息公开工作年度报告格式（试行）",
    years: { first: 2019, last: 2020 },
    sections: SECTIONS,
    table2: TABLE2_2019,
    table3: table3(OTHER_ROWS_2019),
    table4: TABLE4,
  },
};

/** The layout of one edition. */
export function layoutOf(edition: Edition): EditionLayout {
  return LAYOUTS[edition];
}

/** The edition the format prescribes for a report year, or null for years before 2019 (free layout, out of scope). */
export function editionForYear(year: number): Edition | null {
  if (year >= 2021) return "2021";
  if (year >= 2019) return "2019";
  return null;
}

/** The six sections in official order (identical in both editions). */
export const SECTION_LAYOUTS: readonly SectionLayout[] = SECTIONS;
