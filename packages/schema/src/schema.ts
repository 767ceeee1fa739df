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
  .meta({
    description:
      "非负整数；null 表示公开文本中该单元格为空白（空白不等于 0）。 — A non-negative integer; null when the cell is blank in the published report (blank is not zero).",
  });

/** A signed count cell (2019's 本年增/减): an integer, or null when blank. */
export const SignedCountCell = z
  .int()
  .nullable()
  .meta({ description: "整数，减少用负值表示（如 -8）；null 表示空白。 — An integer, negative for a decrease (e.g. -8); null when blank." });

/** An amount cell: a non-negative decimal, or null when blank. */
export const AmountCell = z
  .number()
  .min(0)
  .nullable()
  .meta({ description: "非负数，可有小数；null 表示空白。 — A non-negative number, decimals allowed; null when blank." });

const CELL_SCHEMAS: Record<CellKind, typeof CountCell | typeof SignedCountCell | typeof AmountCell> = {
  count: CountCell,
  signedCount: SignedCountCell,
  amount: AmountCell,
};

/** A description in both languages: the Chinese text, then the English after an em dash. */
function bilingual(zh: string, en: string): string {
  return `${zh} — ${en}`;
}

// Shapes that repeat carry an ASCII `id` and `title`: the JSON Schema generator puts them in `$defs` and refers to
// them with `$ref`, and code generators name their types after the title. A property that uses one is a bare
// `$ref`: several generators (json-schema-to-typescript among them) make a new type for a `$ref` with sibling
// keywords, which would bring back one class per 表三 row. The official label of each row and section is in the
// layout data (and in rules.json's cell list for other languages); the definitions carry the descriptions.

// ---------------------------------------------------------------------------------------------------------
// Prose

/** A titled part of a prose section, e.g. `（一）主动公开情况`. */
export const ProsePart = z
  .strictObject({
    title: z.string().meta({ description: bilingual("小标题，如“（一）主动公开情况”。", "The part's heading, e.g. （一）主动公开情况.") }),
    paragraphs: z
      .array(z.string())
      .meta({ description: bilingual("该部分的段落，每项一段。", "The part's paragraphs, one item per paragraph.") }),
  })
  .meta({
    id: "ProsePart",
    title: "ProsePart",
    description: bilingual("文字部分中带小标题的一节。", "A titled part of a prose section."),
  });

/** A prose section: free paragraphs, then optional titled parts. */
export const ProseSection = z
  .strictObject({
    paragraphs: z.array(z.string()).meta({
      description: bilingual(
        "小标题之前的段落（或不分节时的全部段落），每项一段。",
        "Paragraphs before the first titled part (or all paragraphs when there are no parts), one item per paragraph."
      ),
    }),
    parts: z
      .array(ProsePart)
      .optional()
      .meta({ description: bilingual("带小标题的各节，按原文顺序。", "Titled parts, in the order of the original.") }),
  })
  .meta({
    id: "ProseSection",
    title: "ProseSection",
    description: bilingual("文字部分：段落和可选的带小标题分节。", "A prose section: paragraphs and optional titled parts."),
  });

// ---------------------------------------------------------------------------------------------------------
// Metadata

const levelKeys = Object.keys(BODY_LEVELS) as [BodyLevel, ...BodyLevel[]];

/** Report metadata. */
export const ReportMeta = z
  .strictObject({
    body: z
      .string()
      .min(1)
      .meta({
        description: bilingual(
          `${META_FIELD_LABELS.body}：发布报告的行政机关全称，如“石嘴山市商务局”。`,
          "Publishing body: the full name of the administrative body, e.g. 石嘴山市商务局."
        ),
      }),
    year: z
      .int()
      .min(REPORT_YEAR_RANGE.min)
      .max(REPORT_YEAR_RANGE.max)
      .meta({
        description: bilingual(
          `${META_FIELD_LABELS.year}：报告所述年度（公历年），如 2023。2019 年以前的报告格式不在本规范范围内。`,
          "Report year: the calendar year the report covers, e.g. 2023. Reports before 2019 are out of scope."
        ),
      }),
    title: z
      .string()
      .min(1)
      .optional()
      .meta({
        description: bilingual(
          `${META_FIELD_LABELS.title}：如“石嘴山市商务局2023年政府信息公开工作年度报告”。`,
          "Report title as published."
        ),
      }),
    publishedOn: z.iso
      .date()
      .optional()
      .meta({
        description: bilingual(
          `${META_FIELD_LABELS.publishedOn}：ISO 8601 格式（YYYY-MM-DD）。`,
          "Publication date, ISO 8601 (YYYY-MM-DD)."
        ),
      }),
    regionCode: z
      .string()
      .regex(REGION_CODE_PATTERN)
      .optional()
      .meta({
        description: bilingual(
          `${META_FIELD_LABELS.regionCode}：发布机关所在地的 6 位行政区划代码（GB/T 2260），如 640200。`,
          "Six-digit administrative division code (GB/T 2260) of the body's location, e.g. 640200."
        ),
      }),
    creditCode: z
      .string()
      .regex(CREDIT_CODE_PATTERN)
      .optional()
      .meta({
        description: bilingual(
          `${META_FIELD_LABELS.creditCode}：发布机关的 18 位统一社会信用代码（GB 32100-2015），校验位由校验规则检查。`,
          "The body's 18-character unified social credit code (GB 32100-2015); the rule META-CREDIT-CODE checks its check character."
        ),
      }),
    level: z
      .enum(levelKeys)
      .optional()
      .meta({
        description: bilingual(
          `${META_FIELD_LABELS.level}：${Object.entries(BODY_LEVELS)
            .map(([key, label]) => `${key} = ${label}`)
            .join("；")}。`,
          "Administrative level of the body."
        ),
      }),
    source: z
      .string()
      .optional()
      .meta({
        description: bilingual(
          `${META_FIELD_LABELS.source}：报告原文的来源（网址或文件名），导入时记录。`,
          "Where the original report came from (URL or file name), recorded on import."
        ),
      }),
  })
  .meta({
    id: "ReportMeta",
    title: "ReportMeta",
    description: bilingual(`${META_GROUP_LABEL}：发布机关、年度等报告元数据。`, "Report metadata: publishing body, year and so on."),
  });

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
    tool: z.string().min(1).meta({ description: bilingual("导入工具的名称，如“@xxgk/importer”。", "The importing tool, e.g. @xxgk/importer.") }),
    version: z.string().min(1).meta({ description: bilingual("导入工具的版本。", "The importing tool's version.") }),
    source: z
      .strictObject({
        fileName: z.string().optional().meta({ description: bilingual("原文件名。", "The source file's name.") }),
        format: z
          .enum(IMPORT_SOURCE_FORMATS)
          .meta({ description: bilingual("原文件格式：text、markdown、html、pdf 或 docx。", "The source format: text, markdown, html, pdf or docx.") }),
      })
      .optional()
      .meta({ description: bilingual("导入的原文件。", "The imported source file.") }),
    unreadable: z.array(z.string()).meta({
      description: bilingual(
        "原文中有但导入时无法辨认的单元格（JSON Pointer）；其值为 null，但不是空白。",
        "Cells present in the source that could not be read when imported (JSON Pointers); null, but not blank.",
      ),
    }),
    inferred: z.array(z.string()).meta({
      description: bilingual(
        "导入时推断出的单元格（JSON Pointer），如按勾稽关系拆分粘连的数字。",
        "Cells whose value was inferred when imported (JSON Pointers), e.g. glued figures split by the table's arithmetic.",
      ),
    }),
    absent: z
      .array(z.string())
      .optional()
      .meta({
        description: bilingual(
          "原文中未找到的单元格（JSON Pointer）；其值为 null，但不是空白。",
          "Cells not found in the source (JSON Pointers); null, but not blank.",
        ),
      }),
    positions: z
      .record(z.string(), z.string())
      .optional()
      .meta({
        description: bilingual(
          "各单元格在原文中的位置（JSON Pointer → 位置说明，如“第 12 行第 5 列”）。",
          "Where each cell was found in the source (JSON Pointer → a description such as line 12, column 5).",
        ),
      }),
  })
  .meta({
    id: "ImportRecord",
    title: "ImportRecord",
    description: bilingual(
      "导入记录：报告由已发布文档导入时，哪些单元格无法辨认、未找到或经推断。",
      "Import record: for a report imported from a published document, which cells could not be read, were not found or were inferred.",
    ),
  });

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

/** `article20Item1` → `Article20Item1`: layout keys as type names. */
function pascal(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

/** `key = label` for each property, for the description of an object whose properties are bare `$ref`s. */
function keyList(entries: readonly { key: string; label: string }[], separator: string): string {
  return entries.map((entry) => `${entry.key} = ${entry.label}`).join(separator);
}

function table2Schema(layout: EditionLayout) {
  const shape: Record<string, z.ZodType> = {};
  for (const block of layout.table2.blocks) {
    const rowSchema = table2Row(layout, block);
    for (const row of block.rows) {
      shape[row.key] = rowSchema;
    }
  }
  const section = SECTION_LAYOUTS[1]!;
  return z.strictObject(shape).meta({
    id: `ProactiveDisclosure${layout.edition}`,
    title: `ProactiveDisclosure${layout.edition}`,
    description: bilingual(
      `${section.heading}：表二（${layout.basis}），按“信息内容”分行：${keyList(layout.table2.blocks.flatMap((block) => block.rows), "；")}。`,
      `${section.english}: table 2 of edition ${layout.edition}: ${keyList(
        layout.table2.blocks.flatMap((block) => block.rows.map((row) => ({ key: row.key, label: row.english }))),
        "; "
      )}.`
    ),
  });
}

/** One row type per block of 表二: the rows of a block share their columns. */
function table2Row(layout: EditionLayout, block: Table2BlockLayout) {
  const shape: Record<string, z.ZodType> = {};
  for (const column of block.columns) {
    shape[column.key] = CELL_SCHEMAS[column.kind].meta({
      description: bilingual(`表二 / ${block.caption} / ${column.label}`, `Table 2 / ${column.english}`),
    });
  }
  const name = `${pascal(block.key)}Row${layout.edition}`;
  return z.strictObject(shape).meta({
    id: name,
    title: name,
    description: bilingual(
      `表二 ${block.caption} 的一行（${block.rows.map((row) => row.label).join("、")}）。`,
      `A row of table 2, ${block.caption} (${block.rows.map((row) => row.english).join(", ")}).`
    ),
  });
}

/** One row of 表三: the seven applicant columns (the same in both editions). */
const ApplicationRowSchema = (() => {
  const table3 = LAYOUTS["2021"].table3;
  const cells: Record<string, z.ZodType> = {};
  for (const column of table3.columns) {
    const label = column.group ? `${column.group} / ${column.label}` : column.label;
    cells[column.key] = CountCell.meta({ description: bilingual(`表三 / ${label}`, `Table 3 / ${column.english}`) });
  }
  return z.strictObject(cells).meta({
    id: "ApplicationRow",
    title: "ApplicationRow",
    description: bilingual("表三的一行：各类申请人的件数和总计。", "A row of table 3: counts per type of applicant and their total."),
  });
})();

function table3Schema(layout: EditionLayout) {
  const shape: Record<string, z.ZodType> = {};
  for (const row of layout.table3.rows) {
    shape[row.key] = ApplicationRowSchema;
  }
  const section = SECTION_LAYOUTS[2]!;
  return z.strictObject(shape).meta({
    id: `Applications${layout.edition}`,
    title: `Applications${layout.edition}`,
    description: bilingual(
      `${section.heading}：表三，按申请人类型分列。${layout.table3.note} 各行：${keyList(
        layout.table3.rows.map((row) => ({ key: row.key, label: [...row.groups, row.label].join(" / ") })),
        "；"
      )}。`,
      `${section.english}: table 3 of edition ${layout.edition}, one column per type of applicant. Rows: ${keyList(
        layout.table3.rows.map((row) => ({ key: row.key, label: row.english })),
        "; "
      )}.`
    ),
  });
}

/** 表四: identical in both editions, so one schema (and one JSON Schema definition) serves both. */
const ReviewAndLitigationSchema = (() => {
  const table4 = LAYOUTS["2021"].table4;
  const cells: Record<string, z.ZodType> = {};
  for (const column of table4.columns) {
    cells[column.key] = CountCell.meta({ description: bilingual(`表四 / ${column.label}`, `Table 4 / ${column.english}`) });
  }
  const group = z.strictObject(cells).meta({
    id: "ReviewLitigationGroup",
    title: "ReviewLitigationGroup",
    description: bilingual("表四的一组：四种结果和总计。", "A group of table 4: four outcomes and their total."),
  });
  const shape: Record<string, z.ZodType> = {};
  for (const entry of table4.groups) {
    shape[entry.key] = group;
  }
  const section = SECTION_LAYOUTS[3]!;
  return z.strictObject(shape).meta({
    id: "ReviewAndLitigation",
    title: "ReviewAndLitigation",
    description: bilingual(
      `${section.heading}：表四，${keyList(
        table4.groups.map((entry) => ({ key: entry.key, label: entry.parent ? `${entry.parent} / ${entry.label}` : entry.label })),
        "；"
      )}，各五列。`,
      `${section.english}: table 4, five columns each for ${keyList(
        table4.groups.map((entry) => ({ key: entry.key, label: entry.english })),
        "; "
      )}.`
    ),
  });
})();

function reportSchema<E extends Edition>(edition: E) {
  const layout = LAYOUTS[edition];
  return z
    .strictObject({
      $schema: z.string().optional().meta({
        description: bilingual("可选：本文件遵循的 JSON Schema 地址，供编辑器补全。", "Optional: the JSON Schema this file follows, for editor completion."),
      }),
      edition: z.literal(edition).meta({
        description: bilingual(
          `格式版本：${edition} = ${layout.basis}《${layout.basisTitle}》。`,
          `Format edition ${edition}, set by ${layout.basis}.`
        ),
      }),
      meta: ReportMeta,
      preamble: ProseSection.optional(),
      overview: ProseSection,
      proactiveDisclosure: table2Schema(layout),
      applications: table3Schema(layout),
      reviewAndLitigation: ReviewAndLitigationSchema,
      problemsAndImprovements: ProseSection,
      otherMatters: ProseSection,
      import: ImportRecord.optional(),
    })
    .meta({
      title: `Report${edition}`,
      description: bilingual(
        `按${layout.basis}《${layout.basisTitle}》编制的政府信息公开工作年度报告（${edition} 版格式）。preamble = 引言（可选）；${keyList(
          SECTION_LAYOUTS.map((section) => ({ key: section.key, label: section.heading })),
          "；"
        )}。`,
        `A Government Information Disclosure Annual Report in format edition ${edition} (${layout.basis}). preamble = optional introduction; ${keyList(
          SECTION_LAYOUTS.map((section) => ({ key: section.key, label: section.english })),
          "; "
        )}.`
      ),
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
    title: "Report",
    description: bilingual(
      "政府信息公开工作年度报告（xxgk 格式）。edition 字段决定表格格式版本。",
      "A Government Information Disclosure Annual Report (xxgk format); the edition property selects the tables."
    ),
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
