/**
 * Pinpointing: which cell of the report most likely holds the error behind failed arithmetic identities, and the value
 * to put there — offered only when it repairs.
 *
 * A cell *repairs* when changing it to one value makes every identity it takes part in hold: all of R1–R4 (whatever
 * rules the caller turned off) and, with last year's report, X1. So each identity containing the cell must fail by the
 * same amount, none may hold already (a change would break it), and the new value must be valid for the cell (a
 * non-negative safe integer for a count). An identity that cannot be evaluated (a blank or invalid operand) neither
 * supports nor refutes a cell, but a value that it might break is not offered.
 *
 * For each failed identity, among the cells that repair it the most convincing is the one that repairs the most failed
 * identities (one error explaining two failures beats two errors). That cell is the pinpoint, with its value, when it
 * is the only one at that rank and nothing about it is unverified; its follow-on failures are grouped under it.
 * Otherwise the failure names its candidate cells without a value ({@link Diagnostic.candidates}). When no cell
 * repairs, nothing is suggested: at least two cells are wrong, and no single figure would fix the table.
 */
import { CellStatus, diagnosticCell, isValidCellValue, statedValue, type CellValues } from "./cell-values.js";
import type { Emitted, IdentityResult } from "./engine.js";
import { singleReportIdentities, type Identity, type IdentityTerm } from "./identities.js";
import type { Diagnostic, Severity } from "./types.js";

/** Candidates are named only up to this many: beyond it they narrow nothing down. */
export const MAX_CANDIDATES = 5;

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1 };

/** An identity with its outcome: the engine's result, or evaluated here for a rule the caller turned off. */
interface Evaluation {
  readonly identity: Identity;
  readonly outcome: "pass" | "fail" | "not-assessable";
  /** stated − expected (fail and pass only). */
  readonly residual: number;
  /** The engine's result, for the identities it reported on. */
  readonly result?: IdentityResult;
}

/** A cell whose change to one value makes every identity it takes part in hold. */
interface Repair {
  readonly index: number;
  readonly suggested: number;
  /** The failed identities the change repairs. */
  readonly repairs: readonly Evaluation[];
  /** True when an identity the cell takes part in cannot be evaluated: the change cannot be shown to keep it. */
  readonly unverified: boolean;
}

/** What pinpointing says about one failed identity. */
type Explanation =
  | { readonly kind: "pinpoint"; readonly repair: Repair }
  | { readonly kind: "candidates"; readonly repairs: readonly Repair[] };

function evaluate(identity: Identity, values: CellValues): Evaluation {
  // Only for identities of rules turned off (rare): exact, in bigint.
  let residual = 0n;
  for (const [terms, side] of [
    [identity.stated, 1n],
    [identity.expected, -1n],
  ] as const) {
    for (const term of terms) {
      const value = values.values[term.index]!;
      if (term.previous || values.status[term.index] !== CellStatus.Ok || !Number.isInteger(value))
        return { identity, outcome: "not-assessable", residual: 0 };
      residual += side * BigInt(term.sign) * BigInt(value);
    }
  }
  return { identity, outcome: residual === 0n ? "pass" : "fail", residual: Number(residual) };
}

function currentTerms(identity: Identity): IdentityTerm[] {
  return [...identity.stated, ...identity.expected].filter((term) => !term.previous);
}

/** The explanation of every failed identity the engine reported, keyed by its result. */
export function explain(results: readonly IdentityResult[], values: CellValues): Map<IdentityResult, Explanation> {
  const evaluations = new Map<Identity, Evaluation>();
  for (const result of results) evaluations.set(result.identity, { ...result, result });
  for (const identity of singleReportIdentities(values.table.edition))
    if (!evaluations.has(identity)) evaluations.set(identity, evaluate(identity, values));

  // Every identity each cell of this year's report takes part in, with the cell's coefficient (+1 or −1) in
  // stated − expected.
  const memberships = new Map<number, { evaluation: Evaluation; coefficient: number }[]>();
  for (const evaluation of evaluations.values()) {
    for (const [terms, side] of [
      [evaluation.identity.stated, 1],
      [evaluation.identity.expected, -1],
    ] as const) {
      for (const term of terms) {
        if (term.previous) continue;
        const item = { evaluation, coefficient: side * term.sign };
        const list = memberships.get(term.index);
        if (list) list.push(item);
        else memberships.set(term.index, [item]);
      }
    }
  }

  const memo = new Map<number, Repair | null>();
  const repairAt = (index: number): Repair | null => {
    const known = memo.get(index);
    if (known !== undefined) return known;
    let delta: number | undefined;
    let unverified = false;
    const repairs: Evaluation[] = [];
    let repair: Repair | null = null;
    let valid = values.status[index] === CellStatus.Ok;
    for (const { evaluation, coefficient } of memberships.get(index) ?? []) {
      if (!valid) break;
      if (evaluation.outcome === "not-assessable") unverified = true;
      else if (evaluation.outcome === "pass") valid = false; // any change breaks it
      else {
        // stated − expected changes by coefficient × change: it vanishes for change = −residual × coefficient.
        const needed = -evaluation.residual * coefficient;
        if (!Number.isSafeInteger(needed) || (delta !== undefined && delta !== needed)) valid = false;
        delta = needed;
        repairs.push(evaluation);
      }
    }
    if (valid && delta !== undefined) {
      const suggested = values.values[index]! + delta;
      if (Number.isSafeInteger(suggested) && isValidCellValue(values.table.cells[index]!.kind, suggested))
        repair = { index, suggested, repairs, unverified };
    }
    memo.set(index, repair);
    return repair;
  };

  // The most convincing repairs of each failed identity: those that repair the most failures.
  const best = new Map<Evaluation, { top: Repair[] }>();
  for (const evaluation of evaluations.values()) {
    if (evaluation.outcome !== "fail") continue;
    const all = currentTerms(evaluation.identity)
      .map((term) => repairAt(term.index))
      .filter((repair): repair is Repair => repair !== null);
    const most = Math.max(0, ...all.map((repair) => repair.repairs.length));
    best.set(evaluation, { top: all.filter((repair) => repair.repairs.length === most) });
  }
  const soleBest = (evaluation: Evaluation): Repair | undefined => {
    const top = best.get(evaluation)?.top;
    return top?.length === 1 && !top[0]!.unverified ? top[0] : undefined;
  };

  const explanations = new Map<IdentityResult, Explanation>();
  for (const [evaluation, { top }] of best) {
    if (!evaluation.result || top.length === 0) continue;
    const sole = soleBest(evaluation);
    if (sole) {
      // A pinpoint must be the best explanation of every failure it repairs, or grouping them under it would mislead
      // (another cell repairing more of them is as likely); then neither is singled out.
      if (sole.repairs.every((other) => soleBest(other) === sole))
        explanations.set(evaluation.result, { kind: "pinpoint", repair: sole });
    } else if (top.length <= MAX_CANDIDATES) explanations.set(evaluation.result, { kind: "candidates", repairs: top });
  }
  return explanations;
}

function candidateText(repairs: readonly Repair[], values: CellValues): { zh: string; en: string } {
  const stated = (repair: Repair) => statedValue(values, repair.index) ?? null;
  const zhList = repairs.map((repair) => `${values.table.cells[repair.index]!.label}（填报 ${stated(repair)}）`).join("、");
  const en = repairs.map((repair) => `${values.table.labelsEn[repair.index]!} (states ${stated(repair)})`);
  if (repairs.length > 1)
    return {
      zh: `可能有误的单元格：${zhList}之一；无法确定是哪一个，故不给出建议值。`,
      en: ` Likely faulty cell: ${
        en.length === 2 ? `either ${en[0]} or ${en[1]};` : `one of ${en.join("; ")} —`
      } which one cannot be told, so no value is suggested.`,
    };
  return {
    zh: `可能有误的单元格：${zhList}；它所在的另一项勾稽关系因空白或无效单元格无法核验，故不给出建议值。`,
    en: ` Likely faulty cell: ${en[0]}; no value is suggested because another identity it takes part in cannot be checked (a blank or invalid cell).`,
  };
}

/**
 * Puts pinpointed failures under one diagnostic, keeping the order otherwise, and names the candidate cells of the
 * failures that have no pinpoint. The group sits at the place of its first failure in report order and is led by its
 * most severe member (the first of them among equals), which keeps its own rule's severity — so the leader's severity
 * is the group's, and counts and `ok` follow it.
 */
export function group(emitted: readonly Emitted[], results: readonly IdentityResult[], values: CellValues | undefined): Diagnostic[] {
  if (!values || !results.some((result) => result.outcome === "fail")) return emitted.map((item) => item.diagnostic);
  const explanations = explain(results, values);
  if (explanations.size === 0) return emitted.map((item) => item.diagnostic);
  const diagnosticOf = new Map<IdentityResult, Diagnostic>();
  for (const item of emitted) if (item.result) diagnosticOf.set(item.result, item.diagnostic);
  const explainedBy = (repair: Repair) => new Set(repair.repairs.flatMap((evaluation) => (evaluation.result ? [evaluation.result] : [])));
  const consumed = new Set<IdentityResult>();
  const output: Diagnostic[] = [];
  for (const item of emitted) {
    const result = item.result;
    if (!result) {
      output.push(item.diagnostic);
      continue;
    }
    if (consumed.has(result)) continue;
    const explanation = explanations.get(result);
    if (!explanation) {
      output.push(item.diagnostic);
      continue;
    }
    if (explanation.kind === "candidates") {
      const text = candidateText(explanation.repairs, values);
      output.push({
        ...item.diagnostic,
        message: `${item.diagnostic.message}${text.zh}`,
        messageEn: `${item.diagnostic.messageEn}${text.en}`,
        candidates: explanation.repairs.map((repair) => diagnosticCell(values, repair.index)),
      });
      continue;
    }
    const candidate = explanation.repair;
    const explains = explainedBy(candidate);
    const members = emitted
      .filter((other) => other.result && explains.has(other.result) && !consumed.has(other.result))
      .map((other) => diagnosticOf.get(other.result!)!);
    for (const member of emitted) if (member.result && explains.has(member.result)) consumed.add(member.result);
    const leader = members.reduce((worst, next) => (SEVERITY_RANK[next.severity] > SEVERITY_RANK[worst.severity] ? next : worst));
    const rest = members.filter((member) => member !== leader);
    const info = values.table.cells[candidate.index]!;
    const labelEn = values.table.labelsEn[candidate.index]!;
    const stated = statedValue(values, candidate.index) ?? null;
    const count = members.length;
    const grouped: Diagnostic = {
      ...leader,
      message: `${leader.message}可能有误的单元格：${info.label}（填报 ${stated}）；若改为 ${candidate.suggested}，${
        count > 1 ? `以下 ${count} 项勾稽关系均可成立` : "此项勾稽关系即可成立，且不影响其他已成立的关系"
      }。`,
      messageEn: `${leader.messageEn} Likely faulty cell: ${labelEn} (states ${stated}); changing it to ${candidate.suggested} would satisfy ${
        count > 1 ? `all ${count} failed identities` : "this identity without breaking any other"
      }.`,
      pinpoint: { pointer: info.pointer, label: info.label, labelEn, stated, suggested: candidate.suggested },
    };
    if (rest.length > 0) grouped.related = rest;
    output.push(grouped);
  }
  return output;
}
