/**
 * Stable fingerprints of findings, as SARIF's `partialFingerprints`: a hash of what identifies a finding (rule, body,
 * year, where), never of its figures or wording, so a reviewer's decision survives re-runs and corrections.
 */
import { bodyKey } from "./define.js";

function fnv1a(text: string, seed: number): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * The fingerprint (16 hex digits) of a finding of `ruleId` about `body` in `year`, located by `where` (a section,
 * cells, another body). Two 32-bit FNV-1a hashes with different seeds: no Node built-in, so it runs in browsers.
 */
export function findingFingerprint(ruleId: string, body: string, year: number | null, where: readonly string[]): string {
  const key = [ruleId, bodyKey(body), year === null ? "" : String(year), ...where].join("\u0000");
  const high = fnv1a(key, 0x811c9dc5);
  const low = fnv1a(key, 0x01000193 ^ 0x5bd1e995);
  return high.toString(16).padStart(8, "0") + low.toString(16).padStart(8, "0");
}
