import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import type { Log } from "sarif";
import { describe, expect, it } from "vitest";
import { validate } from "./validate.js";
import { CSV_COLUMNS, formatCsv, formatJson, formatNdjsonLine, type JsonOutput } from "./format-data.js";
import { artifactUri, formatSarif } from "./format-sarif.js";
import { formatText, type ReportItem } from "./format-text.js";
import { RULES } from "./rules.js";
import { sampleReport } from "./sample.js";
import { VERSION } from "./version.js";

const TODAY = new Date("2025-06-01T00:00:00Z");

function items(): ReportItem[] {
  const broken = sampleReport("2021");
  broken.applications.withheldStateSecret.naturalPerson = 7; // pinpointed: should be 1
  broken.reviewAndLitigation.litigationDirect.total = null; // blank, not assessable
  broken.overview.paragraphs = ["本年新收政府信息公开申请 31 件。"]; // prose warning: the table says 30
  return [
    { file: "reports/broken.json", result: validate(broken, { today: TODAY }) },
    { file: "reports/clean.json", result: validate(sampleReport("2019"), { today: TODAY }) },
  ];
}

describe("text", () => {
  it("is Chinese by default, without colour, with the pinpoint and follow-on failures", () => {
    const text = formatText(items());
    expect(text).not.toContain("\u001b[");
    const lines = text.split("\n");
    expect(lines[0]).toBe("reports/broken.json");
    expect(text).toContain("  错误 T3-SUM-ROW 表三“1.属于国家秘密”一行：");
    expect(text).toContain(
      "    可能有误: 表三 / 自然人 / 1.属于国家秘密 /applications/withheldStateSecret/naturalPerson — 填报 7，应为 1？"
    );
    expect(text).toContain("    ↳ 同一原因: T3-SUM-COLUMN 表三“自然人”一列：");
    expect(text).toContain("  无法评估 T4-SUM-GROUP ");
    expect(text).toContain("reports/clean.json\n  未发现问题\n");
    expect(lines.at(-2)).toBe("共 2 份报告，1 份有错误");
  });

  it("speaks English and colours only when asked", () => {
    const text = formatText(items(), { lang: "en", color: true });
    expect(text).toContain("\u001b[31merror\u001b[39m");
    expect(text).toContain("Likely faulty cell: Table 3 / Natural persons / Withheld: state secret (states 7)");
    expect(text).toContain("2 reports, 1 with errors");
  });
});

describe("JSON and NDJSON", () => {
  it("writes one document with a summary and every diagnostic", () => {
    const output = JSON.parse(formatJson(items())) as JsonOutput;
    expect(output.tool).toEqual({ name: "@xxgk/validators", version: VERSION });
    expect(output.summary).toMatchObject({ files: 2, ok: 1, failing: 1 });
    expect(output.files[0]!.diagnostics.find((diagnostic) => diagnostic.pinpoint)?.pinpoint?.suggested).toBe(1);
    expect(output.files[1]).toMatchObject({ file: "reports/clean.json", ok: true, diagnostics: [] });
  });

  it("writes one line per report", () => {
    const [first] = items();
    const line = formatNdjsonLine(first!);
    expect(line).not.toContain("\n");
    expect(JSON.parse(line)).toMatchObject({ file: "reports/broken.json", ok: false });
  });
});

describe("CSV", () => {
  it("is UTF-8 with BOM, CRLF, quoted text and formula-safe", () => {
    const csv = formatCsv(items());
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = csv.slice(1).split("\r\n");
    expect(rows[0]).toBe(CSV_COLUMNS.join(","));
    const pinpointed = rows.find((row) => row.includes('"T3-SUM-ROW"'))!;
    // cell/pointer are the cell whose value `stated` shows (the row's 总计: 1, the details sum to 7); the pinpointed
    // cell and its suggested value have columns of their own.
    expect(
      pinpointed.startsWith(
        '"reports/broken.json","T3-SUM-ROW","error","fail","表三 / 总计 / 1.属于国家秘密","/applications/withheldStateSecret/total",1,7,-6,' +
          '"表三 / 自然人 / 1.属于国家秘密","/applications/withheldStateSecret/naturalPerson",1,"","表三“1.属于国家秘密”一行'
      )
    ).toBe(true);
    const related = rows.find((row) => row.includes('"T3-SUM-COLUMN"'))!;
    expect(related).toContain(
      ',"表三 / 自然人 / （七）总计","/applications/total/naturalPerson",23,29,-6,"","",,"/applications/withheldStateSecret/naturalPerson","表三“自然人”一列'
    );
    const prose = rows.find((row) => row.includes('"PROSE-FIGURES","warning"'))!;
    expect(prose).toContain(',"一、总体情况 / 第 1 段","/overview/paragraphs/0",31,30,1,');
    const [first] = items();
    const hostile = formatCsv([{ file: '=HYPERLINK("http://x")', result: first!.result }]);
    expect(hostile.split("\r\n")[1]!.startsWith('"\'=HYPERLINK(""http://x"")",')).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });
});

describe("CSV rows name what they show", () => {
  it("gives T3-BALANCE's stated side as the sum of its two cells", () => {
    const report = sampleReport("2021");
    report.applications.newlyReceived = { ...report.applications.newlyReceived, naturalPerson: 26, total: 31 };
    const csv = formatCsv([{ file: "a.json", result: validate(report, { today: TODAY }) }]);
    const balance = csv.split("\r\n").find((row) => row.includes('"T3-BALANCE"') && row.includes("naturalPerson"))!;
    expect(balance).toContain(
      ',"表三 / 自然人 / （七）总计 + 表三 / 自然人 / 四、结转下年度继续办理","/applications/total/naturalPerson + /applications/carriedForward/naturalPerson",'
    );
  });

  it("names every blank cell of a BLANK-CELL finding, one row each", () => {
    const report = sampleReport("2021");
    report.applications.disclosed.researchInstitution = null;
    report.applications.unableNotHeld.researchInstitution = null;
    const rows = formatCsv([{ file: "a.json", result: validate(report, { today: TODAY }) }])
      .split("\r\n")
      .filter((row) => row.includes('"BLANK-CELL"'));
    expect(rows.map((row) => row.split(",")[5])).toEqual([
      '"/applications/disclosed/researchInstitution"',
      '"/applications/unableNotHeld/researchInstitution"',
    ]);
    expect(rows[1]).toContain('"表三 / 科研机构 / 1.本机关不掌握相关政府信息"');
  });

  it("uses English labels with lang en", () => {
    const [first] = items();
    const csv = formatCsv([first!], { lang: "en" });
    const pinpointed = csv.split("\r\n").find((row) => row.includes('"T3-SUM-ROW","error"'))!;
    expect(pinpointed).toContain(',"Table 3 / Total / Withheld: state secret","/applications/withheldStateSecret/total",1,7,-6,');
    expect(pinpointed).toContain(',"Table 3 / Natural persons / Withheld: state secret","/applications/withheldStateSecret/naturalPerson",1,');
    const notAssessable = csv.split("\r\n").find((row) => row.includes('"T4-SUM-GROUP","info"'))!;
    expect(notAssessable).toContain('"Table 4 / Litigation without prior reconsideration / Total"');
    // The label columns (cell, suggested_cell) hold no Chinese; messages may quote the form's wording.
    const labels = csv
      .split("\r\n")
      .slice(1)
      .filter(Boolean)
      .flatMap((row) => {
        const fields = row.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
        return [fields[4]!, fields[9]!];
      });
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.filter((field) => /[\u4e00-\u9fff]/.test(field))).toEqual([]);
  });
});

describe("English output has English labels", () => {
  it("in the text reporter's pinpoint line and not-assessable lists", () => {
    const text = formatText(items(), { lang: "en" });
    expect(text).toContain(
      "    likely faulty: Table 3 / Natural persons / Withheld: state secret /applications/withheldStateSecret/naturalPerson — states 7, should it be 1?"
    );
    const notAssessable = text.split("\n").find((line) => line.includes("not assessable T4-SUM-GROUP"))!;
    expect(notAssessable).toContain("Table 4 / Litigation without prior reconsideration / Total");
    expect(notAssessable).not.toMatch(/表|诉讼/);
  });

  it("in SARIF logical locations and related locations", () => {
    const log = JSON.parse(formatSarif(items(), { lang: "en" })) as Log;
    const pinpointed = log.runs[0]!.results!.find((result) => result.ruleId === "T3-SUM-ROW")!;
    expect(pinpointed.locations![0]!.logicalLocations![0]!.name).toBe("Table 3 / Natural persons / Withheld: state secret");
    expect(pinpointed.relatedLocations![0]!.logicalLocations![0]!.name).toBe("Table 3 / Natural persons / Withheld: state secret");
    const names = log.runs[0]!.results!.flatMap((result) => result.locations!.flatMap((location) => location.logicalLocations ?? []).map((item) => item.name!));
    expect(names.filter((name) => /[\u4e00-\u9fff]/.test(name))).toEqual([]);
  });
});

describe("SARIF", () => {
  const schemaFile = fileURLToPath(new URL("../test/fixtures/sarif-2.1.0-rtm.5.json", import.meta.url));
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>;
  // The published schema has a pattern (language) that is only valid without the `u` flag.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const check = ajv.compile(schema);

  it.each(["zh", "en"] as const)("validates against the SARIF 2.1.0 schema (%s)", (lang) => {
    const log = JSON.parse(formatSarif(items(), { lang })) as Log;
    const valid = check(log);
    expect(check.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("carries the catalog as driver rules and JSON Pointers as logical locations", () => {
    const log = JSON.parse(formatSarif(items())) as Log;
    const run = log.runs[0]!;
    expect(run.tool.driver.rules!.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(run.tool.driver.rules!.find((rule) => rule.id === "SCHEMA")!.helpUri).toMatch(/docs\/rules\.md#schema$/);
    const first = run.results!.find((result) => result.ruleId === "T3-SUM-ROW");
    expect(first).toMatchObject({ ruleId: "T3-SUM-ROW", kind: "fail", level: "error" });
    expect(run.tool.driver.rules![first!.ruleIndex!]!.id).toBe("T3-SUM-ROW");
    expect(first!.locations![0]!.logicalLocations![0]).toEqual({
      name: "表三 / 自然人 / 1.属于国家秘密",
      fullyQualifiedName: "/applications/withheldStateSecret/naturalPerson",
      kind: "object",
    });
    expect(first!.locations![0]!.physicalLocation!.artifactLocation).toEqual({ uri: "reports/broken.json", index: 0 });
    const open = run.results!.find((result) => result.kind === "open")!;
    expect(open).toMatchObject({ ruleId: "T4-SUM-GROUP", level: "none" });
    const followOn = run.results!.find((result) => result.ruleId === "T3-SUM-COLUMN")!;
    expect(followOn.properties).toMatchObject({ explainedBy: "/applications/withheldStateSecret/naturalPerson" });
  });

  it("writes file names as valid URI references: percent-encoded, file:// for absolute paths, none for stdin", () => {
    const [first] = items();
    const files = ["reports/报告 2023,a.json", "/srv/年报/a b#1.json", "C:\\年报\\a.json", "a:b.json", "https://example.org/年报/a b.json", "-", "<stdin>"];
    const log = JSON.parse(formatSarif(files.map((file) => ({ file, result: first!.result })))) as Log;
    expect(check(log)).toBe(true);
    expect(check.errors ?? []).toEqual([]);
    const run = log.runs[0]!;
    expect(run.artifacts!.map((artifact) => artifact.location!.uri)).toEqual([
      "reports/%E6%8A%A5%E5%91%8A%202023,a.json",
      "file:///srv/%E5%B9%B4%E6%8A%A5/a%20b%231.json",
      "file:///C:/%E5%B9%B4%E6%8A%A5/a.json",
      "a%3Ab.json",
      "https://example.org/%E5%B9%B4%E6%8A%A5/a%20b.json",
    ]);
    for (const artifact of run.artifacts!) expect(() => new URL(artifact.location!.uri!, "file:///base/")).not.toThrow();
    expect(decodeURI(run.artifacts![0]!.location!.uri!)).toBe("reports/报告 2023,a.json");
    const perFile = run.results!.length / files.length;
    const stdinResults = run.results!.slice(perFile * 5);
    expect(stdinResults.length).toBe(perFile * 2);
    for (const result of stdinResults) expect(result.locations?.[0]?.physicalLocation).toBeUndefined();
    expect(artifactUri("-")).toBeUndefined();
  });

  it("has no messageStrings with {name} placeholders (SARIF uses {0})", () => {
    const log = JSON.parse(formatSarif(items())) as Log;
    for (const rule of log.runs[0]!.tool.driver.rules!) {
      for (const message of Object.values(rule.messageStrings ?? {})) expect(message.text).not.toMatch(/\{[A-Za-z_]\w*\}/);
    }
  });

  it("is valid without file names too", () => {
    const log = JSON.parse(formatSarif(items().map(({ result }) => ({ result })))) as Log;
    expect(check(log)).toBe(true);
    expect(log.runs[0]!.artifacts).toBeUndefined();
  });
});

describe("SARIF positions and run details (issue 12)", () => {
  const schema = JSON.parse(readFileSync(fileURLToPath(new URL("../test/fixtures/sarif-2.1.0-rtm.5.json", import.meta.url)), "utf8")) as Record<string, unknown>;
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  const check = ajv.compile(schema);

  it("puts the region of each finding's pointer on its physical location, and of the pinpointed cell on the related one", () => {
    const [first] = items();
    const regions = {
      "/applications/withheldStateSecret/naturalPerson": { startLine: 40, startColumn: 24, endLine: 40, endColumn: 25 },
    };
    const log = JSON.parse(formatSarif([{ file: "reports/a.json", result: first!.result, regions }])) as Log;
    const pinpointed = log.runs[0]!.results!.find((result) => result.ruleId === "T3-SUM-ROW")!;
    expect(pinpointed.locations![0]!.physicalLocation!.region).toEqual(regions["/applications/withheldStateSecret/naturalPerson"]);
    expect(pinpointed.relatedLocations![0]!.physicalLocation!.region).toEqual(regions["/applications/withheldStateSecret/naturalPerson"]);
    // A pointer without a known region: the file, no region (the library does not read files).
    const other = log.runs[0]!.results!.find((result) => result.locations![0]!.logicalLocations![0]!.fullyQualifiedName !== "/applications/withheldStateSecret/naturalPerson")!;
    expect(other.locations![0]!.physicalLocation!.region).toBeUndefined();
    expect(check(log)).toBe(true);
  });

  it("writes automationDetails, driver.fullName, %SRCROOT% for relative names only, and extra rules after the catalog", () => {
    const [first] = items();
    const log = JSON.parse(
      formatSarif(
        [
          { file: "reports/a.json", result: first!.result },
          { file: "/srv/b.json", result: first!.result },
        ],
        {
          automationId: "xxgk/validate/2026-12-03T00:00:00.000Z",
          srcRoot: "/work/年报",
          extraRules: [{ id: "JSON-SYNTAX", name: "JsonSyntax", title: { zh: "合法 JSON", en: "Valid JSON" }, help: { zh: "修正", en: "Fix it" }, level: "error" }],
        },
      ),
    ) as Log & { runs: { automationDetails?: { id: string }; originalUriBaseIds?: Record<string, { uri: string }> }[] };
    const run = log.runs[0]!;
    expect(check(log)).toBe(true);
    expect(run.automationDetails).toEqual({ id: "xxgk/validate/2026-12-03T00:00:00.000Z" });
    expect(run.tool.driver.fullName).toMatch(/^@xxgk\/validators \d/);
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///work/%E5%B9%B4%E6%8A%A5/" } });
    expect(run.artifacts!.map((artifact) => artifact.location)).toEqual([{ uri: "reports/a.json", uriBaseId: "%SRCROOT%" }, { uri: "file:///srv/b.json" }]);
    expect(run.tool.driver.rules!.map((rule) => rule.id)).toEqual([...RULES.map((rule) => rule.id), "JSON-SYNTAX"]);
    expect(run.tool.driver.rules!.at(-1)).toMatchObject({ name: "JsonSyntax", shortDescription: { text: "合法 JSON" } });
  });

  it("defaults automationDetails to the category alone and leaves out originalUriBaseIds without a source root", () => {
    const log = JSON.parse(formatSarif(items())) as Log & { runs: { automationDetails?: { id: string }; originalUriBaseIds?: unknown }[] };
    expect(log.runs[0]!.automationDetails).toEqual({ id: "xxgk/validate/" });
    expect(log.runs[0]!.originalUriBaseIds).toBeUndefined();
  });

  it("gives every rule a name that is not its id in another case, and no two rules the same name", () => {
    const rules = (JSON.parse(formatSarif([])) as Log).runs[0]!.tool.driver.rules!;
    for (const rule of rules) {
      expect(rule.name!.toLowerCase()).not.toBe(rule.id.toLowerCase());
      expect(rule.name, rule.id).toMatch(/^[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]+)*$/);
    }
    expect(new Set(rules.map((rule) => rule.name)).size).toBe(rules.length);
  });
});

describe("createSarifWriter (issue 13: SARIF of any batch with bounded memory)", () => {
  it("writes, piece by piece, exactly the log formatSarif builds, for any number of reports", async () => {
    const { createSarifWriter } = await import("./format-sarif.js");
    const all = items();
    for (const batch of [[], all.slice(0, 1), all, [...all, ...all.map((item) => ({ ...item, file: `copy/${item.file ?? "x"}` }))]]) {
      const writer = createSarifWriter({ lang: "en" });
      let text = writer.start();
      for (const item of batch) text += writer.add(item);
      text += writer.end();
      expect(text).toBe(formatSarif(batch, { lang: "en" }));
      const log = JSON.parse(text) as Log;
      expect(log.runs[0]!.results!.length).toBe(batch.reduce((sum, item) => sum + item.result.diagnostics.reduce((count, d) => count + 1 + (d.related?.length ?? 0), 0), 0));
    }
  });
});

describe("formatText and terminal escapes (issue 13)", () => {
  it("prints control and bidi characters from the report and the file name as escapes", () => {
    const [item] = items();
    const diagnostic = { ...item!.result.diagnostics[0]!, message: "值\u001b[1A\u001b[2K被抹去\u202e", messageEn: "x\u001b]8;;http://evil\u0007y" };
    const text = formatText([{ file: "a\u001b[31m.json", result: { ...item!.result, diagnostics: [diagnostic] } }], { color: true });
    // The only escape sequences left are the reporter's own SGR colours.
    expect(text.replace(/\u001b\[\d+m/g, "")).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(text).toContain("值\\x1b[1A\\x1b[2K被抹去\\u202e");
    expect(text).toContain("a\\x1b[31m.json");
  });
});
