/**
 * Review state: a reviewer's decisions (accepted, explained) kept in a baseline file keyed by finding fingerprint,
 * as ESLint's suppressions file and SARIF baselines do, so a re-run shows only what is new.
 */
import type { Baseline, BaselineDecision, RegionFinding, RegionReview } from "./types.js";

/** A problem found while reading a baseline file. */
export interface BaselineProblem {
  /** Where in the file, as a JSON Pointer (`""` for the whole file). */
  pointer: string;
  message: string;
  messageEn: string;
}

const FINGERPRINT = /^[0-9a-f]{16}$/;

/**
 * Checks a parsed baseline file. Returns the baseline, or the problems (nothing is guessed: a decision with an
 * unknown state is a problem, not ignored).
 */
export function parseBaseline(value: unknown): { baseline: Baseline; problems: [] } | { baseline?: undefined; problems: BaselineProblem[] } {
  const problems: BaselineProblem[] = [];
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { problems: [{ pointer: "", message: "应为 JSON 对象 { \"version\": 1, \"decisions\": { … } }", messageEn: "expected a JSON object { \"version\": 1, \"decisions\": { … } }" }] };
  }
  const record = value as Record<string, unknown>;
  if (record.version !== 1) {
    problems.push({ pointer: "/version", message: `版本应为 1，实为 ${JSON.stringify(record.version)}`, messageEn: `version must be 1, not ${JSON.stringify(record.version)}` });
  }
  const decisions = record.decisions;
  if (decisions === null || typeof decisions !== "object" || Array.isArray(decisions)) {
    problems.push({ pointer: "/decisions", message: "decisions 应为以指纹为键的对象", messageEn: "decisions must be an object keyed by fingerprint" });
    return { problems };
  }
  const result: Record<string, BaselineDecision> = {};
  for (const [fingerprint, decision] of Object.entries(decisions as Record<string, unknown>)) {
    const pointer = `/decisions/${fingerprint.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    if (!FINGERPRINT.test(fingerprint)) {
      problems.push({ pointer, message: `“${fingerprint}”不是指纹（16 位十六进制小写字母数字）`, messageEn: `“${fingerprint}” is not a fingerprint (16 lower-case hex digits)` });
      continue;
    }
    const entry = decision as Record<string, unknown> | null;
    if (entry === null || typeof entry !== "object" || Array.isArray(entry)) {
      problems.push({ pointer, message: "应为对象 { \"state\": … }", messageEn: "expected an object { \"state\": … }" });
      continue;
    }
    if (entry.state !== "accepted" && entry.state !== "explained") {
      problems.push({
        pointer: `${pointer}/state`,
        message: `state 应为 accepted（已接受）或 explained（已说明），实为 ${JSON.stringify(entry.state)}`,
        messageEn: `state must be accepted or explained, not ${JSON.stringify(entry.state)}`,
      });
      continue;
    }
    if (entry.note !== undefined && typeof entry.note !== "string") {
      problems.push({ pointer: `${pointer}/note`, message: "note 应为文字", messageEn: "note must be a string" });
      continue;
    }
    result[fingerprint] = entry as unknown as BaselineDecision;
  }
  return problems.length > 0 ? { problems } : { baseline: { version: 1, decisions: result }, problems: [] };
}

/** A finding with the reviewer's decision, if any. */
export type DecidedFinding = RegionFinding & { decision?: BaselineDecision };

/** The outcome of {@link applyBaseline}. */
export interface BaselineOutcome {
  /** Failed findings without a decision: what is new since the baseline. */
  newFindings: number;
  /** Failed findings with a decision. */
  decided: number;
  /** Decisions whose finding no longer occurs (fixed, or the report changed): kept for the record. */
  stale: { fingerprint: string; decision: BaselineDecision }[];
}

/**
 * Attaches the baseline's decisions to the review's findings (in place, as `decision`) and counts what is new.
 */
export function applyBaseline(review: RegionReview, baseline: Baseline): BaselineOutcome {
  const used = new Set<string>();
  let newFindings = 0;
  let decided = 0;
  const all = [...review.regionFindings, ...review.bodies.flatMap((body) => body.findings)] as DecidedFinding[];
  for (const finding of all) {
    const decision = baseline.decisions[finding.fingerprint];
    if (decision) {
      finding.decision = decision;
      used.add(finding.fingerprint);
    }
    if (finding.outcome !== "fail") continue;
    if (decision) decided++;
    else newFindings++;
  }
  const stale = Object.entries(baseline.decisions)
    .filter(([fingerprint]) => !used.has(fingerprint))
    .map(([fingerprint, decision]) => ({ fingerprint, decision }));
  return { newFindings, decided, stale };
}

/**
 * A baseline that accepts every failed finding of a review (keeping the decisions of `previous`), for a reviewer
 * who signs off the current state and wants to see only what is new from now on.
 */
export function baselineOf(review: RegionReview, options: { previous?: Baseline; decidedOn?: string; note?: string } = {}): Baseline {
  const decisions: Record<string, BaselineDecision> = { ...options.previous?.decisions };
  for (const finding of [...review.regionFindings, ...review.bodies.flatMap((body) => body.findings)]) {
    if (finding.outcome !== "fail" || decisions[finding.fingerprint]) continue;
    decisions[finding.fingerprint] = {
      state: "accepted",
      ...(options.note ? { note: options.note } : {}),
      ruleId: finding.ruleId,
      body: finding.body,
      year: finding.year,
      message: finding.message,
      ...(options.decidedOn ? { decidedOn: options.decidedOn } : {}),
    };
  }
  return { version: 1, decisions };
}
