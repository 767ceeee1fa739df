/**
 * Small regions for the region rules' docs examples, built from the validators' consistent sample report (every
 * report rule passes on it), so each example shows one region rule failing and nothing else.
 */
import type { BodyLevel, Report2021 } from "@xxgk/schema/layout";
import { sampleReport } from "../sample.js";
import type { RegionReportInput } from "./types.js";

/** Options of {@link exampleReport}. */
export interface ExampleReportOptions {
  body: string;
  level?: BodyLevel;
  publishedOn?: string;
  previous?: boolean;
}

/** The sample report (edition 2021, year 2023, or 2022 with `previous`) of another body. */
export function exampleReport(options: ExampleReportOptions): Report2021 {
  const report = sampleReport("2021", { previous: options.previous ?? false });
  const year = report.meta.year;
  report.meta.body = options.body;
  report.meta.title = `${options.body}${year}年政府信息公开工作年度报告`;
  delete report.meta.creditCode;
  if (options.level) report.meta.level = options.level;
  if (options.publishedOn) report.meta.publishedOn = options.publishedOn;
  // One short sentence (too short to compare), so an example shows only the repetition it is about.
  report.overview = { paragraphs: [`${year}年，${options.body}政府信息公开工作有序开展。`] };
  return report;
}

/** A report as a review input named after its body. */
export function exampleInput(report: Report2021): RegionReportInput {
  return { file: `${report.meta.year}/${report.meta.body}.json`, report };
}

/** Distinct prose for a body, long enough to be compared, so only the intended repetition shows. */
export function distinctProse(seed: string): string[] {
  return [
    `${seed}围绕年度重点任务，先后组织了三次专题培训，逐条梳理公开目录，修订了公开指南和办理流程。`,
    `对照上级考核反馈的意见，${seed}逐项建立整改台账，明确责任人和完成时限，做到问题不解决不销号。`,
  ];
}
