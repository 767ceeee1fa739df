/**
 * What a region rule is: its metadata (as data, see {@link RegionRuleDefinition}) and its evaluator, in one module
 * per rule under `rules/`, the way ESLint keeps `lib/rules/<id>.js`. The evaluator sees the whole region through a
 * {@link RegionContext}. Internal.
 */
import type { BodyLevel, Edition, Report } from "@xxgk/schema/layout";
import type { PreparedText, Repetition } from "./text.js";
import type {
  ComparedSection,
  ExpectedBody,
  OtherReport,
  RegionRuleDefinition,
  RepeatedPassage,
  ReviewOptions,
  ReviewThresholds,
} from "./types.js";

/** One report of the region as the rules see it. */
export interface ReviewedReport {
  readonly index: number;
  readonly file: string;
  readonly raw: unknown;
  /** The parsed report when its structure is valid. */
  readonly report: Report | undefined;
  readonly edition: Edition | undefined;
  /** `meta.body`, or the file name when there is none. */
  readonly body: string;
  /** The body's name for matching: width-normalised, no whitespace. */
  readonly bodyKey: string;
  readonly year: number | null;
  /** `meta.level`, else the level `bodies` gives, else null. */
  readonly level: BodyLevel | null;
  readonly publishedOn: string | null;
  /** Last year's report of the same body. */
  readonly previous: { readonly file: string; readonly raw: unknown; readonly report: Report | undefined; readonly year: number | null } | undefined;
  /** The compared sections, prepared; absent when the section is empty or unreadable. */
  readonly texts: Partial<Record<ComparedSection, PreparedText>>;
  readonly previousTexts: Partial<Record<ComparedSection, PreparedText>>;
}

/** A repetition between two reports of the same year, in one direction. */
export interface PeerRepetition {
  readonly report: ReviewedReport;
  readonly other: ReviewedReport;
  readonly section: ComparedSection;
  readonly repetition: Repetition;
}

/** What a region rule sees. */
export interface RegionContext {
  /** The report year reviewed. */
  readonly year: number;
  /** This year's reports, in input order (duplicates included). */
  readonly reports: readonly ReviewedReport[];
  readonly bodies: readonly ExpectedBody[] | undefined;
  readonly thresholds: ReviewThresholds;
  /** The share of a section found in the body's own previous report (computed once, shared by rules and figures). */
  previousRepetition(report: ReviewedReport, section: ComparedSection): Repetition | undefined;
  /** Every repetition between two different bodies' sections at or above the peer threshold, both directions. */
  peerRepetitions(): readonly PeerRepetition[];
}

/** A failure (or a not-assessable evaluation) of a region rule. */
export interface RegionHit {
  /** The report concerned; absent for findings about a body without a report. */
  readonly report?: ReviewedReport;
  /** The body concerned when there is no report. */
  readonly body?: string;
  readonly outcome: "fail" | "not-assessable";
  /** Message parameters in Chinese and English. */
  readonly params: Readonly<Record<string, string | number>>;
  readonly paramsEn: Readonly<Record<string, string | number>>;
  readonly pointers?: readonly string[];
  readonly section?: ComparedSection;
  readonly similarity?: number;
  readonly other?: OtherReport;
  readonly passages?: readonly RepeatedPassage[];
  /** For a not-assessable evaluation: why. */
  readonly reason?: { readonly zh: string; readonly en: string };
  /** What locates the finding, for its fingerprint (besides rule, body and year): a section, cells, another body. */
  readonly where: readonly string[];
}

/** A region rule: metadata, evaluator and the input of its docs example. */
export interface RegionRule extends RegionRuleDefinition {
  readonly evaluate: (context: RegionContext) => RegionHit[];
  /** A small region on which the rule fails, for docs/rules.md (run through the engine to print its real output). */
  readonly exampleInput: () => ReviewOptions;
}

/** A body's name for matching: full-width letters and digits as half-width, no whitespace. */
export function bodyKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "");
}

/** A share as a percentage for messages: `0.873` → `87%`. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Chinese section headings from the layout, by key. */
export type SectionNames = Readonly<Record<ComparedSection, { zh: string; en: string }>>;
