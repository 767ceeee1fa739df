/**
 * The public data types of a region review (`@xxgk/validators/region`): what goes in (a region's reports, last
 * year's reports, the bodies expected), what comes out (findings with stable fingerprints, per-body figures, the
 * region's roll-up) and the metadata of the region-level rules. Everything is plain, JSON-serialisable data.
 */
import type { BodyLevel, SectionKey } from "@xxgk/schema/layout";
import type { Bilingual, Profile, Severity, ValidationCounts } from "../types.js";

/** One input report: where it came from and the parsed JSON value (any value: malformed reports are reviewed too). */
export interface RegionReportInput {
  /** File name or other identifier shown to the reviewer, e.g. `reports/市商务局.json`. */
  file: string;
  /** The JSON value read from the file. */
  report: unknown;
}

/** A body the region expects a report from (a line of `bodies.csv`). */
export interface ExpectedBody {
  /** Full name, as the body writes it in `meta.body`, e.g. `某某市商务局`. */
  name: string;
  /** Administrative level, which sets the legal deadline; used when the report does not state `meta.level`. */
  level?: BodyLevel;
  /** 6-digit 行政区划代码, optional. */
  regionCode?: string;
}

/** Thresholds of the region rules (each documented in docs/rules.md and docs/review.md). */
export interface ReviewThresholds {
  /** A section repeats last year's when at least this share of its text is found in last year's section. Default 0.8. */
  previousRepeat: number;
  /** A section repeats another body's when at least this share of its text is found in the other's. Default 0.6. */
  peerRepeat: number;
  /** A key figure jumps when one year's value is at least this many times the other's. Default 5. */
  jumpFactor: number;
  /** Jumps, vanishing and appearing totals count only when the larger of the two figures is at least this. Default 20. */
  jumpMinimum: number;
  /** Sections shorter than this many characters (after boilerplate is stripped) are not compared. Default 60. */
  minimumText: number;
}

/** Options of {@link reviewRegion}. */
export interface ReviewOptions {
  /** This year's reports of the region. */
  reports: readonly RegionReportInput[];
  /** Last year's reports of the region (matched to this year's by body name; when none has exactly the name, the one whose name only adds or drops a higher place before it, such as "淮安市", if no other report of the year could match it). */
  previous?: readonly RegionReportInput[];
  /** The bodies expected to report; without it, missing reports cannot be found. */
  bodies?: readonly ExpectedBody[];
  /** The report year reviewed; default: the year most of the reports state. */
  year?: number;
  /** Profile of the per-report validation and the region rules; default `audit` (a reviewer checks published reports). */
  profile?: Profile;
  /** Per-rule severity overrides or `"off"`, for region rules and report rules alike. */
  rules?: Record<string, Severity | "off">;
  /** Threshold overrides. */
  thresholds?: Partial<ReviewThresholds>;
  /** The current date, for the report rules (default `new Date()`). */
  today?: Date;
}

/** A prose section compared for repetition. */
export type ComparedSection = Extract<SectionKey, "overview" | "problemsAndImprovements" | "otherMatters">;

/** A passage found in both texts: this report's wording and the other's, side by side. */
export interface RepeatedPassage {
  /** The passage as this report writes it. */
  text: string;
  /** The matching passage as the other report writes it. */
  otherText: string;
}

/** The other report a repetition finding compares with. */
export interface OtherReport {
  body: string;
  file: string;
  year: number | null;
}

/** One finding of a region review: a region rule, or a report rule run on one of the region's reports. */
export interface RegionFinding {
  /** Rule id: a region rule (`REGION-…`) or a report rule of the catalog (`T3-SUM-ROW`, …). */
  ruleId: string;
  /** Effective severity after profile and overrides. */
  severity: Severity;
  /** `fail`, or `not-assessable` when the data to decide is missing (no publication date, no level). */
  outcome: "fail" | "not-assessable";
  /** Message in Chinese. */
  message: string;
  /** Message in English. */
  messageEn: string;
  /** The body the finding is about (for a missing report: the expected body). */
  body: string;
  /** The report file, absent for a missing report. */
  file?: string;
  /** The report year. */
  year: number | null;
  /** The section concerned, for repetition findings. */
  section?: ComparedSection;
  /** JSON Pointers concerned, e.g. `/meta/publishedOn` or a cell. */
  pointers: string[];
  /** Share of the section's text (0–1) found in the other text, for repetition findings. */
  similarity?: number;
  /** The other report, for repetition findings. */
  other?: OtherReport;
  /** The longest repeated passages, side by side (at most five). */
  passages?: RepeatedPassage[];
  /**
   * Stable fingerprint of the finding (16 hex digits), as SARIF's `partialFingerprints`: a hash of the rule id, the
   * body's name, the year and where the finding is (section, cells, the other body), not of the figures or wording,
   * so a decision recorded in a baseline survives re-runs and edits of the report.
   */
  fingerprint: string;
}

/** A section's repetition figures for one report. */
export type SectionSimilarity = Partial<Record<ComparedSection, number | null>>;

/** The region's review of one report. */
export interface BodyReview {
  /** Index in the input order. */
  index: number;
  /** `meta.body`, or the file name when the report names no body. */
  body: string;
  file: string;
  year: number | null;
  level: BodyLevel | null;
  /** `meta.publishedOn` as stated (YYYY-MM-DD), or null. */
  publishedOn: string | null;
  /** The legal deadline for the body's level, or null when the level is unknown. */
  deadline: string | null;
  /** True when published by the deadline, false when late, null when it cannot be told. */
  onTime: boolean | null;
  /** Days after the deadline (0 when on time), or null. */
  daysLate: number | null;
  /** True when the report's structure is valid (the tables can be read). */
  wellFormed: boolean;
  /** The file of last year's report of the same body, when one was given. */
  previousFile: string | null;
  /** Counts of the report rules (arithmetic, structure, prose) as `validate` returns them. */
  validation: ValidationCounts;
  /** Per section: share of the text found in last year's report (null: too short or no previous report). */
  repeatPrevious: SectionSimilarity;
  /** Per section: the highest share found in another body's report of the same year (null: too short). */
  repeatPeer: SectionSimilarity;
  /** The body's figures behind the reviewers' rates. */
  rates: BodyRates;
  /** Every finding of this report (region rules and report rules), most severe first. */
  findings: RegionFinding[];
}

/** The rates reviewers quote, from one body's tables (null when a figure is blank or the base is 0). */
export interface BodyRates {
  /** 表三 一、本年新收 总计. */
  received: number | null;
  /** 表三 （七）总计 总计. */
  handled: number | null;
  /** 予以公开 + 部分公开 (总计 column). */
  disclosedFully: number | null;
  disclosedPartly: number | null;
  /** (予以公开 + 部分公开) / （七）总计. */
  disclosureRate: number | null;
  /** 行政复议 总计 and 结果纠正. */
  reconsiderations: number | null;
  reconsiderationsCorrected: number | null;
  /** 结果纠正 / (总计 − 尚未审结): the share of concluded reconsiderations that corrected the body. */
  reconsiderationCorrectionRate: number | null;
  /** 行政诉讼 (both groups) 总计 and 结果纠正. */
  lawsuits: number | null;
  lawsuitsCorrected: number | null;
  /** 结果纠正 / (总计 − 尚未审结) over both litigation groups. */
  lawsuitCorrectionRate: number | null;
}

/** One cell of the roll-up: the region's total of a cell over its bodies. */
export interface RollupCell {
  /** JSON Pointer of the cell (the same in every report of the edition). */
  pointer: string;
  /** Official label, e.g. `表三 / 自然人 / （七）总计`. */
  label: string;
  /** Sum over the bodies that stated the cell. */
  total: number;
  /** Bodies that stated a number. */
  stated: number;
  /** Bodies that left the cell blank: the total leaves them out (blank is not zero). */
  blank: number;
}

/** The region's totals of 表三 and 表四 and its overall rates. */
export interface RegionRollup {
  /** Edition whose layout the cells follow (reports of the other edition are not added up). */
  edition: "2021" | "2019";
  /** Reports added up. */
  reports: number;
  /** Reports left out (another edition, or tables that cannot be read). */
  leftOut: number;
  /** Every cell of 表三 and 表四. */
  cells: RollupCell[];
  /** The rates over the region's totals. */
  rates: BodyRates;
}

/** The region's summary figures. */
export interface RegionSummary {
  /** Reports reviewed (this year's, of the reviewed year). */
  reports: number;
  /** Bodies expected (`bodies`), or null without a list. */
  expected: number | null;
  /** Expected bodies without a report. */
  missing: number;
  /** Bodies with more than one report. */
  duplicates: number;
  onTime: number;
  late: number;
  /** Reports whose timeliness cannot be told (no date or no level). */
  timelinessUnknown: number;
  /** Reports with at least one error-severity finding. */
  withErrors: number;
  /** Reports with at least one section repeating last year's (at or above the threshold). */
  repeatingPrevious: number;
  /** Reports with at least one section repeating another body's. */
  repeatingPeer: number;
  /** Median over reports of the highest section share found in last year's report, or null. */
  medianRepeatPrevious: number | null;
  /** Findings by rule id. */
  byRule: Record<string, number>;
  /** Findings by severity (failed findings only). */
  bySeverity: Record<Severity, number>;
}

/** The result of {@link reviewRegion}. */
export interface RegionReview {
  /** The report year reviewed. */
  year: number;
  profile: Profile;
  /** The thresholds used. */
  thresholds: ReviewThresholds;
  summary: RegionSummary;
  /** One entry per report of the reviewed year, in input order. */
  bodies: BodyReview[];
  /** Findings about bodies without a report (missing), not attached to any report. */
  regionFindings: RegionFinding[];
  /** Reports left out because they are of another year than the one reviewed. */
  otherYears: { file: string; year: number | null }[];
  rollup: RegionRollup;
}

/** Where a region rule comes from. */
export type RegionRuleBasis =
  /** 条例 第四十九条: publication deadlines. */
  | "deadline"
  /** Text compared with last year's report or with other bodies'. */
  | "repetition"
  /** Figures compared with last year's report. */
  | "cross-year"
  /** What the format's prose sections must say. */
  | "content"
  /** The region's list of bodies. */
  | "coverage";

/** Metadata of one region-level rule. */
export interface RegionRuleDefinition {
  /** Stable id, `REGION-…`. Never renamed. */
  id: string;
  title: Bilingual;
  /** Message template; `{name}` placeholders are filled per finding. */
  message: Bilingual;
  severity: Record<Profile, Severity>;
  basis: RegionRuleBasis;
  /** The precise reference. */
  reference: Bilingual;
  /** Why the rule exists and how it decides, one paragraph. */
  rationale: Bilingual;
  /** What the docs' example shows (its output is produced by running the rule). */
  example: Bilingual;
}

/** A decision a reviewer recorded about a finding. */
export interface BaselineDecision {
  /** `accepted`: the finding stands but is accepted; `explained`: the body explained it. */
  state: "accepted" | "explained";
  /** The reviewer's note. */
  note?: string;
  /** For people reading the file: the rule, body, year and message when the decision was made. */
  ruleId?: string;
  body?: string;
  year?: number | null;
  message?: string;
  /** When the decision was recorded (YYYY-MM-DD). */
  decidedOn?: string;
}

/** A baseline file (`--baseline review-baseline.json`): decisions keyed by finding fingerprint. */
export interface Baseline {
  /** Format version: 1. */
  version: 1;
  decisions: Record<string, BaselineDecision>;
}
