/**
 * A consistent sample report per edition (and its previous year), built from the layout data. Rule examples are
 * edits applied to it; tests and docs use it. Every rule passes on it.
 */
import { createEmptyReport, LAYOUTS, type Edition, type Report, type Report2019, type Report2021 } from "@xxgk/schema/layout";
import { creditCodeCheckCharacter } from "./codes.js";
import type { RuleExample } from "./types.js";

/** Detail values of 表三 for one applicant column: outcome rows, 二 and 四. Totals and 一 are derived. */
export interface Table3Column {
  /** Values per outcome row key (missing rows are 0). */
  outcomes: Record<string, number>;
  carriedOver: number;
  carriedForward: number;
}

/**
 * Fills 表三 of a report so that every identity holds: row totals, （七）总计, and 一 = （七）总计 + 四 − 二.
 * Columns not given are all 0. The detail values must keep 一 non-negative.
 */
export function fillTable3(report: Report, columns: Record<string, Table3Column>): void {
  const layout = LAYOUTS[report.edition].table3;
  const applications = report.applications as unknown as Record<string, Record<string, number | null>>;
  const details = layout.columns.filter((column) => column.key !== "total");
  for (const column of details) {
    const spec = columns[column.key] ?? { outcomes: {}, carriedOver: 0, carriedForward: 0 };
    let handled = 0;
    for (const row of layout.rows) {
      if (row.role !== "outcome") continue;
      const value = spec.outcomes[row.key] ?? 0;
      applications[row.key]![column.key] = value;
      handled += value;
    }
    const rowOf = (role: string) => layout.rows.find((row) => row.role === role)!.key;
    applications[rowOf("outcomeTotal")]![column.key] = handled;
    applications[rowOf("carriedOver")]![column.key] = spec.carriedOver;
    applications[rowOf("carriedForward")]![column.key] = spec.carriedForward;
    applications[rowOf("received")]![column.key] = handled + spec.carriedForward - spec.carriedOver;
  }
  for (const row of layout.rows) {
    applications[row.key]!.total = details.reduce((sum, column) => sum + (applications[row.key]![column.key] as number), 0);
  }
}

/** A valid 统一社会信用代码 for the sample (机关 11, 南京市 320100). */
export const SAMPLE_CREDIT_CODE = `11320100014123456${creditCodeCheckCharacter("11320100014123456")}`;

/** The report year of the sample of each edition. */
export const SAMPLE_YEARS: Readonly<Record<Edition, number>> = { "2021": 2023, "2019": 2020 };

function set(report: Report, section: string, row: string, column: string, value: number): void {
  (report as unknown as Record<string, Record<string, Record<string, number>>>)[section]![row]![column] = value;
}

/**
 * The consistent sample report of an edition. With `previous: true`, last year's report of the same body, whose
 * 四、结转下年度 equals this year's 二、上年结转 and whose 现行有效件数 lead to this year's.
 */
export function sampleReport(edition: "2021", options?: { previous?: boolean }): Report2021;
export function sampleReport(edition: "2019", options?: { previous?: boolean }): Report2019;
export function sampleReport(edition: Edition, options?: { previous?: boolean }): Report;
export function sampleReport(edition: Edition, options: { previous?: boolean } = {}): Report {
  const year = SAMPLE_YEARS[edition] - (options.previous ? 1 : 0);
  const report = createEmptyReport({ edition, year, body: "示例市示例局" });
  report.meta.title = `示例市示例局${year}年政府信息公开工作年度报告`;
  report.meta.publishedOn = `${year + 1}-01-20`;
  report.meta.regionCode = "320100";
  report.meta.creditCode = SAMPLE_CREDIT_CODE;
  report.meta.level = "municipal-department";

  const other = edition === "2021" ? "otherOther" : "otherHandling";
  if (options.previous) {
    fillTable3(report, {
      naturalPerson: { outcomes: { disclosed: 9, unableNotHeld: 2, [other]: 1 }, carriedOver: 0, carriedForward: 2 },
      commercialEnterprise: { outcomes: { disclosed: 1 }, carriedOver: 0, carriedForward: 0 },
    });
  } else {
    fillTable3(report, {
      naturalPerson: {
        outcomes: { disclosed: 12, partiallyDisclosed: 3, withheldStateSecret: 1, unableNotHeld: 5, notProcessedDuplicate: 2 },
        carriedOver: 2,
        carriedForward: 4,
      },
      commercialEnterprise: { outcomes: { disclosed: 2, unableNotHeld: 1 }, carriedOver: 0, carriedForward: 1 },
      legalServiceAgency: { outcomes: { disclosed: 1 }, carriedOver: 0, carriedForward: 0 },
    });
  }
  const group = (key: string, values: [number, number, number, number]) => {
    const [upheld, corrected, otherOutcome, pending] = values;
    set(report, "reviewAndLitigation", key, "upheld", upheld);
    set(report, "reviewAndLitigation", key, "corrected", corrected);
    set(report, "reviewAndLitigation", key, "other", otherOutcome);
    set(report, "reviewAndLitigation", key, "pending", pending);
    set(report, "reviewAndLitigation", key, "total", upheld + corrected + otherOutcome + pending);
  };
  group("reconsideration", options.previous ? [1, 0, 0, 0] : [1, 1, 0, 1]);
  group("litigationDirect", options.previous ? [0, 0, 0, 0] : [1, 0, 0, 0]);

  if (edition === "2021") {
    const table2: [string, string, number][] = options.previous
      ? [
          ["rules", "inForce", 2],
          ["normativeDocuments", "issued", 4],
          ["normativeDocuments", "repealed", 2],
          ["normativeDocuments", "inForce", 10],
        ]
      : [
          ["rules", "inForce", 2],
          ["normativeDocuments", "issued", 3],
          ["normativeDocuments", "repealed", 1],
          ["normativeDocuments", "inForce", 12],
        ];
    for (const [row, column, value] of table2) set(report, "proactiveDisclosure", row, column, value);
    set(report, "proactiveDisclosure", "licensing", "decisions", 120);
    set(report, "proactiveDisclosure", "penalties", "decisions", 35);
    set(report, "proactiveDisclosure", "coercion", "decisions", 4);
    set(report, "proactiveDisclosure", "fees", "amount", 12.5);
  } else {
    set(report, "proactiveDisclosure", "normativeDocuments", "produced", 3);
    set(report, "proactiveDisclosure", "normativeDocuments", "published", 3);
    set(report, "proactiveDisclosure", "normativeDocuments", "totalPublished", 12);
    set(report, "proactiveDisclosure", "licensing", "previousItems", 40);
    set(report, "proactiveDisclosure", "licensing", "change", -2);
    set(report, "proactiveDisclosure", "licensing", "decisions", 120);
    set(report, "proactiveDisclosure", "procurement", "projects", 3);
    set(report, "proactiveDisclosure", "procurement", "amount", 125000.5);
  }

  const applications = report.applications as unknown as Record<string, Record<string, number>>;
  const total = (row: string) => applications[row]!.total;
  const reconsideration = report.reviewAndLitigation.reconsideration.total ?? 0;
  const litigation =
    (report.reviewAndLitigation.litigationDirect.total ?? 0) +
    (report.reviewAndLitigation.litigationAfterReconsideration.total ?? 0);
  report.overview = {
    paragraphs: [`${year}年，示例市示例局认真贯彻落实《中华人民共和国政府信息公开条例》，政府信息公开工作有序开展。`],
    parts: [
      { title: "（一）主动公开情况", paragraphs: ["通过政府网站主动公开政府信息。"] },
      {
        title: "（二）依申请公开情况",
        paragraphs: [
          `本年新收政府信息公开申请 ${total("newlyReceived")} 件，上年结转申请 ${total("carriedOver")} 件；` +
            `予以公开 ${total("disclosed")} 件，结转下年度继续办理 ${total("carriedForward")} 件。` +
            `政府信息公开行政复议 ${reconsideration} 件，政府信息公开行政诉讼 ${litigation} 件。`,
        ],
      },
    ],
  };
  report.problemsAndImprovements = { paragraphs: ["政策解读形式还不够丰富。下一步将加强政策解读。"] };
  report.otherMatters = { paragraphs: [`${year}年，本机关未收取信息处理费。`] };
  return report;
}

function setAt(root: unknown, pointer: string, edit: { value?: unknown; remove?: boolean }): void {
  const parts = pointer
    .split("/")
    .slice(1)
    .map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  let node = root as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) node = node[part] as Record<string, unknown>;
  const last = parts[parts.length - 1]!;
  if (edit.remove) delete node[last];
  else node[last] = structuredClone(edit.value);
}

/** The inputs of a failing example: the sample report (and previous report) of an edition with the edits applied. */
export function exampleInputs(example: RuleExample, edition: Edition): { input: Report; previous: Report } {
  const input = sampleReport(edition);
  const previous = sampleReport(edition, { previous: true });
  for (const edit of example.edits) setAt(edit.document === "previous" ? previous : input, edit.pointer, edit);
  return { input, previous };
}
