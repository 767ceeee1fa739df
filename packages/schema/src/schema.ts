/**
 * The report format as zod schemas, built from the layout data in `layout.ts` so that labels are written once.
 */
import { z } from "zod";
import {
  LAYOUTS,
  SECTION_LAYOUTS,
  type CellKind,
  type Edition,
  type EditionLayout,
  type Table2BlockLayout,
} from "./layout.js";
import {
  BODY_LEVELS,
  CREDIT_CODE_PATTERN,
  REGION_CODE_PATTERN,
  META_FIELD_LABELS,
  META_GROUP_LABEL,
  REPORT_YEAR_RANGE,
  type BodyLevel,
} from "./constraints.js";

// ---------------------------------------------------------------------------------------------------------
// Cells

/** A count cell: a non-negative integer, or null for a cell left blank in the published report. */
export const CountCell = z
  .int()
  .min(0)
  .nullable()
  .meta({ title: "件数", description: "非负整数；null 表示公开文本中该单元格为空白（空白不等于 0）。" });

/** A signed count cell (2019's 本年增/减): an integer, or null when blank. */
export const SignedCountCell = z
  .int()
  .nullable()
  .meta({ title: "增减数", description: "整数，减少用负值表示（如 -8）；null 表示空白。" });

/** An amount cell: a non-negative decimal, or null when blank. */
export const AmountCell = z
  .number()
  .min(0)
  .nullable()
  .meta({ title: "金额", description: "非负数，可有小数；null 表示空白。" });

const CELL_SCHEMAS: Record<CellKind, typeof CountCell | typeof SignedCountCell | typeof AmountCell> = {
  count: CountCell,
  signedCount: SignedCountCell,
  amount: AmountCell,
};

// ---------------------------------------------------------------------------------------------------------
// Prose

/** A titled part of a prose section, e.g. `（一）主动公开情况`. */
export const ProsePart = z
  .strictObject({
    title: z.string().meta({ title: "小标题", description: "小标题，如“（一）主动公开情况”。" }),
    paragraphs: z.array(z.string()).meta({ title: "段落", description: "该部分的段落，每项一段。" }),
  })
  .meta({ title: "分节", description: "文字部分中带小标题的一节。" });

/** A prose section: free paragraphs, then optional titled parts. */
export const ProseSection = z
  .strictObject({
    paragraphs: z
      .array(z.string())
      .meta({ title: "段落", description: "小标题之前的段落（或不分节时的全部段落），每项一段。" }),
    parts: z.array(ProsePart).optional().meta({ title: "分节", description: "带小标题的各节，按原文顺序。" }),
  })
  .meta({ title: "文字部分", description: "文字部分：段落和可选的带小标题分节。" });

// ---------------------------------------------------------------------------------------------------------
// Metadata

const levelKeys = Object.keys(BODY_LEVELS) as [BodyLevel, ...BodyLevel[]];

/** Report metadata. */
export const ReportMeta = z
  .strictObject({
    body: z
      .string()
      .min(1)
      .meta({ title: META_FIELD_LABELS.body, description: "发布报告的行政机关全称，如“石嘴山市商务局”。" }),
    year: z
      .int()
      .min(REPORT_YEAR_RANGE.min)
      .max(REPORT_YEAR_RANGE.max)
      .meta({ title: META_FIELD_LABELS.year, description: "报告所述年度（公历年），如 2023。2019 年以前的报告格式不在本规范范围内。" }),
    title: z
      .string()
      .min(1)
      .optional()
      .meta({ title: META_FIELD_LABELS.title, description: "报告标题，如“石嘴山市商务局2023年政府信息公开工作年度报告”。" }),
    publishedOn: z
      .iso.date()
      .optional()
      .meta({ title: META_FIELD_LABELS.publishedOn, description: "发布日期，ISO 8601 格式（YYYY-MM-DD）。" }),
    regionCode: z
      .string()
      .regex(REGION_CODE_PATTERN)
      .optional()
      .meta({ title: META_FIELD_LABELS.regionCode, description: "发布机关所在地的 6 位行政区划代码（GB/T 2260），如 640200。" }),
    creditCode: z
      .string()
      .regex(CREDIT_CODE_PATTERN)
      .optional()
      .meta({
        title: META_FIELD_LABELS.creditCode,
        description: "发布机关的 18 位统一社会信用代码（GB 32100-2015），校验位由校验规则检查。",
      }),
    level: z
      .enum(levelKeys)
      .optional()
      .meta({
        title: META_FIELD_LABELS.level,
        description: `发布机关的层级：${Object.entries(BODY_LEVELS)
          .map(([key, label]) => `${key} = ${label}`)
          .join("；")}。`,
      }),
    source: z
      .string()
      .optional()
      .meta({ title: META_FIELD_LABELS.source, description: "报告原文的来源（网址或文件名），导入时记录。" }),
  })
  .meta({ title: META_GROUP_LABEL, description: "发布机关、年度等报告元数据。" });

// ---------------------------------------------------------------------------------------------------------
// Import record

/** The source formats an importer reads. */
export const IMPORT_SOURCE_FORMATS = ["text", "markdown", "html", "pdf", "docx"] as const;

/**
 * How a report was imported from a published document (written by `@xxgk/importer`, read by the validators and
 * the renderer). A cell listed in `unreadable` or `absent` is `null` in the tables like a blank cell, but it was
 * not published blank: it was there and could not be read, or was not found. Checkers must say so instead of
 * "blank"; `inferred` cells hold a value the importer deduced (glued digits split by the table's arithmetic).
 */
export const ImportRecord = z
  .strictObject({
    tool: z.string().min(1).meta({ title: "导入工具", description: "导入工具的名称，如“@xxgk/importer”。" }),
    version: z.string().min(1).meta({ title: "版本", description: "导入工具的版本。" }),
    source: z
      .strictObject({
        fileName: z.string().optional().meta({ title: "文件名", description: "原文件名。" }),
        format: z.enum(IMPORT_SOURCE_FORMATS).meta({ title: "格式", description: "原文件格式：text、markdown、html、pdf 或 docx。" }),
      })
      .optional()
      .meta({ title: "来源", description: "导入的原文件。" }),
    unreadable: z
      .array(z.string())
      .meta({ title: "无法辨认的单元格", description: "原文中有但导入时无法辨认的单元格（JSON Pointer）；其值为 null，但不是空白。" }),
    inferred: z
      .array(z.string())
      .meta({ title: "推断的单元格", description: "导入时推断出的单元格（JSON Pointer），如按勾稽关系拆分粘连的数字。" }),
    absent: z
      .array(z.string())
      .optional()
      .meta({ title: "未找到的单元格", description: "原文中未找到的单元格（JSON Pointer）；其值为 null，但不是空白。" }),
    positions: z
      .record(z.string(), z.string())
      .optional()
      .meta({ title: "原文位置", description: "各单元格在原文中的位置（JSON Pointer → 位置说明，如“line 12, column 5”）。" }),
  })
  .meta({ title: "导入记录", description: "报告由已发布文档导入时的记录：哪些单元格无法辨认、未找到或经推断。" });

/** The import record of a report (see {@link ImportRecord}). */
export interface ImportRecordData {
  tool: string;
  version: string;
  source?: { fileName?: string | undefined; format: (typeof IMPORT_SOURCE_FORMATS)[number] } | undefined;
  unreadable: string[];
  inferred: string[];
  absent?: string[] | undefined;
  positions?: Record<string, string> | undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Tables, built from the layout

function table2Schema(layout: EditionLayout) {
  const shape: Record<string, z.ZodType> = {};
  for (const block of layout.table2.blocks) {
    for (const row of block.rows) shape[row.key] = table2Row(block, row.label);
  }
  return z.strictObject(shape).meta({
    title: SECTION_LAYOUTS[1]!.heading,
    description: `表二（${layout.basis}），按“信息内容”分行。`,
  });
}

function table2Row(block: Table2BlockLayout, rowLabel: string) {
  const shape: Record<string, z.ZodType> = {};
  for (const column of block.columns) {
    shape[column.key] = CELL_SCHEMAS[column.kind].meta({
      title: column.label,
      description: `表二 / ${block.caption} / ${rowLabel} / ${column.label}`,
    });
  }
  return z.strictObject(shape).meta({ title: rowLabel, description: `表二 / ${block.caption} / ${rowLabel}` });
}

function table3Schema(layout: EditionLayout) {
  const shape: Record<string, z.ZodType> = {};
  for (const row of layout.table3.rows) {
    const rowPath = [...row.groups, row.label].join(" / ");
    const cells: Record<string, z.ZodType> = {};
    for (const column of layout.table3.columns) {
      const columnPath = column.group ? `${column.group} / ${column.label}` : column.label;
      cells[column.key] = CountCell.meta({ title: column.label, description: `表三 / ${columnPath} / ${rowPath}` });
    }
    shape[row.key] = z.strictObject(cells).meta({ title: row.label, description: `表三 / ${rowPath}` });
  }
  return z.strictObject(shape).meta({
    title: SECTION_LAYOUTS[2]!.heading,
    description: `表三，按申请人类型分列。${layout.table3.note}`,
  });
}

function table4Schema(layout: EditionLayout) {
  const shape: Record<string, z.ZodType> = {};
  for (const group of layout.table4.groups) {
    const groupPath = group.parent ? `${group.parent} / ${group.label}` : group.label;
    const cells: Record<string, z.ZodType> = {};
    for (const column of layout.table4.columns) {
      cells[column.key] = CountCell.meta({ title: column.label, description: `表四 / ${groupPath} / ${column.label}` });
    }
    shape[group.key] = z.strictObject(cells).meta({ title: group.label, description: `表四 / ${groupPath}` });
  }
  return z.strictObject(shape).meta({
    title: SECTION_LAYOUTS[3]!.heading,
    description: "表四：行政复议、行政诉讼（未经复议直接起诉、复议后起诉）各五列。",
  });
}

function prose(heading: string, description: string) {
  return ProseSection.meta({ title: heading, description });
}

function reportSchema<E extends Edition>(edition: E) {
  const layout = LAYOUTS[edition];
  const heading = (index: number) => SECTION_LAYOUTS[index]!.heading;
  return z
    .strictObject({
      $schema: z
        .string()
        .optional()
        .meta({ title: "JSON Schema", description: "可选：本文件遵循的 JSON Schema 地址，供编辑器补全。" }),
      edition: z.literal(edition).meta({
        title: "格式版本",
        description: `格式版本：${edition} = ${layout.basis}《${layout.basisTitle}》。`,
      }),
      meta: ReportMeta,
      preamble: ProseSection.optional().meta({
        title: "引言",
        description: "可选：“一、总体情况”之前的引言段落（如“根据《中华人民共和国政府信息公开条例》……现发布本报告”）。",
      }),
      overview: prose(heading(0), "一、总体情况：通常分主动公开、依申请公开、政府信息管理、平台建设、监督保障等部分。"),
      proactiveDisclosure: table2Schema(layout),
      applications: table3Schema(layout),
      reviewAndLitigation: table4Schema(layout),
      problemsAndImprovements: prose(heading(4), "五、存在的主要问题及改进情况。"),
      otherMatters: prose(heading(5), "六、其他需要报告的事项，含信息处理费收取情况。"),
      import: ImportRecord.optional().meta({
        title: "导入记录",
        description: "可选：报告由已发布文档导入时由导入工具写入，记录无法辨认、未找到和推断的单元格。",
      }),
    })
    .meta({
      title: `政府信息公开工作年度报告（${edition} 版格式）`,
      description: `按${layout.basis}《${layout.basisTitle}》编制的政府信息公开工作年度报告。`,
    });
}

const report2021 = reportSchema("2021");
const report2019 = reportSchema("2019");

/** A report in edition 2021 (国办公开办函〔2021〕30号). */
export const Report2021Schema: z.ZodType<Report2021, Report2021> = report2021 as never;
/** A report in edition 2019 (国办公开办函〔2019〕60号（试行）). */
export const Report2019Schema: z.ZodType<Report2019, Report2019> = report2019 as never;

const reportUnion = z
  .discriminatedUnion("edition", [report2021, report2019])
  .meta({
    title: "政府信息公开工作年度报告",
    description: "政府信息公开工作年度报告（xxgk 格式）。edition 字段决定表格格式版本。",
  });

/**
 * Any report: a discriminated union on `edition`. The schema is built from the layout data; its static type
 * is the hand-written {@link Report}, and a type test proves the generated JSON Schema describes the same type.
 */
export const ReportSchema: z.ZodType<Report, Report> = reportUnion as never;

// ---------------------------------------------------------------------------------------------------------
// Types

/** The proactive-disclosure table (表二) of edition 2021. */
export interface ProactiveDisclosure2021 {
  rules: { issued: number | null; repealed: number | null; inForce: number | null };
  normativeDocuments: { issued: number | null; repealed: number | null; inForce: number | null };
  licensing: { decisions: number | null };
  penalties: { decisions: number | null };
  coercion: { decisions: number | null };
  fees: { amount: number | null };
}

/** The proactive-disclosure table (表二) of edition 2019. */
export interface ProactiveDisclosure2019 {
  rules: { produced: number | null; published: number | null; totalPublished: number | null };
  normativeDocuments: { produced: number | null; published: number | null; totalPublished: number | null };
  licensing: { previousItems: number | null; change: number | null; decisions: number | null };
  otherServices: { previousItems: number | null; change: number | null; decisions: number | null };
  penalties: { previousItems: number | null; change: number | null; decisions: number | null };
  coercion: { previousItems: number | null; change: number | null; decisions: number | null };
  fees: { previousItems: number | null; change: number | null };
  procurement: { projects: number | null; amount: number | null };
}

/** One row of 表三: seven applicant columns. */
export interface ApplicationRow {
  naturalPerson: number | null;
  commercialEnterprise: number | null;
  researchInstitution: number | null;
  publicInterestOrganization: number | null;
  legalServiceAgency: number | null;
  otherOrganization: number | null;
  total: number | null;
}

type CommonApplicationRowKey =
  | "newlyReceived"
  | "carriedOver"
  | "disclosed"
  | "partiallyDisclosed"
  | "withheldStateSecret"
  | "withheldProhibitedByLaw"
  | "withheldEndangersSecurity"
  | "withheldThirdPartyRights"
  | "withheldInternalAffairs"
  | "withheldProcessInformation"
  | "withheldEnforcementFiles"
  | "withheldQueryMatters"
  | "unableNotHeld"
  | "unableNeedsCreation"
  | "unableStillUnclear"
  | "notProcessedComplaint"
  | "notProcessedDuplicate"
  | "notProcessedPublication"
  | "notProcessedExcessive"
  | "notProcessedConfirmation"
  | "total"
  | "carriedForward";

/** Row keys of 表三 in edition 2021. */
export type ApplicationRowKey2021 = CommonApplicationRowKey | "otherNoCorrection" | "otherFeeUnpaid" | "otherOther";
/** Row keys of 表三 in edition 2019. */
export type ApplicationRowKey2019 = CommonApplicationRowKey | "otherHandling";

/** 表三 of edition 2021. */
export type Applications2021 = Record<ApplicationRowKey2021, ApplicationRow>;
/** 表三 of edition 2019. */
export type Applications2019 = Record<ApplicationRowKey2019, ApplicationRow>;

/** One group of 表四: five columns. */
export interface ReviewLitigationGroup {
  upheld: number | null;
  corrected: number | null;
  other: number | null;
  pending: number | null;
  total: number | null;
}

/** 表四 (identical in both editions). */
export interface ReviewAndLitigation {
  reconsideration: ReviewLitigationGroup;
  litigationDirect: ReviewLitigationGroup;
  litigationAfterReconsideration: ReviewLitigationGroup;
}

/** A titled part of a prose section. */
export interface ProsePartData {
  title: string;
  paragraphs: string[];
}

/** A prose section. */
export interface Prose {
  paragraphs: string[];
  parts?: ProsePartData[] | undefined;
}

/** Report metadata. */
export type ReportMetaData = z.infer<typeof ReportMeta>;

interface ReportBase {
  $schema?: string | undefined;
  meta: ReportMetaData;
  /** Paragraphs before 一、总体情况 (the customary introduction), when the report has them. */
  preamble?: Prose | undefined;
  overview: Prose;
  reviewAndLitigation: ReviewAndLitigation;
  problemsAndImprovements: Prose;
  otherMatters: Prose;
  /** How the report was imported from a published document, when it was. */
  import?: ImportRecordData | undefined;
}

/** A report in edition 2021. */
export interface Report2021 extends ReportBase {
  edition: "2021";
  proactiveDisclosure: ProactiveDisclosure2021;
  applications: Applications2021;
}

/** A report in edition 2019. */
export interface Report2019 extends ReportBase {
  edition: "2019";
  proactiveDisclosure: ProactiveDisclosure2019;
  applications: Applications2019;
}

/** A report in either edition. */
export type Report = Report2021 | Report2019;
