/**
 * Imports every corpus text and compares it with its hand-written golden report, cell by cell and section by
 * section. Shared by the acceptance test and the table in docs/importer.md (which a test keeps current).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { cellsOf, readCell, type Report } from "@xxgk/schema";
import { importReport, type ImportResult } from "../src/index.js";

export const CORPUS = fileURLToPath(new URL("fixtures/corpus/", import.meta.url));
export const GOLDEN = fileURLToPath(new URL("fixtures/golden/", import.meta.url));

/** The corpus header (`source:` … `---`) belongs to the corpus, not to the report: the test strips it. */
export function reportText(file: string): string {
  const text = readFileSync(`${CORPUS}${file}`, "utf8");
  const end = text.indexOf("\n---\n");
  return end >= 0 ? text.slice(end + 5) : text;
}

const PROSE_SECTIONS = ["preamble", "overview", "problemsAndImprovements", "otherMatters"] as const;

/** Prose compared with whitespace and punctuation removed: what matters is the wording, not where lines broke. */
export function proseKey(prose: unknown): string {
  if (!prose || typeof prose !== "object") return "";
  const section = prose as { paragraphs?: string[]; parts?: { title: string; paragraphs: string[] }[] };
  return [...(section.paragraphs ?? []), ...(section.parts ?? []).flatMap((part) => [part.title, ...part.paragraphs])]
    .join("")
    .replace(/[\s\p{P}]/gu, "");
}

export interface CorpusResult {
  readonly file: string;
  readonly result: ImportResult;
  readonly golden?: Report;
  /** Cells whose imported value equals the golden's (a number, or null where the golden is blank). */
  readonly right: number;
  /** Cells of the golden's layout. */
  readonly present: number;
  /** Cells read or inferred with a value other than the golden's: invented or misplaced figures. */
  readonly wrong: readonly string[];
  /** Cells left unread (unreadable or absent). */
  readonly unread: number;
  /** Prose sections equal to the golden's (after removing whitespace and punctuation). */
  readonly proseRight: readonly string[];
  readonly proseWrong: readonly string[];
}

export async function corpusResults(): Promise<CorpusResult[]> {
  const files = [
    ...readdirSync(CORPUS).filter((name) => name.endsWith(".txt")),
    ...readdirSync(`${CORPUS}pdf`).map((name) => `pdf/${name}`),
    ...readdirSync(`${CORPUS}html`).map((name) => `html/${name}`),
  ].filter((name) => /\.(txt|pdf|html)$/u.test(name));
  const out: CorpusResult[] = [];
  for (const file of files) {
    const stem = file.replace(/^(pdf|html)\//u, "").replace(/\.(txt|pdf|html)$/u, "");
    // Texts lose the corpus header; PDFs and web pages are imported from their bytes, as published.
    const input = file.endsWith(".txt") ? reportText(file) : new Uint8Array(readFileSync(`${CORPUS}${file}`));
    const result = await importReport(input, { fileName: file.replace(/^.*\//u, "") });
    const goldenPath = `${GOLDEN}${stem}.json`;
    if (!existsSync(goldenPath) || !result.report) {
      out.push({ file, result, right: 0, present: 0, wrong: [], unread: 0, proseRight: [], proseWrong: [] });
      continue;
    }
    const golden = JSON.parse(readFileSync(goldenPath, "utf8")) as Report;
    let right = 0;
    let unread = 0;
    const wrong: string[] = [];
    const cells = cellsOf(golden.edition);
    for (const cell of cells) {
      const expected = readCell(golden, cell);
      const how = result.provenance[cell.pointer]?.how;
      if (result.report.edition !== golden.edition || how === undefined) {
        wrong.push(cell.pointer);
        continue;
      }
      if (how === "unreadable" || how === "absent") {
        unread += 1;
        continue;
      }
      const actual = readCell(result.report, cell);
      if (actual === expected) right += 1;
      else wrong.push(cell.pointer);
    }
    const proseRight: string[] = [];
    const proseWrong: string[] = [];
    for (const section of PROSE_SECTIONS) {
      const expected = proseKey((golden as unknown as Record<string, unknown>)[section]);
      const actual = proseKey((result.report as unknown as Record<string, unknown>)[section]);
      (expected === actual ? proseRight : proseWrong).push(section);
    }
    out.push({ file, result, golden, right, present: cells.length, wrong, unread, proseRight, proseWrong });
  }
  return out;
}

const escapeCell = (text: string) => text.replace(/\|/gu, "\\|").replace(/\n/gu, " ");

/** The Markdown table and finding lists of docs/importer.md's corpus section. */
export function renderCorpusSection(results: readonly CorpusResult[]): string {
  const lines: string[] = [
    "| file | status | edition | cells right / present | inferred | unread | wrong | prose sections right |",
    "|---|---|---|---|---|---|---|---|",
  ];
  for (const item of results) {
    const { result } = item;
    const prose = item.golden ? `${item.proseRight.length} / ${item.proseRight.length + item.proseWrong.length}` : "—";
    lines.push(
      `| \`${item.file}\` | ${result.status} | ${result.report?.edition ?? "—"} | ${item.golden ? `${item.right} / ${item.present}` : "no golden"} | ${result.counts.inferred} | ${item.unread} | ${item.wrong.length} | ${prose} |`,
    );
  }
  lines.push("");
  for (const item of results) {
    lines.push(`#### \`${item.file}\``, "");
    if (item.proseWrong.length > 0) lines.push(`Prose sections that differ from the golden: ${item.proseWrong.join(", ")}.`, "");
    if (item.result.findings.length === 0) lines.push("No findings.", "");
    for (const finding of item.result.findings) lines.push(`- **${finding.code}** (${finding.severity}): ${escapeCell(finding.messageEn)}`);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}
