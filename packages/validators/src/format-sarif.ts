/**
 * SARIF 2.1.0 output: tool.driver.rules from the catalog, one result per finding, JSON Pointers as logical locations,
 * and, when the caller knows them (the CLI parses the file), the line and column of each finding's value.
 */
import type * as Sarif from "sarif";
import type { FormatOptions, ReportItem } from "./format-text.js";
import { TOOL_NAME } from "./format-data.js";
import { pointerLabel } from "./labels.js";
import { RULES } from "./rules.js";
import type { Diagnostic, Severity } from "./types.js";
import { VERSION } from "./version.js";

/**
 * A region of the report file (SARIF §3.30): 1-based lines and columns, columns counted in Unicode code points
 * (the run's `columnKind`), `endColumn` the column just after the last character.
 */
export interface SarifRegion {
  startLine: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

/**
 * One validated report for {@link formatSarif}: a {@link ReportItem} and, optionally, where each JSON Pointer's value
 * is in the file (`regions["/meta/year"]`). Without regions the results carry the file and the pointers only.
 */
export interface SarifReportItem extends ReportItem {
  /** The region of the value at each JSON Pointer (`""`: the whole file, or the place of a JSON syntax error). */
  regions?: Readonly<Record<string, SarifRegion>>;
}

/** Options of {@link formatSarif} and {@link createSarifWriter}. */
export interface SarifOptions extends FormatOptions {
  /**
   * `run.automationDetails.id` (SARIF §3.17.3): `category/instance`, e.g. `xxgk/validate/2026-12-03T20:00:00Z`.
   * Default: `xxgk/validate/` (the category alone).
   */
  automationId?: string;
  /**
   * The directory relative file names are relative to (an absolute path or a `file://` URI), declared as the
   * `%SRCROOT%` base of `originalUriBaseIds`; relative artifact URIs then name `uriBaseId: "%SRCROOT%"`.
   */
  srcRoot?: string;
  /** Rules reported besides the catalog's, listed after them in `tool.driver.rules`. */
  extraRules?: readonly SarifExtraRule[];
}

/**
 * A rule the caller reports besides the catalog's (the CLI's `JSON-SYNTAX`, `JSON-DUPLICATE-KEY`, `READ-ERROR`), so
 * that every result's rule is described in `tool.driver.rules`.
 */
export interface SarifExtraRule {
  id: string;
  /** A Pascal-case name, different from the id (`JsonSyntax`). */
  name: string;
  /** One sentence in each language. */
  title: { zh: string; en: string };
  /** What to do about it, in each language. */
  help: { zh: string; en: string };
  /** Level of its results. */
  level: "error" | "warning" | "note";
}

/** The `uriBaseId` of relative file names (SARIF §3.4.4); GitHub code scanning resolves it to the checkout. */
export const SRCROOT = "%SRCROOT%";

/** Where the rule documentation lives; each rule links to its anchor. */
export const RULES_DOC_URL = "https://github.com/xxgk/xxgk/blob/main/docs/rules.md";

const LEVEL: Readonly<Record<Severity, Sarif.Result.level>> = { error: "error", warning: "warning", info: "note" };

function driverRules(lang: "zh" | "en", extra: readonly SarifExtraRule[]): Sarif.ReportingDescriptor[] {
  const extraRules = extra.map((rule) => ({
    id: rule.id,
    name: rule.name,
    shortDescription: { text: rule.title[lang] },
    fullDescription: { text: rule.help[lang] },
    defaultConfiguration: { level: rule.level },
    help: { text: rule.help[lang] },
  }));
  return RULES.map((rule): Sarif.ReportingDescriptor => ({
    id: rule.id,
    // The catalog's Pascal-case name: SARIF wants a name that says more than the id (the Multitool's SARIF1001).
    name: rule.name,
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
  })).concat(extraRules);
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

/** True when the artifact URI is relative (a file name given relative to the working directory). */
function isRelativeUri(uri: string): boolean {
  return !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri);
}

/** A directory as an absolute `file://` URI ending with `/` (what `originalUriBaseIds` requires). */
function directoryUri(directory: string): string {
  const uri = artifactUri(directory) ?? "";
  return uri.endsWith("/") ? uri : `${uri}/`;
}

/** A region with only the properties that are set, in SARIF's order. */
function regionOf(region: SarifRegion): Sarif.Region {
  return {
    startLine: region.startLine,
    ...(region.startColumn !== undefined ? { startColumn: region.startColumn } : {}),
    ...(region.endLine !== undefined ? { endLine: region.endLine } : {}),
    ...(region.endColumn !== undefined ? { endColumn: region.endColumn } : {}),
  };
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
  add(item: SarifReportItem): string;
  /** The end of the results array, the artifacts, and the end of the log. */
  end(): string;
}

const RESULTS_PLACEHOLDER = "\u0000xxgk-results\u0000";

/** Indents every line but the first of a multi-line JSON text. */
function indent(text: string, spaces: number): string {
  return text.replace(/\n/g, `\n${" ".repeat(spaces)}`);
}

/** Creates a {@link SarifWriter}; see {@link formatSarif} for what the log contains. */
export function createSarifWriter(options: SarifOptions = {}): SarifWriter {
  const lang = options.lang === "en" ? "en" : "zh";
  const srcRoot = options.srcRoot === undefined ? undefined : directoryUri(options.srcRoot);
  const extraRules = (options.extraRules ?? []).filter((rule) => !RULES.some((known) => known.id === rule.id));
  const ruleIndex = new Map([...RULES, ...extraRules].map((rule, index) => [rule.id, index]));
  const artifacts: Sarif.Artifact[] = [];
  const artifactIndex = new Map<string, number>();
  let written = 0;
  let tail = "";

  const toResult = (diagnostic: Diagnostic, file: string | undefined, regions: SarifReportItem["regions"], parent?: Diagnostic): Sarif.Result => {
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
    const physical = (pointer: string | undefined): Sarif.PhysicalLocation | undefined => {
      if (uri === undefined) return undefined;
      let index = artifactIndex.get(uri);
      const base = srcRoot !== undefined && isRelativeUri(uri) ? { uriBaseId: SRCROOT } : {};
      if (index === undefined) {
        index = artifacts.length;
        // The roles say why the file is listed: it was checked (the Multitool's SARIF2004 asks for more than a location).
        artifacts.push({ location: { uri, ...base }, roles: ["analysisTarget"] });
        artifactIndex.set(uri, index);
      }
      const region = pointer === undefined ? undefined : regions?.[pointer];
      return { artifactLocation: { uri, ...base, index }, ...(region ? { region: regionOf(region) } : {}) };
    };
    const primaryPhysical = physical(primaryPointer ?? "");
    if (primaryPhysical) location.physicalLocation = primaryPhysical;
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
          ...(uri !== undefined ? { physicalLocation: physical(pinpoint.pointer)! } : {}),
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
                fullName: `${TOOL_NAME} ${VERSION}`,
                version: VERSION,
                semanticVersion: VERSION,
                informationUri: RULES_DOC_URL,
                rules: driverRules(lang, extraRules),
              },
            },
            automationDetails: { id: options.automationId ?? "xxgk/validate/" },
            ...(srcRoot !== undefined ? { originalUriBaseIds: { [SRCROOT]: { uri: srcRoot } } } : {}),
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
        text += piece(toResult(diagnostic, item.file, item.regions));
        for (const related of diagnostic.related ?? []) text += piece(toResult(related, item.file, item.regions, diagnostic));
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
 * JSON Pointer as a logical location (`fullyQualifiedName`, named by its label in the output language). When an
 * item has `regions`, each physical location (and the related location of a pinpointed cell) carries the region of
 * its pointer's value in the file; the library cannot know them without the file's text, so they are optional.
 * `run.automationDetails.id` and `%SRCROOT%` come from {@link SarifOptions}.
 * Follow-on failures of a pinpointed cell are results of their own, pointing at the pinpointed cell.
 * For a batch too large to hold in memory, write the same log piece by piece with {@link createSarifWriter}.
 */
export function formatSarif(items: readonly SarifReportItem[], options: SarifOptions = {}): string {
  const writer = createSarifWriter(options);
  let text = writer.start();
  for (const item of items) text += writer.add(item);
  return text + writer.end();
}
