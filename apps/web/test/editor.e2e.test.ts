/**
 * End-to-end: the built editor in Debian's Chromium (playwright-core, headless), served from 127.0.0.1 and opened
 * from file://. When no browser can be started these tests fail and say why; they are never skipped.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import type { Page } from "playwright-core";
import type { Server } from "node:http";
import { cellsOf, type Report } from "@xxgk/schema/layout";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inputIdOf } from "../src/ids.js";
import { editorGrid } from "../src/report-edit.js";
import { APP_ROOT, buildApp, DIST, serve, startBrowser } from "./harness.js";

const require = createRequire(import.meta.url);
const REPO = join(APP_ROOT, "..", "..");
const EXAMPLE_2021 = join(REPO, "examples", "2023-shizuishan-shangwuju.json");
const EXAMPLE_2019 = join(REPO, "examples", "2020-example-county-2019-edition.json");
const OUTPUT = join(APP_ROOT, "test", "output");
/** Where screenshots go: `XXGK_WEB_SCREENSHOTS=docs/images` (from the repository root) refreshes the docs. */
const SHOTS = process.env.XXGK_WEB_SCREENSHOTS ? join(REPO, process.env.XXGK_WEB_SCREENSHOTS) : OUTPUT;
const example = JSON.parse(readFileSync(EXAMPLE_2021, "utf8")) as Report;

let server: Server;
let baseUrl: string;
let browser: Awaited<ReturnType<typeof startBrowser>>;
const scratch = mkdtempSync(join(tmpdir(), "xxgk-web-files-"));

beforeAll(async () => {
  mkdirSync(OUTPUT, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
  buildApp();
  ({ server, url: baseUrl } = await serve(DIST));
  browser = await startBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
});

/** A page on the editor with empty storage; page errors fail the test that caused them. */
async function openEditor(url = baseUrl, viewport = { width: 1280, height: 800 }): Promise<Page & { errors: string[] }> {
  const page = (await browser.context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  page.on("pageerror", (error) => page.errors.push(error.message));
  await page.setViewportSize(viewport);
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.waitForSelector("#open-example");
  return page;
}

const cell = (page: Page, pointer: string) => page.locator(`#${inputIdOf(pointer)}`);

async function openExample(page: Page): Promise<void> {
  await page.click("#open-example");
  await page.waitForSelector(".grid-table3");
}

async function typeInto(page: Page, pointer: string, text: string): Promise<void> {
  const input = cell(page, pointer);
  await input.click();
  await input.press("Control+a");
  await page.keyboard.type(text);
}

/** Dispatches a paste of clipboard text on a cell, as Ctrl+V of a block copied from Excel does. */
async function pasteInto(page: Page, pointer: string, text: string): Promise<void> {
  await cell(page, pointer).focus();
  await page.evaluate(
    ({ id, text }) => {
      const data = new DataTransfer();
      data.setData("text/plain", text);
      document.getElementById(id)!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { id: inputIdOf(pointer), text },
  );
}

/** Waits until an element shows a text (file reads and lazy loads finish after the action that started them). */
async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector, { hasText: text }).first().waitFor({ timeout: 20_000 });
}

async function ruleIds(page: Page): Promise<string[]> {
  return page.locator(".finding").evaluateAll((items) => items.map((item) => item.getAttribute("data-rule") ?? ""));
}

async function download(page: Page, kind: "json" | "html" | "docx"): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.click(`[data-download="${kind}"]`)]);
  const path = join(scratch, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context?: unknown, options?: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ["violations"] });
  });
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join("; ")})`);
}

function storedReport(page: Page): Promise<Report> {
  return page.evaluate(() => {
    const id = localStorage.getItem("xxgk-web:current")!;
    return (JSON.parse(localStorage.getItem(`xxgk-web:draft:${id}`)!) as { report: Report }).report;
  });
}

describe("the editor in Chromium", () => {
  it("fills a report from empty to valid with the keyboard, paste and 填写合计", async () => {
    const page = await openEditor();
    await page.fill("#new-body", "测试县人民政府");
    await page.fill("#new-year", "2024");
    await expect(page.locator(".new-report .edition").textContent()).resolves.toContain("2021");
    await page.click(".new-report button[type=submit]");
    await page.waitForSelector(".grid-table3");

    // A new report is blank, not zero.
    const values = await page.locator(".cell-input").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(values).toHaveLength(cellsOf("2021").length);
    expect(values.every((value) => value === "")).toBe(true);
    expect(await ruleIds(page)).toContain("BLANK-CELL");

    // Zeros by pasting whole blocks; the figures typed with the keyboard (Enter moves down, Tab right).
    const grid = editorGrid("2021");
    for (const row of grid.tables.table2) await pasteInto(page, row[0]!, row.map(() => "0").join("\t"));
    await pasteInto(page, grid.tables.table3[0]![0]!, grid.tables.table3.map((row) => row.map(() => "0").join("\t")).join("\r\n"));
    await pasteInto(page, grid.tables.table4[0]![0]!, grid.tables.table4[0]!.map(() => "0").join("\t"));
    await typeInto(page, "/applications/newlyReceived/naturalPerson", "5");
    await page.keyboard.press("Enter");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(inputIdOf("/applications/carriedOver/naturalPerson"));
    await page.keyboard.press("ArrowDown");
    await page.keyboard.type("3");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(inputIdOf("/applications/disclosed/commercialEnterprise"));
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("ArrowUp");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(inputIdOf("/applications/carriedOver/naturalPerson"));
    await typeInto(page, "/applications/unableNotHeld/naturalPerson", "1");
    await typeInto(page, "/applications/carriedForward/naturalPerson", "1");
    await typeInto(page, "/proactiveDisclosure/normativeDocuments/issued", "4");
    await typeInto(page, "/proactiveDisclosure/normativeDocuments/inForce", "12");
    await typeInto(page, "/proactiveDisclosure/fees/amount", "1.5");

    // Totals only when asked.
    expect(await cell(page, "/applications/total/naturalPerson").inputValue()).toBe("0");
    await page.getByRole("button", { name: "填写合计" }).click();
    expect(await cell(page, "/applications/newlyReceived/total").inputValue()).toBe("5");
    expect(await cell(page, "/applications/total/naturalPerson").inputValue()).toBe("4");
    expect(await cell(page, "/applications/total/total").inputValue()).toBe("4");

    await page.fill("#prose-overview", "2024 年，本县本年新收政府信息公开申请 5 件，结转下年度继续办理 1 件。");
    for (let index = 0; index < 5; index += 1) await page.fill(`#prose-overview-${index}`, `第 ${index + 1} 部分的情况。`);
    await page.fill("#prose-problemsAndImprovements", "公开内容的及时性有待提高，下一年度将完善发布流程。");
    await page.fill("#prose-otherMatters", "本年度未收取信息处理费。");

    expect(await ruleIds(page)).toEqual([]);
    await waitForText(page, ".findings .ok", "未发现问题");
    const report = await storedReport(page);
    expect(report.applications.total.total).toBe(4);
    expect(report.proactiveDisclosure).toMatchObject({ fees: { amount: 1.5 } });
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("shows a wrong total on its cell, pinpointed, and the one-click fix repairs it", async () => {
    const page = await openEditor();
    await openExample(page);
    await typeInto(page, "/applications/newlyReceived/total", "9");
    const td = cell(page, "/applications/newlyReceived/total").locator("xpath=..");
    await expect(td.getAttribute("class")).resolves.toMatch(/cell-error.*cell-pinpoint|cell-pinpoint.*cell-error/);
    // The other cells of the row are marked too, but not pinpointed.
    await expect(cell(page, "/applications/newlyReceived/naturalPerson").locator("xpath=..").getAttribute("class")).resolves.not.toMatch(/pinpoint/);
    expect(await ruleIds(page)).toContain("T3-SUM-ROW");
    // The screen reader hears the finding with the cell.
    await expect(cell(page, "/applications/newlyReceived/total").getAttribute("aria-describedby")).resolves.toContain("findings");

    // The findings panel jumps to the cell.
    await page.locator('.finding[data-rule="T3-SUM-ROW"]').getByRole("button", { name: "定位" }).click();
    // The jump focuses the cell on the next animation frame (after switching back from the preview if needed).
    await page.waitForFunction((id) => document.activeElement?.id === id, inputIdOf("/applications/newlyReceived/total"), { timeout: 5_000 });
    await page.locator(".findings").scrollIntoViewIfNeeded();
    await cell(page, "/applications/newlyReceived/total").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "web-findings.png") });

    await page.click(`[data-fix="/applications/newlyReceived/total"]`);
    expect(await cell(page, "/applications/newlyReceived/total").inputValue()).toBe("0");
    expect(await ruleIds(page)).not.toContain("T3-SUM-ROW");
    await expect(td.getAttribute("class")).resolves.not.toMatch(/pinpoint/);

    // Escape takes the cell back to its value before the edit.
    await typeInto(page, "/applications/disclosed/commercialEnterprise", "44");
    await page.keyboard.press("Escape");
    expect(await cell(page, "/applications/disclosed/commercialEnterprise").inputValue()).toBe("0");

    // A value the schema does not allow is refused on the spot, and the report keeps the last valid value.
    await typeInto(page, "/applications/disclosed/naturalPerson", "12元");
    await expect(page.locator(`#${inputIdOf("/applications/disclosed/naturalPerson")}-error`).textContent()).resolves.toContain("非负整数");
    // (typed one character at a time: "1", "12" were valid, "12元" is not)
    expect((await storedReport(page)).applications.disclosed.naturalPerson).toBe(12);
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("pastes a 3×4 block under the cursor, and undo takes it back in one step", async () => {
    const page = await openEditor();
    await openExample(page);
    await pasteInto(page, "/applications/disclosed/naturalPerson", "1\t2\t3\t4\r\n5\t6\t7\t8\r\n9\t10\t11\t12\r\n");
    const pasted = async () =>
      Promise.all(
        ["disclosed", "partiallyDisclosed", "withheldStateSecret"].map((row) =>
          Promise.all(
            ["naturalPerson", "commercialEnterprise", "researchInstitution", "publicInterestOrganization"].map((column) =>
              cell(page, `/applications/${row}/${column}`).inputValue(),
            ),
          ),
        ),
      );
    expect(await pasted()).toEqual([
      ["1", "2", "3", "4"],
      ["5", "6", "7", "8"],
      ["9", "10", "11", "12"],
    ]);
    expect(await cell(page, "/applications/disclosed/legalServiceAgency").inputValue()).toBe("0");
    expect(await cell(page, "/applications/withheldProhibitedByLaw/naturalPerson").inputValue()).toBe("0");
    await waitForText(page, ".live", "已粘贴 12 个单元格");

    await page.keyboard.press("Control+z");
    expect((await pasted()).flat()).toEqual(Array.from({ length: 12 }, () => "0"));
    await page.keyboard.press("Control+y");
    expect((await pasted()).flat()[11]).toBe("12");
    await page.close();
  });

  it("keeps the work over a reload, and keeps several drafts", async () => {
    const page = await openEditor();
    await openExample(page);
    await typeInto(page, "/reviewAndLitigation/reconsideration/upheld", "2");
    await page.fill("#prose-problemsAndImprovements", "改进措施第一段。\n改进措施第二段。");
    await page.reload();
    await page.waitForSelector(".grid-table3");
    expect(await cell(page, "/reviewAndLitigation/reconsideration/upheld").inputValue()).toBe("2");
    expect(await page.inputValue("#prose-problemsAndImprovements")).toBe("改进措施第一段。\n改进措施第二段。");

    // The same draft open in a second tab: editing there warns here.
    const other = await browser.context.newPage();
    await other.goto(baseUrl);
    await other.waitForSelector(".grid-table3");
    await typeInto(other, "/reviewAndLitigation/reconsideration/corrected", "1");
    await waitForText(page, ".problems", "另一个窗口");
    await other.close();

    // A second draft, then back to the first.
    await page.locator(".start summary").click();
    await page.fill("#new-body", "另一个机关");
    await page.fill("#new-year", "2020");
    await page.click(".new-report button[type=submit]");
    await page.waitForSelector(".grid-table3");
    expect(await page.inputValue("#meta-body")).toBe("另一个机关");
    // The 2019 edition's 表二 has 政府集中采购.
    await expect(page.locator(".grid-table2").textContent()).resolves.toContain("政府集中采购");
    const drafts = page.locator(".drafts li");
    await expect(drafts.count()).resolves.toBe(2);
    await drafts.filter({ hasText: "石嘴山市商务局" }).getByRole("button", { name: "打开" }).click();
    await page.waitForSelector(".grid-table3");
    expect(await cell(page, "/reviewAndLitigation/reconsideration/upheld").inputValue()).toBe("2");
    await page.close();
  });

  it("downloads JSON that re-opens identical, and a valid Word document", async () => {
    const page = await openEditor();
    await openExample(page);
    await typeInto(page, "/proactiveDisclosure/licensing/decisions", "31");
    const first = await download(page, "json");
    expect(first.name).toBe("石嘴山市商务局-2023.json");
    const downloaded = JSON.parse(first.bytes.toString("utf8")) as Report;
    expect(downloaded).toEqual(await storedReport(page));
    expect(downloaded.proactiveDisclosure).toMatchObject({ licensing: { decisions: 31 } });
    // Blank stays blank in the file (表四 行政复议 is blank in the example).
    expect(downloaded.reviewAndLitigation.reconsideration.upheld).toBeNull();

    await page.evaluate(() => localStorage.clear());
    await page.reload();
    const path = join(scratch, "reopen.json");
    writeFileSync(path, first.bytes);
    await page.setInputFiles('input[data-action="open"]', path);
    await page.waitForSelector(".grid-table3");
    expect(await cell(page, "/proactiveDisclosure/licensing/decisions").inputValue()).toBe("31");
    const second = await download(page, "json");
    expect(second.bytes.equals(first.bytes)).toBe(true);

    const docx = await download(page, "docx");
    expect(docx.name).toBe("石嘴山市商务局-2023.docx");
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    const zip = await JSZip.loadAsync(docx.bytes);
    expect(zip.file("[Content_Types].xml")).not.toBeNull();
    const documentXml = await zip.file("word/document.xml")!.async("string");
    expect(documentXml).toContain("一、总体情况");
    expect(documentXml).toContain("<w:tbl>");
    expect(documentXml).toContain("石嘴山市商务局");

    const html = await download(page, "html");
    expect(html.bytes.toString("utf8")).toMatch(/^<!DOCTYPE html>/i);

    // Print shows the preview, then opens the browser's print dialog.
    await page.evaluate(() => {
      window.print = () => void ((window as unknown as { printed: boolean }).printed = true);
    });
    await page.getByRole("button", { name: "打印" }).click();
    await page.waitForFunction(() => (window as unknown as { printed?: boolean }).printed === true);
    expect(await page.locator(".preview .xxgk-report h1").textContent()).toContain("石嘴山市商务局");
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("starts from last year's report with 上年结转 prefilled and the cross-year rules on", async () => {
    const previous = structuredClone(example);
    // A consistent previous year with applications carried forward: 3 natural persons, 1 enterprise.
    previous.applications.carriedForward = { ...previous.applications.carriedForward, naturalPerson: 3, commercialEnterprise: 1, total: 4 };
    previous.applications.newlyReceived = { ...previous.applications.newlyReceived, naturalPerson: 3, commercialEnterprise: 1, total: 4 };
    const path = join(scratch, "last-year.json");
    writeFileSync(path, JSON.stringify(previous));

    const page = await openEditor();
    await page.setInputFiles('input[data-action="start-from-previous"]', path);
    await page.waitForSelector(".grid-table3");
    expect(await page.inputValue("#meta-year")).toBe("2024");
    expect(await page.inputValue("#meta-body")).toBe("石嘴山市商务局");
    expect(await cell(page, "/applications/carriedOver/naturalPerson").inputValue()).toBe("3");
    expect(await cell(page, "/applications/carriedOver/commercialEnterprise").inputValue()).toBe("1");
    expect(await cell(page, "/applications/carriedOver/total").inputValue()).toBe("4");
    expect(await cell(page, "/applications/carriedOver/researchInstitution").inputValue()).toBe("0");
    await expect(page.locator(".previous").textContent()).resolves.toContain("2023");
    // Last year's 现行有效件数 is shown as the baseline of this year's.
    await expect(cell(page, "/proactiveDisclosure/normativeDocuments/inForce").locator("xpath=..").textContent()).resolves.toContain("上年 8");
    expect(await ruleIds(page)).not.toContain("X-CARRY-OVER");

    // A carried-over figure that disagrees with last year's is a finding on that cell. It is not pinpointed with a
    // value: the column's 一+二=（七）+四 cannot be checked while the rest of this year's table is blank, and a value
    // is suggested only when it is known to satisfy every identity the cell is in.
    await typeInto(page, "/applications/carriedOver/naturalPerson", "2");
    expect(await ruleIds(page)).toContain("X-CARRY-OVER");
    await expect(cell(page, "/applications/carriedOver/naturalPerson").locator("xpath=..").getAttribute("class")).resolves.toMatch(/cell-error/);
    await expect(cell(page, "/applications/carriedOver/naturalPerson").locator("xpath=..").getAttribute("class")).resolves.not.toMatch(/cell-pinpoint/);
    await page.close();
  });

  it("imports a published PDF through @xxgk/importer (loaded on first use) and checks it", async () => {
    const page = await openEditor();
    const pdf = join(REPO, "packages", "importer", "test", "fixtures", "corpus", "pdf", "008-2024-huaian-shi.pdf");
    await page.setInputFiles('input[data-action="open-published"]', pdf);
    await page.waitForSelector(".grid-table3", { timeout: 30_000 });
    // 淮安市人民政府 2024: 3119 applications newly received in all (hand-transcribed golden fixture).
    expect(await cell(page, "/applications/newlyReceived/total").inputValue()).toBe("3119");
    expect(await page.evaluate(() => typeof window.xxgkImporter?.importReport)).toBe("function");
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("explains a file that is not a valid report, naming the file and the cell", async () => {
    const page = await openEditor();
    await page.setInputFiles('input[data-action="open"]', join(REPO, "examples", "invalid", "negative-count.json"));
    await waitForText(page, ".problems", "negative-count.json");
    const text = (await page.locator(".problems").textContent()) ?? "";
    expect(text).toContain("negative-count.json");
    expect(text).toMatch(/表[二三四] \/ /);

    const broken = join(scratch, "broken.json");
    writeFileSync(broken, '{"edition": "2021",');
    await page.setInputFiles('input[data-action="open"]', broken);
    await waitForText(page, ".problems", "broken.json：不是 JSON 文件");

    // A file that is no report at all is refused by the importer, with its reason.
    const junk = join(scratch, "picture.png");
    writeFileSync(junk, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await page.setInputFiles('input[data-action="open-published"]', junk);
    await waitForText(page, ".problems", "图片");

    // A report JSON dropped on the page opens.
    const dataTransfer = await page.evaluateHandle((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], "dropped.json", { type: "application/json" }));
      return data;
    }, readFileSync(EXAMPLE_2021, "utf8"));
    await page.dispatchEvent(".app", "drop", { dataTransfer });
    await page.waitForSelector(".grid-table3");
    expect(await page.inputValue("#meta-body")).toBe("石嘴山市商务局");

    expect(page.errors).toEqual([]);
    await page.close();

    // When the DOCX writer cannot be loaded (offline, a missing file), the clerk is told, and can try again.
    const fresh = await openEditor();
    await openExample(fresh);
    await fresh.route("**/xxgk-extras.js", (route) => route.abort());
    await fresh.click('[data-download="docx"]');
    await waitForText(fresh, ".problems", "Word 文档：操作未完成");
    await fresh.unroute("**/xxgk-extras.js");
    const [retry] = await Promise.all([fresh.waitForEvent("download"), fresh.click('[data-download="docx"]')]);
    expect(retry.suggestedFilename()).toBe("石嘴山市商务局-2023.docx");
    expect(fresh.errors).toEqual([]);
    await fresh.close();
  });

  it("jumps from a prose finding to its text, and keeps a malformed code out of the report", async () => {
    const page = await openEditor();
    await openExample(page);
    await page.fill("#prose-problemsAndImprovements", "");
    await waitForText(page, "#section-problemsAndImprovements h2", "有校验结果");
    await page.locator('.finding[data-rule="PROSE-REQUIRED"]').getByRole("button", { name: "定位" }).click();
    await page.waitForFunction(() => document.activeElement?.id === "prose-problemsAndImprovements");

    await page.fill("#meta-regionCode", "12345");
    await waitForText(page, ".field-hint", "6 位数字");
    expect((await storedReport(page)).meta.regionCode).toBe("640200");
    await page.fill("#meta-regionCode", "640221");
    expect((await storedReport(page)).meta.regionCode).toBe("640221");
    await page.fill("#meta-regionCode", "");
    expect((await storedReport(page)).meta.regionCode).toBeUndefined();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("works from a file share (file://), Word download included", async () => {
    const page = await openEditor(pathToFileURL(join(DIST, "index.html")).href);
    await openExample(page);
    await typeInto(page, "/applications/newlyReceived/total", "2");
    expect(await ruleIds(page)).toContain("T3-SUM-ROW");
    const docx = await download(page, "docx");
    expect(docx.bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it("switches to English, with cell labels still the official Chinese ones", async () => {
    const page = await openEditor();
    await openExample(page);
    await page.getByRole("button", { name: "Switch the interface to English" }).click();
    await expect(page.locator(".findings h2").textContent()).resolves.toBe("Findings");
    await expect(page.locator('.finding[data-rule="BLANK-CELL"]').first().textContent()).resolves.toMatch(/blank/i);
    await expect(cell(page, "/applications/disclosed/naturalPerson").getAttribute("aria-label")).resolves.toBe("表三 自然人 （一）予以公开");
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("en");
    await page.close();
  });

  it("has no serious or critical accessibility violation (axe-core), at desk and phone width", async () => {
    const page = await openEditor();
    expect(await axeViolations(page)).toEqual([]);
    await openExample(page);
    await typeInto(page, "/applications/newlyReceived/total", "9");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("tab", { name: "预览" }).click();
    await page.waitForSelector(".preview .xxgk-report");
    expect(await axeViolations(page)).toEqual([]);
    await page.close();

    const phone = await openEditor(baseUrl, { width: 390, height: 844 });
    await openExample(phone);
    expect(await axeViolations(phone)).toEqual([]);
    await phone.close();
  });

  it("takes the screenshots of both editions and of a phone", async () => {
    const page = await openEditor();
    await openExample(page);
    await page.locator("#section-applications").scrollIntoViewIfNeeded();
    await page.evaluate(() => document.getElementById("section-proactiveDisclosure")!.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, "web-2021.png") });

    const path = join(scratch, "example-2019.json");
    writeFileSync(path, readFileSync(EXAMPLE_2019));
    await page.locator(".start summary").click();
    await page.setInputFiles('input[data-action="open"]', path);
    await page.waitForSelector('.grid-table2:has-text("政府集中采购")');
    await page.evaluate(() => document.getElementById("section-proactiveDisclosure")!.scrollIntoView());
    await page.screenshot({ path: join(SHOTS, "web-2019.png") });
    await page.close();

    const phone = await openEditor(baseUrl, { width: 390, height: 844 });
    await openExample(phone);
    await phone.evaluate(() => document.getElementById("section-applications")!.scrollIntoView());
    await phone.screenshot({ path: join(SHOTS, "web-phone.png") });
    // The page itself does not scroll sideways on a phone: wide tables scroll inside their own box.
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});

describe("performance in Chromium", () => {
  it("re-checks and repaints the marks within one frame (16 ms) after a keystroke on a full report", async () => {
    const page = await openEditor();
    await openExample(page);
    await page.evaluate(() => (window.__xxgkTimings = { checkMs: [], editToRenderMs: [] }));
    const input = cell(page, "/applications/disclosed/naturalPerson");
    await input.click();
    // Alternate a wrong and a right figure, so marks appear and disappear on every keystroke.
    const frames: number[] = [];
    for (let index = 0; index < 60; index += 1) {
      await input.press("Control+a");
      const digit = index % 2 === 0 ? "7" : "1";
      // Keystroke to the next painted frame, measured in the page.
      const started = await page.evaluate(() => {
        const state = window as unknown as { __frame?: Promise<number> };
        const start = performance.now();
        state.__frame = new Promise((resolve) => {
          const element = document.activeElement!;
          element.addEventListener("input", () => requestAnimationFrame(() => resolve(performance.now() - start)), { once: true });
        });
        return start;
      });
      void started;
      await page.keyboard.type(digit);
      frames.push(await page.evaluate(() => (window as unknown as { __frame: Promise<number> }).__frame));
    }
    const timings = await page.evaluate(() => window.__xxgkTimings!);
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;
    const figures = {
      keystrokes: timings.editToRenderMs.length,
      checkMs: { median: median(timings.checkMs), p95: p95(timings.checkMs) },
      editToRenderMs: { median: median(timings.editToRenderMs), p95: p95(timings.editToRenderMs) },
      keystrokeToFrameMs: { median: median(frames), p95: p95(frames) },
      loadavg: loadavg(),
    };
    writeFileSync(join(OUTPUT, "performance.json"), `${JSON.stringify(figures, null, 2)}\n`);
    console.log("editor performance", JSON.stringify(figures));
    expect(timings.editToRenderMs.length).toBeGreaterThanOrEqual(60);
    expect(figures.editToRenderMs.median).toBeLessThan(16);
    await page.close();
  });

  it("loads under 300 KB of compressed JavaScript, with the DOCX writer and zod left for later", async () => {
    const { gzipSync } = await import("node:zlib");
    const html = readFileSync(join(DIST, "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src="\.\/([^"]+)"/g)].map((match) => match[1]!);
    expect(scripts).toHaveLength(1);
    expect(html).not.toMatch(/type="module"|crossorigin/);
    const main = readFileSync(join(DIST, scripts[0]!));
    const extras = readFileSync(join(DIST, "assets", "xxgk-extras.js"));
    const sizes = { firstLoadGzipBytes: gzipSync(main, { level: 9 }).length, extrasGzipBytes: gzipSync(extras, { level: 9 }).length };
    writeFileSync(join(OUTPUT, "bundle.json"), `${JSON.stringify(sizes, null, 2)}\n`);
    console.log("bundle sizes", JSON.stringify(sizes));
    expect(sizes.firstLoadGzipBytes).toBeLessThan(300 * 1024);
    // The DOCX library and zod are in the extras only.
    const wordNamespace = "schemas.openxmlformats.org/wordprocessingml/2006/main";
    expect(main.includes(wordNamespace), "the DOCX writer is in the first load").toBe(false);
    expect(main.includes("lineNumber:"), "the first load is a development build").toBe(false);
    expect(extras.includes(wordNamespace), "the DOCX writer is missing from the extras").toBe(true);
    expect(main.includes("ZodError"), "zod is in the first load").toBe(false);
    expect(extras.includes("ZodError"), "zod is missing from the extras").toBe(true);
  });
});
