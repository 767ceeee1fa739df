/**
 * The editor: start a report, fill the six sections, see every finding on its cell while typing, preview and
 * download. State is one immutable report (plus last year's, when loaded); every edit goes through `commit`, which
 * records undo history and saves the draft.
 */
import type { JSX } from "preact";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { cellAt, formatCellValue, isWellFormedReport, LAYOUTS, SECTION_LAYOUTS, type Report } from "@xxgk/schema/layout";
import { checkReport } from "./checking.js";
import { parseClipboardTable } from "./clipboard.js";
import { downloadDocx, downloadHtml, downloadJson } from "./downloads.js";
import { draftKey, Drafts, newDraftId, type DraftSummary } from "./drafts.js";
import { inputIdOf, OfficialTable, type CellEvents } from "./grid.js";
import { History } from "./history.js";
import { STRINGS, type Lang } from "./i18n.js";
import { MetaForm } from "./meta-form.js";
import { openReportJson } from "./open-file.js";
import { Preview } from "./preview.js";
import { ParagraphsArea, ProseEditor } from "./prose.js";
import { importPublished } from "./published-import.js";
import {
  fillTotals,
  neighbour,
  newReport,
  pasteBlock,
  prefillFromPrevious,
  reportAfter,
  setCell,
  setProse,
  withOverviewParts,
  type ProseKey,
} from "./report-edit.js";
import { StartPanel } from "./start-panel.js";
import { elementIdFor } from "./targets.js";
import exampleReport from "../../../examples/2023-shizuishan-shangwuju.json";

/** Timings of the last re-checks after an edit (input event → marks painted), read by the end-to-end test. */
declare global {
  interface Window {
    __xxgkTimings?: { checkMs: number[]; editToRenderMs: number[] };
  }
}

const LANG_KEY = "xxgk-web:lang";

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const memoryStorage = new Map<string, string>();
const drafts = new Drafts(
  storage() ?? {
    getItem: (key) => memoryStorage.get(key) ?? null,
    setItem: (key, value) => void memoryStorage.set(key, value),
    removeItem: (key) => void memoryStorage.delete(key),
  },
);

function initialLang(): Lang {
  const saved = storage()?.getItem(LANG_KEY);
  if (saved === "en" || saved === "zh") return saved;
  return "zh";
}

function readFile(file: File): Promise<string> {
  return file.text();
}

interface Session {
  id: string;
  report: Report;
  previous: Report | undefined;
}

function restore(): Session | undefined {
  const draft = drafts.current();
  if (!draft || !isWellFormedReport(draft.report)) return undefined;
  return {
    id: draft.id,
    report: draft.report,
    previous: draft.previous && isWellFormedReport(draft.previous) ? draft.previous : undefined,
  };
}

type View = "edit" | "preview";

export function App(): JSX.Element {
  const [lang, setLang] = useState<Lang>(initialLang);
  const strings = STRINGS[lang];
  const [session, setSession] = useState<Session | undefined>(restore);
  const history = useRef<History<Report> | null>(null);
  if (history.current === null && session) history.current = new History(session.report);
  const [, forceHistory] = useState(0);
  const [view, setView] = useState<View>("edit");
  const [status, setStatus] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [draftList, setDraftList] = useState<DraftSummary[]>(() => drafts.list());
  const editStarted = useRef<number | null>(null);

  useEffect(() => {
    document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
    document.title = strings.appTitle;
    storage()?.setItem(LANG_KEY, lang);
  }, [lang]);

  const check = useMemo(() => (session ? checkReport(session.report, session.previous) : undefined), [session?.report, session?.previous]);

  // Measure edit → marks on screen (the end-to-end test reads these figures).
  useLayoutEffect(() => {
    if (!check) return;
    const timings = (window.__xxgkTimings ??= { checkMs: [], editToRenderMs: [] });
    timings.checkMs.push(check.elapsedMs);
    if (editStarted.current !== null) {
      timings.editToRenderMs.push(performance.now() - editStarted.current);
      editStarted.current = null;
    }
  }, [check]);

  // Save as the clerk types, in the same task as the keystroke (a layout effect runs before the browser paints or
  // handles anything else), so a reload or a closed tab right after a keystroke loses nothing.
  const saved = useRef<Session | undefined>(session);
  useLayoutEffect(() => {
    if (!session) return;
    // Nothing changed since it was read or written (a restored draft): writing it again would only wake other tabs.
    if (saved.current && saved.current.id === session.id && saved.current.report === session.report && saved.current.previous === session.previous) return;
    saved.current = session;
    const ok = drafts.save({ id: session.id, report: session.report, ...(session.previous ? { previous: session.previous } : {}) });
    setSaveFailed(!ok);
    if (ok) setSavedAt(new Date().toLocaleTimeString(lang === "en" ? "en-GB" : "zh-CN"));
    setDraftList(drafts.list());
  }, [session]);

  const open = useCallback((report: Report, previous?: Report, id = newDraftId()) => {
    history.current = new History(report);
    setSession({ id, report, previous });
    setProblems([]);
    setView("edit");
  }, []);

  const commit = useCallback((next: Report, group?: string) => {
    const current = history.current;
    if (!current) return;
    current.push(next, group);
    setSession((session) => (session ? { ...session, report: current.current } : session));
  }, []);

  const undo = useCallback(() => {
    if (!history.current?.canUndo) return;
    const report = history.current.undo();
    setSession((session) => (session ? { ...session, report } : session));
    forceHistory((n) => n + 1);
  }, []);

  const redo = useCallback(() => {
    if (!history.current?.canRedo) return;
    const report = history.current.redo();
    setSession((session) => (session ? { ...session, report } : session));
    forceHistory((n) => n + 1);
  }, []);

  const focusCell = useCallback((pointer: string) => {
    const element = document.getElementById(inputIdOf(pointer)) as HTMLInputElement | null;
    if (element) {
      element.focus();
      element.select();
      element.scrollIntoView({ block: "nearest", inline: "nearest" });
      return true;
    }
    return false;
  }, []);

  const sessionRef = useRef(session);
  sessionRef.current = session;

  const events = useMemo<CellEvents>(
    () => ({
      onValue(pointer, value) {
        const current = sessionRef.current;
        if (!current) return;
        editStarted.current = performance.now();
        commit(setCell(current.report, pointer, value), pointer);
      },
      onFix(pointer, value) {
        const current = sessionRef.current;
        if (!current) return;
        commit(setCell(current.report, pointer, value));
        focusCell(pointer);
      },
      onPaste(pointer, text) {
        const current = sessionRef.current;
        if (!current) return;
        const block = parseClipboardTable(text);
        if (block.length === 0) return;
        const result = pasteBlock(current.report, pointer, block);
        commit(result.report);
        setStatus(STRINGS[langRef.current].pasted(result.written, result.skipped, result.invalid));
      },
      onKey(pointer, event) {
        const current = sessionRef.current;
        if (!current) return;
        const input = event.currentTarget as HTMLInputElement;
        let direction: "up" | "down" | "left" | "right" | undefined;
        if (event.key === "ArrowUp") direction = "up";
        else if (event.key === "ArrowDown") direction = "down";
        else if (event.key === "Enter") direction = event.shiftKey ? "up" : "down";
        else if (event.key === "ArrowLeft" && input.selectionStart === 0 && input.selectionEnd === 0) direction = "left";
        else if (event.key === "ArrowLeft" && input.selectionStart === 0 && input.selectionEnd === input.value.length) direction = "left";
        else if (event.key === "ArrowRight" && input.selectionStart === input.value.length) direction = "right";
        if (!direction) return;
        const target = neighbour(current.report.edition, pointer, direction);
        event.preventDefault();
        if (target) focusCell(target);
      },
    }),
    [commit, focusCell],
  );
  const langRef = useRef(lang);
  langRef.current = lang;

  // The same draft edited in another tab: say so, since saving here would overwrite that tab's work.
  const sessionId = session?.id;
  useEffect(() => {
    if (!sessionId) return;
    const onStorage = (event: StorageEvent) => {
      if (event.key === draftKey(sessionId) && event.newValue !== null) setProblems([STRINGS[langRef.current].otherTab]);
    };
    window.addEventListener("storage", onStorage);
    return () => window.removeEventListener("storage", onStorage);
  }, [sessionId]);

  // Undo/redo from the keyboard anywhere but in a text field, which has its own.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = event.target as HTMLElement | null;
      const inTextField =
        target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !target.classList.contains("cell-input"));
      if (inTextField) return;
      const key = event.key.toLowerCase();
      if (key === "z" && !event.shiftKey) {
        event.preventDefault();
        undo();
      } else if (key === "y" || (key === "z" && event.shiftKey)) {
        event.preventDefault();
        redo();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [undo, redo]);

  const report = session?.report;
  const previous = session?.previous;

  const messagesOf = useMemo(() => {
    const cache = new Map<string, string>();
    return (pointer: string) => {
      const mark = check?.marks.get(pointer);
      if (!mark) return "";
      let text = cache.get(pointer);
      if (text === undefined) {
        text = mark.findings
          .map((index) => check!.findings[index]!)
          .map((finding) => (lang === "en" ? finding.messageEn : finding.message))
          .join("\n");
        cache.set(pointer, text);
      }
      return text;
    };
  }, [check, lang]);

  // Last year's figures shown under the cells they are the baseline of (表二 现行有效件数 / 对外公开总数量).
  const hints = useMemo(() => {
    const map = new Map<string, string>();
    if (!report || !previous || previous.edition !== report.edition) return map;
    const block = LAYOUTS[report.edition].table2.blocks[0]!;
    const column = block.columns[block.columns.length - 1]!;
    for (const row of block.rows) {
      const pointer = `/proactiveDisclosure/${row.key}/${column.key}`;
      const value = (previous.proactiveDisclosure as unknown as Record<string, Record<string, number | null>>)[row.key]?.[column.key];
      if (value !== null && value !== undefined) map.set(pointer, strings.previousHint(formatCellValue(value)));
    }
    return map;
  }, [report?.edition, previous, lang]);

  /** Runs an async action of the clerk's; a failure (a file that cannot be read, a script that cannot load) is shown, never lost. */
  function guarded(action: () => Promise<void>, what: string): void {
    action().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      setProblems([strings.actionFailed(what, reason)]);
    });
  }

  async function onOpenJson(file: File, asPrevious: "no" | "previous" | "start") {
    const result = await openReportJson(await readFile(file), file.name, lang);
    if (!result.ok) {
      setProblems([strings.openError(file.name), ...result.problems]);
      return;
    }
    setProblems([]);
    if (asPrevious === "start") {
      const { report: next, filled } = reportAfter(result.report);
      open(withOverviewParts(next), result.report);
      setStatus(strings.previousLoaded(result.report.meta.body, result.report.meta.year) + `（${filled.length}）`);
    } else if (asPrevious === "previous" && session) {
      const { report: next } = prefillFromPrevious(session.report, result.report);
      history.current?.push(next);
      setSession({ ...session, report: next, previous: result.report });
      setStatus(strings.previousLoaded(result.report.meta.body, result.report.meta.year));
    } else {
      open(result.report);
    }
  }

  async function onImportPublished(file: File) {
    const result = await importPublished(new Uint8Array(await file.arrayBuffer()), file.name);
    if (result.report) open(result.report);
    setProblems(result.findings.map((finding) => (lang === "en" ? finding.messageEn : finding.message)));
  }

  function print() {
    setView("preview");
    requestAnimationFrame(() => requestAnimationFrame(() => window.print()));
  }

  const errorCount = check?.findings.filter((finding) => finding.severity === "error").length ?? 0;
  const warningCount = check?.findings.filter((finding) => finding.severity === "warning").length ?? 0;
  const infoCount = check?.findings.filter((finding) => finding.severity === "info").length ?? 0;

  return (
    <div
      class="app"
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        // A file dropped anywhere on the page opens like the buttons: a report JSON, or a published report.
        const file = event.dataTransfer?.files[0];
        if (!file) return;
        event.preventDefault();
        if (/\.json$/i.test(file.name) || file.type === "application/json") guarded(() => onOpenJson(file, "no"), file.name);
        else guarded(() => onImportPublished(file), file.name);
      }}
    >
      <a class="skip" href="#findings">
        {strings.skipToFindings}
      </a>
      <header class="top no-print">
        <h1>{strings.appTitle}</h1>
        <div class="top-tools">
          {session ? (
            <span class="saved" role="status">
              {saveFailed ? strings.notSaved : savedAt ? strings.savedAt(savedAt) : ""}
            </span>
          ) : null}
          <button type="button" class="quiet" lang={lang === "zh" ? "en" : "zh-CN"} aria-label={strings.languageLabel} onClick={() => setLang(lang === "zh" ? "en" : "zh")}>
            {strings.language}
          </button>
        </div>
      </header>

      <StartPanel
        strings={strings}
        hasSession={session !== undefined}
        drafts={draftList}
        currentId={session?.id}
        onNew={(options) => open(withOverviewParts(newReport(options)))}
        onExample={() => open(exampleReport as unknown as Report)}
        onOpenJson={(file, mode) => guarded(() => onOpenJson(file, mode), file.name)}
        onImportPublished={(file) => guarded(() => onImportPublished(file), file.name)}
        onOpenDraft={(id) => {
          const draft = drafts.load(id);
          if (draft && isWellFormedReport(draft.report))
            open(draft.report, draft.previous && isWellFormedReport(draft.previous) ? draft.previous : undefined, draft.id);
        }}
        onDeleteDraft={(id) => {
          drafts.remove(id);
          setDraftList(drafts.list());
          if (session?.id === id) {
            setSession(undefined);
            history.current = null;
          }
        }}
      />

      <div class="live" role="status" aria-live="polite">
        {status}
      </div>
      {problems.length > 0 ? (
        <div class="problems" role="alert">
          <ul>
            {problems.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
          <button type="button" class="quiet" onClick={() => setProblems([])}>
            {strings.close}
          </button>
        </div>
      ) : null}

      {session && report && check ? (
        <>
          <div class="toolbar no-print" role="toolbar" aria-label={strings.edit}>
            <button type="button" onClick={undo} disabled={!history.current?.canUndo}>
              {strings.undo}
            </button>
            <button type="button" onClick={redo} disabled={!history.current?.canRedo}>
              {strings.redo}
            </button>
            <button
              type="button"
              onClick={() => {
                const result = fillTotals(report);
                commit(result.report);
                setStatus(strings.fillTotalsDone(result.filled.length));
              }}
            >
              {strings.fillTotals}
            </button>
            <label class="file-button">
              {strings.openPrevious}
              <input
                type="file"
                accept=".json,application/json"
                class="sr-only"
                data-action="previous"
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = "";
                  if (file) guarded(() => onOpenJson(file, "previous"), file.name);
                }}
              />
            </label>
            <a class={`count-link${errorCount > 0 ? " has-errors" : ""}`} href="#findings">
              {strings.counts(errorCount, warningCount, infoCount)}
            </a>
            <span class="spacer" />
            <div class="tabs" role="tablist">
              <button type="button" role="tab" aria-selected={view === "edit"} onClick={() => setView("edit")}>
                {strings.edit}
              </button>
              <button type="button" role="tab" aria-selected={view === "preview"} onClick={() => setView("preview")}>
                {strings.preview}
              </button>
            </div>
            <span class="group-label">{strings.download}</span>
            <button type="button" data-download="json" onClick={() => downloadJson(report)}>
              {strings.downloadJson}
            </button>
            <button type="button" data-download="html" onClick={() => downloadHtml(report)}>
              {strings.downloadHtml}
            </button>
            <button type="button" data-download="docx" onClick={() => guarded(() => downloadDocx(report), strings.downloadDocx)}>
              {strings.downloadDocx}
            </button>
            <button type="button" onClick={print}>
              {strings.print}
            </button>
          </div>

          {previous ? (
            <div class="previous no-print">
              {strings.previousLoaded(previous.meta.body, previous.meta.year)}
              <button type="button" class="quiet" onClick={() => setSession({ ...session, previous: undefined })}>
                {strings.previousRemove}
              </button>
            </div>
          ) : null}

          <div class="workspace">
            <main class="editor" id="main">
              {view === "edit" ? (
                <Editor
                  // A fresh editor (its text fields' local state) for each opened report.
                  key={session.id}
                  report={report}
                  strings={strings}
                  lang={lang}
                  marks={check.marks}
                  messagesOf={messagesOf}
                  hints={hints}
                  events={events}
                  commit={commit}
                  setStatus={setStatus}
                />
              ) : (
                <Preview report={report} check={check} lang={lang} />
              )}
            </main>
            <aside class="findings no-print" id="findings" aria-labelledby="findings-heading" tabIndex={-1}>
              <h2 id="findings-heading">{strings.findings}</h2>
              <p class="counts">{strings.counts(errorCount, warningCount, infoCount)}</p>
              {check.findings.length === 0 ? <p class="ok">{strings.noFindings}</p> : null}
              <ol class="finding-list">
                {check.findings.map((finding, index) => {
                  // The pinpointed cell, else the first cell involved, else the first place named (a field, a section).
                  const target =
                    finding.pinpoint?.pointer ??
                    finding.pointers.find((pointer) => cellAt(report.edition, pointer) !== undefined) ??
                    finding.pointers[0];
                  return (
                    <li key={index} class={`finding finding-${finding.severity}`} data-rule={finding.ruleId}>
                      <span class="badge">{finding.ruleId}</span> {lang === "en" ? finding.messageEn : finding.message}
                      {finding.related && finding.related.length > 0 ? (
                        <ul class="related">
                          {finding.related.map((related, relatedIndex) => (
                            <li key={relatedIndex} class={`finding finding-${related.severity} finding-related`} data-rule={related.ruleId}>
                              <span class="badge">{related.ruleId}</span> {lang === "en" ? related.messageEn : related.message}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                      <div class="finding-actions">
                        {target !== undefined && target !== "" ? (
                          <button
                            type="button"
                            class="quiet"
                            onClick={() => {
                              setView("edit");
                              requestAnimationFrame(() => {
                                if (focusCell(target)) return;
                                const id = elementIdFor(report.edition, target);
                                const element = id === undefined ? null : document.getElementById(id);
                                element?.focus();
                                element?.scrollIntoView({ block: "center" });
                              });
                            }}
                          >
                            {strings.goToCell}
                          </button>
                        ) : null}
                        {finding.pinpoint ? (
                          <button
                            type="button"
                            class="fix"
                            onClick={() => events.onFix(finding.pinpoint!.pointer, finding.pinpoint!.suggested)}
                          >
                            {strings.fix(formatCellValue(finding.pinpoint.suggested))}
                          </button>
                        ) : null}
                      </div>
                    </li>
                  );
                })}
              </ol>
              <p class="timing">{strings.checkedIn(check.elapsedMs.toFixed(1))}</p>
            </aside>
          </div>
        </>
      ) : null}
    </div>
  );
}

interface EditorProps {
  report: Report;
  strings: (typeof STRINGS)[Lang];
  lang: Lang;
  marks: ReturnType<typeof checkReport>["marks"];
  messagesOf: (pointer: string) => string;
  hints: ReadonlyMap<string, string>;
  events: CellEvents;
  commit: (report: Report, group?: string) => void;
  setStatus: (status: string) => void;
}

function Editor(props: EditorProps): JSX.Element {
  const { report, strings } = props;
  // Prose sections with a finding on them (the section, a paragraph or a part).
  const markedSections = new Set<string>();
  for (const pointer of props.marks.keys()) markedSections.add(pointer.split("/")[1] ?? "");
  const setProseOf = (key: ProseKey) => (prose: Report["overview"]) => props.commit(setProse(report, key, prose), `prose:${key}`);
  return (
    <div class="report-form">
      <MetaForm report={report} strings={strings} lang={props.lang} commit={props.commit} setStatus={props.setStatus} />
      <section class="prose" aria-labelledby="heading-preamble">
        <h2 id="heading-preamble" class="minor">
          {strings.preamble}
        </h2>
        <ParagraphsArea
          id="prose-preamble"
          label={strings.preamble}
          paragraphs={report.preamble?.paragraphs ?? []}
          onChange={(paragraphs) => props.commit(setProse(report, "preamble", { ...(report.preamble ?? {}), paragraphs }), "prose:preamble")}
        />
      </section>
      {SECTION_LAYOUTS.map((section) =>
        section.kind === "prose" ? (
          <ProseEditor
            key={section.key}
            sectionKey={section.key}
            heading={section.heading}
            prose={(report as unknown as Record<string, Report["overview"]>)[section.key]!}
            strings={strings}
            marked={markedSections.has(section.key)}
            onChange={setProseOf(section.key as ProseKey)}
          />
        ) : (
          <section key={section.key} class="table-section" aria-labelledby={`heading-${section.key}`} id={`section-${section.key}`}>
            <h2 id={`heading-${section.key}`}>{section.heading}</h2>
            {section.table === "table3" ? <p class="note">{strings.blankNote}</p> : null}
            <OfficialTable
              report={report}
              table={section.table!}
              marks={props.marks}
              messagesOf={props.messagesOf}
              hints={props.hints}
              lang={props.lang}
              strings={strings}
              events={props.events}
            />
          </section>
        ),
      )}
    </div>
  );
}
