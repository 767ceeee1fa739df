/**
 * The rule catalog as one JSON document (`rules.json`), for implementations in other languages: every rule's
 * metadata, how it is evaluated, and for the arithmetic rules the identities themselves as data — which cells, by
 * JSON Pointer, are summed with which sign and compared. Generated from the catalog by
 * `scripts/generate-rules-json.mjs`; a test fails when the committed file drifts. Internal: reached through the
 * `generate` build entry, not the package's exports (consumers read the JSON file).
 */
import { EDITIONS, JSON_SCHEMA_BASE, JSON_SCHEMA_VERSION, type CellKind, type Edition, type Report } from "@xxgk/schema/layout";
import { CATALOG, type CatalogEntry } from "./catalog.js";
import { cellTable, readCellValues } from "./cell-values.js";
import type { DocumentView, RuleContext } from "./context.js";
import type { Identity, IdentityTerm } from "./identities.js";
import { sampleReport } from "./sample.js";
import type { Bilingual, RuleDefinition } from "./types.js";

/** File name of the rules document inside the package, and of its JSON Schema. */
export const RULES_FILES = { rules: "rules.json", schema: "rules.schema.json" } as const;

/** `$id` of the JSON Schema of rules.json (the `$schema` of rules.json). */
export const RULES_SCHEMA_ID = `${JSON_SCHEMA_BASE}${RULES_FILES.schema}`;

/**
 * How an implementation evaluates a rule:
 * - `schema`: the report JSON Schema decides (any schema error fails the rule);
 * - `cell-values`: every cell of the edition's cell list that is present and not null must be a JSON number valid
 *   for its kind (`count`: integer ≥ 0; `signedCount`: integer; `amount`: number ≥ 0);
 * - `blank-cells`: every cell of the cell list that is null fails (blank is not zero);
 * - `identities`: the `identities` listed with the rule;
 * - `procedure`: a check described by the rule's reference and rationale, implemented in each language.
 */
export type RuleEvaluation = "schema" | "cell-values" | "blank-cells" | "identities" | "procedure";

/** One operand of an identity: a cell and its sign. */
export interface RulesDocumentTerm {
  pointer: string;
  sign: 1 | -1;
  /** `previous`: the cell of last year's report (cross-year rules). */
  document?: "previous";
}

/** One identity: Σ stated = Σ expected. */
export interface RulesDocumentIdentity {
  /** Edition of the report being checked. */
  edition: Edition;
  /** Edition of last year's report (cross-year rules only). */
  previousEdition?: Edition;
  /** The cell a failure is reported on. */
  subject: string;
  stated: RulesDocumentTerm[];
  expected: RulesDocumentTerm[];
  /** Values of the message's placeholders other than stated, expected and difference. */
  params: { zh: Record<string, string>; en: Record<string, string> };
}

/** A cell of an edition's tables. */
export interface RulesDocumentCell {
  pointer: string;
  kind: CellKind;
  label: Bilingual;
}

/** A rule in rules.json. */
export interface RulesDocumentRule extends Omit<RuleDefinition, "editions" | "examples"> {
  editions: Edition[];
  evaluation: RuleEvaluation;
  identities?: RulesDocumentIdentity[];
  examples: RuleDefinition["examples"];
}

/** The whole of rules.json. */
export interface RulesDocument {
  $schema: string;
  /** Version of the JSON contract (the same as the report JSON Schemas' `$id`s carry). */
  contractVersion: number;
  /** Every numeric cell of each edition, in reading order, with its kind and labels. */
  cells: Record<Edition, RulesDocumentCell[]>;
  rules: RulesDocumentRule[];
}

const CELL_RULES: Readonly<Record<string, RuleEvaluation>> = { "CELL-VALUE": "cell-values", "BLANK-CELL": "blank-cells" };

function evaluationOf(entry: CatalogEntry): RuleEvaluation {
  if (entry.evaluator.kind === "schema") return "schema";
  if (entry.evaluator.kind === "identity") return "identities";
  return CELL_RULES[entry.id] ?? "procedure";
}

function documentView(report: Report): DocumentView {
  const record = report as unknown as Record<string, unknown>;
  return {
    input: report,
    record,
    meta: report.meta as unknown as Record<string, unknown>,
    edition: report.edition,
    values: readCellValues(report, report.edition),
  };
}

/** A context in which every identity of the rule applies: sample reports of the editions, consecutive years. */
function contextFor(edition: Edition, previousEdition: Edition | undefined): RuleContext {
  const report = sampleReport(edition);
  let previous: Report | undefined;
  if (previousEdition) {
    previous = sampleReport(previousEdition, { previous: true });
    previous.meta.year = report.meta.year - 1;
  }
  return {
    document: documentView(report),
    report,
    previous: previous ? documentView(previous) : undefined,
    previousStructureValid: previous !== undefined,
    profile: "publish",
    today: new Date(Date.UTC(report.meta.year + 2, 0, 1)),
    options: { rules: undefined, profile: undefined, today: undefined },
    ruleIds: CATALOG.map((entry) => entry.id),
  };
}

function termsOf(terms: readonly IdentityTerm[], edition: Edition, previousEdition: Edition | undefined): RulesDocumentTerm[] {
  return terms.map((term) => {
    const table = cellTable(term.previous ? previousEdition! : edition);
    const out: RulesDocumentTerm = { pointer: table.cells[term.index]!.pointer, sign: term.sign };
    if (term.previous) out.document = "previous";
    return out;
  });
}

function identitiesOf(entry: CatalogEntry): RulesDocumentIdentity[] {
  if (entry.evaluator.kind !== "identity") return [];
  const out: RulesDocumentIdentity[] = [];
  for (const edition of entry.editions) {
    for (const previousEdition of entry.crossYear ? EDITIONS : [undefined]) {
      const found = entry.evaluator.identities(contextFor(edition, previousEdition));
      if (!Array.isArray(found)) continue;
      for (const identity of found as readonly Identity[]) {
        out.push({
          edition,
          ...(previousEdition ? { previousEdition } : {}),
          subject: cellTable(edition).cells[identity.subject]!.pointer,
          stated: termsOf(identity.stated, edition, previousEdition),
          expected: termsOf(identity.expected, edition, previousEdition),
          params: { zh: { ...identity.params }, en: { ...identity.paramsEn } },
        });
      }
    }
  }
  return out;
}

/** The rules document, from the catalog (every rule, in catalog order) and the layout. */
export function buildRulesDocument(): RulesDocument {
  const cells = {} as Record<Edition, RulesDocumentCell[]>;
  for (const edition of EDITIONS) {
    const table = cellTable(edition);
    cells[edition] = table.cells.map((cell, index) => ({
      pointer: cell.pointer,
      kind: cell.kind,
      label: { zh: cell.label, en: table.labelsEn[index]! },
    }));
  }
  const rules = CATALOG.map((entry): RulesDocumentRule => {
    const { evaluator: _evaluator, examples, editions, ...definition } = entry;
    const rule: RulesDocumentRule = {
      ...structuredClone(definition),
      editions: [...editions],
      evaluation: evaluationOf(entry),
      examples: structuredClone(examples) as RuleDefinition["examples"],
    };
    if (rule.evaluation === "identities") rule.identities = identitiesOf(entry);
    return rule;
  });
  return { $schema: RULES_SCHEMA_ID, contractVersion: JSON_SCHEMA_VERSION, cells, rules };
}

/**
 * JSON text with two-space indentation, except that arrays and objects holding only scalars are written on one line
 * when short: rules.json has thousands of identity terms, one line each.
 */
export function formatJsonDocument(value: unknown): string {
  const write = (node: unknown, indent: string): string => {
    if (node === null || typeof node !== "object") return JSON.stringify(node);
    const inner = `${indent}  `;
    const entries = Array.isArray(node)
      ? node.map((item) => write(item, inner))
      : Object.entries(node as Record<string, unknown>)
          .filter(([, item]) => item !== undefined)
          .map(([key, item]) => `${JSON.stringify(key)}: ${write(item, inner)}`);
    const [open, close] = Array.isArray(node) ? ["[", "]"] : ["{", "}"];
    if (entries.length === 0) return `${open}${close}`;
    const flat = Object.values(node as object).every((item) => item === null || typeof item !== "object");
    const line = `${open}${entries.join(", ")}${close}`;
    if (flat && line.length + indent.length <= 120) return line;
    return `${open}\n${inner}${entries.join(`,\n${inner}`)}\n${indent}${close}`;
  };
  return `${write(value, "")}\n`;
}
