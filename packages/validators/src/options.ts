/**
 * Checking the `rules` and `profile` options against the catalog's rule ids. No imports of the catalog: the ids are
 * passed in, so the catalog (rule OPTIONS) and the public `checkRuleOptions` can both use it.
 */
import type { RuleOptionProblem } from "./types.js";

const SEVERITIES: ReadonlySet<unknown> = new Set(["error", "warning", "info", "off"]);

function shown(value: unknown): string {
  if (typeof value === "string") return value.length > 40 ? `${value.slice(0, 40)}…` : value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function canonical(id: string): string {
  return id.trim().toUpperCase().replace(/_/g, "-");
}

/** The problems of `rules` and `profile` given the valid rule ids; empty when both are fine (or absent). */
export function optionProblems(rules: unknown, profile: unknown, ids: readonly string[]): RuleOptionProblem[] {
  const problems: RuleOptionProblem[] = [];
  // Profile names are read in any case (`AUDIT`), as the CLI reads `--profile AUDIT`.
  const profileName = typeof profile === "string" ? profile.toLowerCase() : profile;
  if (profile !== undefined && profileName !== "publish" && profileName !== "audit") {
    problems.push({
      kind: "invalid-profile",
      value: profile,
      message: `检查档“${shown(profile)}”无效（可用 publish、audit）`,
      messageEn: `the profile “${shown(profile)}” is not valid (use publish or audit)`,
    });
  }
  if (rules === undefined || rules === null) return problems;
  if (typeof rules !== "object" || Array.isArray(rules)) {
    problems.push({
      kind: "rules-not-object",
      value: rules,
      message: `应为“规则: 级别”的对象，实为${typeof rules === "string" ? `“${shown(rules)}”` : ` ${shown(rules)}`}`,
      messageEn: `expected an object of rule: severity, got ${typeof rules === "string" ? JSON.stringify(shown(rules)) : shown(rules)}`,
    });
    return problems;
  }
  const known = new Set(ids);
  const byCanonical = new Map(ids.map((id) => [canonical(id), id]));
  for (const [rule, severity] of Object.entries(rules as Record<string, unknown>)) {
    if (!known.has(rule)) {
      const suggestion = byCanonical.get(canonical(rule));
      const problem: RuleOptionProblem = {
        kind: "unknown-rule",
        rule,
        value: severity,
        message: `未知规则“${shown(rule)}”${suggestion ? `（是否指 ${suggestion}？）` : ""}`,
        messageEn: `unknown rule “${shown(rule)}”${suggestion ? ` (did you mean ${suggestion}?)` : ""}`,
      };
      if (suggestion) problem.suggestion = suggestion;
      problems.push(problem);
    } else if (!SEVERITIES.has(severity)) {
      problems.push({
        kind: "invalid-severity",
        rule,
        value: severity,
        message: `规则 ${rule} 的级别“${shown(severity)}”无效（可用 error、warning、info、off）`,
        messageEn: `the severity “${shown(severity)}” of rule ${rule} is not valid (use error, warning, info or off)`,
      });
    }
  }
  return problems;
}
