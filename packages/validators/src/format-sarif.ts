/**
 * SARIF 2.1.0 output: tool.driver.rules from the catalog, one result per finding, JSON Pointers as logical locations.
 */
import type * as Sarif from "sarif";
import type { FormatOptions, ReportItem } from "./format-text.js";
import { TOOL_NAME } from "./format-data.js";
import { pointerLabel } from "./labels.js";
import { RULES } from "./rules.js";
import type { Diagnostic, Severity } from "./types.js";
import { VERSION } from "./version.js";

/** Where the rule documentation lives; each rule links to its anchor. */
export const RULES_DOC_URL = "https://github.com/xxgk/xxgk/blob/main/docs/rules.md";

const LEVEL: Readonly<Record<Severity, Sarif.Result.level>> = { error: "error", warning: "warning", info: "note" };

function ruleName(id: string): string {
  return id
    .toLowerCase()
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

function driverRules(lang: "zh" | "en"): Sarif.ReportingDescriptor[] {
  return RULES.map((rule) => ({
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.title[lang] },
    fullDescription: { text: rule.rationale[lang] },
    // No messageStrings: SARIF's use {0}-style arguments, the catalog's templates {name}; results carry full text.
    defaultConfiguration: { level: LEVEL[rule.severity.publish] },
    helpUri: `${RULES_DOC_URL}#${rule.id.toLowerCase()}`,
    help: { text: `${rule.reference[lang]}\n\n${rule.rationale[lang]}` },
    properties: {
      tags: [...new Set([rule.basis, ...(rule.crossYear ? ["cross-year"] : []), ...(rule.pinpoints ? ["pinpoints"] : [])])],
      basis: rule.basis,
      editions: [...rule.editions],
      severityByProfile: { ...rule.severity },
      pinpoints: rule.pinpoints,
    },
  }));
}

function logical(pointer: string, label: string): Sarif.LogicalLocation {
  return { name: label, fullyQualifiedName: pointer, kind: "object" };
}

/** Names under which the reporters receive standard input: no file, so no physical location. */
const STANDARD_INPUT: ReadonlySet<string> = new Set(["", "-", "<stdin>"]);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Percent-encodes a path (forward slashes) for a URI: encodeURI, plus `#` and `?`, which it leaves alone. */
function encodePath(path: string): string {
  return encodeURI(path.replace(LONE_SURROGATE, "\uFFFD")).replace(/[#?]/g, (character) =>
    character === "#" ? "%23" : "%3F"
  );
}

/**
 * The SARIF `artifactLocation.uri` of a file name as the reporters receive it, a valid URI reference: a URI
 * (`https://…`, `file:///…`) as it is, with characters a URI cannot hold percent-encoded; an absolute path as a
 * `file://` URI (`/srv/报告 a.json` → `file:///srv/%E6%8A%A5%E5%91%8A%20a.json`, `C:\a.json` → `file:///C:/a.json`);
 * a relative path percent-encoded (backslashes as `/`, `:` as `%3A` so it cannot read as a scheme). `undefined` for
 * standard input (`-`, `<stdin>`).
 */
export function artifactUri(file: string): string | undefined {
  if (STANDARD_INPUT.has(file)) return undefined;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(file)) {
    return file
      .replace(LONE_SURROGATE, "\uFFFD")
      .replace(/%(?![0-9A-Fa-f]{2})/g, "%25")
      .replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/g, (characters) => encodeURIComponent(characters));
  }
  const path = file.replace(/\\/g, "/");
  if (/^[A-Za-z]:\//.test(path)) return `file:///${path.slice(0, 2)}${encodePath(path.slice(2))}`;
  if (path.startsWith("//")) return `file:${encodePath(path)}`;
  if (path.startsWith("/")) return `file://${encodePath(path)}`;
  return encodePath(path).replace(/:/g, "%3A");
}

/**
 * A SARIF log written piece by piece, so a batch of any size is written with bounded memory: {@link SarifWriter.start}
 * gives the opening (tool, rules), {@link SarifWriter.add} the results of one report as soon as it is checked, and
 * {@link SarifWriter.end} the closing with the `artifacts` seen. The pieces joined are exactly {@link formatSarif}'s
 * output; only the list of artifact URIs (one short entry per file with findings) is kept until the end.
 */
export interface SarifWriter {
  /** The log up to the opening of the results array. */
  start(): string;
  /** The results of one report (empty when it has no findings), with the separating comma when needed. */
  add(item: ReportItem): string;
  /** The end of the results array, the artifacts, and the end of the log. */
  end(): string;
}

const RESULTS_PLACEHOLDER = "\u0000xxgk-results\u0000";

/** Indents every line but the first of a multi-line JSON text. */
function indent(text: string, spaces: number): string {
  return text.replace(/\n/g, `\n${" ".repeat(spaces)}`);
}

/** Creates a {@link SarifWriter}; see {@link formatSarif} for what the log contains. */
export function createSarifWriter(options: FormatOptions = {}): SarifWriter {
  const lang = options.lang === "en" ? "en" : "zh";
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  let written = 0;
  let tail = "";

  const toResult = (diagnostic: Diagnostic, file: string | undefined, parent?: Diagnostic): Sarif.Result => {
    const labels = new Map(
      diagnostic.cells
        .filter((cell) => !cell.document)
        .map((cell) => [cell.pointer, lang === "en" ? cell.labelEn ?? cell.label : cell.label])
    );
    const labelOf = (pointer: string) => labels.get(pointer) ?? pointerLabel(pointer, lang);
    const pinpointLabel = (pinpoint: NonNullable<Diagnostic["pinpoint"]>) =>
      lang === "en" ? pinpoint.labelEn ?? pinpoint.label : pinpoint.label;
    const primaryPointer = diagnostic.pinpoint?.pointer ?? diagnostic.pointers[0];
    const location: Sarif.Location = {};
    if (primaryPointer !== undefined) {
      location.logicalLocations = [
        logical(primaryPointer, diagnostic.pinpoint ? pinpointLabel(diagnostic.pinpoint) : labelOf(primaryPointer)),
        ...diagnostic.pointers.filter((pointer) => pointer !== primaryPointer).map((pointer) => logical(pointer, labelOf(pointer))),
      ];
    }
    const uri = file === undefined ? undefined : artifactUri(file);
    if (uri !== undefined) {
      let index = artifactIndex.get(uri);
      if (index === undefined) {
        index = artifacts.length;
        artifacts.push({ location: { uri } });
        artifactIndex.set(uri, index);
      }
      location.physicalLocation = { artifactLocation: { uri, index } };
    }
    const result: Sarif.Result = {
      ruleId: diagnostic.ruleId,
      kind: diagnostic.outcome === "fail" ? "fail" : "open",
      level: diagnostic.outcome === "fail" ? LEVEL[diagnostic.severity] : "none",
      message: { text: lang === "en" ? diagnostic.messageEn : diagnostic.message },
      ...(location.logicalLocations || location.physicalLocation ? { locations: [location] } : {}),
      partialFingerprints: { "xxgkFinding/v1": `${diagnostic.ruleId}|${diagnostic.pointers.join(",")}` },
      properties: {
        outcome: diagnostic.outcome,
        severity: diagnostic.severity,
        ...(lang === "en" ? { messageZh: diagnostic.message } : { messageEn: diagnostic.messageEn }),
        cells: diagnostic.cells,
        ...(diagnostic.stated !== undefined ? { stated: diagnostic.stated } : {}),
        ...(diagnostic.expected !== undefined ? { expected: diagnostic.expected } : {}),
        ...(diagnostic.difference !== undefined ? { difference: diagnostic.difference } : {}),
        ...(diagnostic.pinpoint ? { pinpoint: diagnostic.pinpoint } : {}),
        ...(parent?.pinpoint ? { explainedBy: parent.pinpoint.pointer } : {}),
      },
    };
    const index = ruleIndex.get(diagnostic.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    const pinpoint = diagnostic.pinpoint ?? parent?.pinpoint;
    if (pinpoint) {
      result.relatedLocations = [
        {
          id: 0,
          message: {
            text:
              lang === "en"
                ? `likely faulty cell: states ${pinpoint.stated}, suggested ${pinpoint.suggested}`
                : `可能有误的单元格：填报 ${pinpoint.stated}，建议 ${pinpoint.suggested}`,
          },
          logicalLocations: [logical(pinpoint.pointer, pinpointLabel(pinpoint))],
          ...(location.physicalLocation ? { physicalLocation: location.physicalLocation } : {}),
        },
      ];
    }
    return result;
  };

  const piece = (result: Sarif.Result) => `${written++ === 0 ? "\n        " : ",\n        "}${indent(JSON.stringify(result, null, 2), 8)}`;

  return {
    start() {
      // The skeleton of the log, with the results (its last property) as a placeholder to split at.
      const log = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
          {
            tool: {
              driver: {
                name: TOOL_NAME,
                version: VERSION,
                semanticVersion: VERSION,
                informationUri: RULES_DOC_URL,
                rules: driverRules(lang),
              },
            },
            language: lang === "en" ? "en" : "zh-CN",
            columnKind: "unicodeCodePoints",
            results: RESULTS_PLACEHOLDER,
          },
        ],
      };
      const text = JSON.stringify(log, null, 2);
      const at = text.indexOf(JSON.stringify(RESULTS_PLACEHOLDER));
      tail = text.slice(at + JSON.stringify(RESULTS_PLACEHOLDER).length);
      return `${text.slice(0, at)}[`;
    },
    add(item) {
      let text = "";
      for (const diagnostic of item.result.diagnostics) {
        text += piece(toResult(diagnostic, item.file));
        for (const related of diagnostic.related ?? []) text += piece(toResult(related, item.file, diagnostic));
      }
      return text;
    },
    end() {
      const closing = written === 0 ? "]" : "\n      ]";
      const listed = artifacts.length > 0 ? `,\n      "artifacts": ${indent(JSON.stringify(artifacts, null, 2), 6)}` : "";
      return `${closing}${listed}${tail}\n`;
    },
  };
}

/**
 * Formats results as one SARIF 2.1.0 log with one run. Rules come from {@link RULES}; each result has the rule's
 * index, `kind` `fail` (or `open` for a rule that could not be assessed, with level `none`), the file as physical
 * location when given (as a URI reference, see {@link artifactUri}; none for standard input), and every involved
 * JSON Pointer as a logical location (`fullyQualifiedName`, named by its label in the output language).
 * Follow-on failures of a pinpointed cell are results of their own, pointing at the pinpointed cell.
 * For a batch too large to hold in memory, write the same log piece by piece with {@link createSarifWriter}.
 */
export function formatSarif(items: readonly ReportItem[], options: FormatOptions = {}): string {
  const writer = createSarifWriter(options);
  let text = writer.start();
  for (const item of items) text += writer.add(item);
  return text + writer.end();
}
