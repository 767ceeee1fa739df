/**
 * `@xxgk/validators/region` — reviewing a region's reports together: the region rules (deadlines, repetition
 * against last year and between bodies, year-on-year jumps, section contents, missing and duplicate reports), the
 * engine that runs them with every report's own validation, stable finding fingerprints and baselines of a
 * reviewer's decisions, the roll-up of 表三 and 表四, and a generated test region.
 */
export { reviewRegion, DEFAULT_THRESHOLDS } from "./review.js";
export { REGION_RULES } from "./catalog.js";
export { applyBaseline, baselineOf, parseBaseline, type BaselineOutcome, type BaselineProblem, type DecidedFinding } from "./baseline.js";
export { findingFingerprint } from "./fingerprint.js";
export { rollUp, bodyRates } from "./rollup.js";
export { deadlineFor } from "./rules/deadline.js";
export { KEY_FIGURES } from "./rules/jump.js";
export { OVERVIEW_TOPICS } from "./rules/overview-topics.js";
export { COMPARED_SECTIONS, sectionName } from "./rules/sections.js";
export { generateTestRegion, type TestRegion, type TestRegionOptions, type TestRegionTruth } from "./test-region.js";
export type * from "./types.js";
