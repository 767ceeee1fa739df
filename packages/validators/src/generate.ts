/**
 * Build-time entry (`dist/generate.js`, not in the package's exports): what the scripts that write the committed
 * data files need — rules.json and the conformance suite.
 */
export { buildRulesDocument, formatJsonDocument, RULES_FILES, RULES_SCHEMA_ID } from "./rules-document.js";
export {
  buildConformanceSuite,
  checkCase,
  CONFORMANCE_TODAY,
  type CaseInput,
  type ConformanceCase,
  type ConformanceFailure,
  type ConformanceManifest,
} from "./conformance.js";
