/** The 开始 panel: a new report, the example, a report JSON, last year's report, a published report, the drafts. */
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import { editionForYear, LAYOUTS, REPORT_YEAR_RANGE } from "@xxgk/schema/layout";
import type { DraftSummary } from "./drafts.js";
import type { Strings } from "./i18n.js";

/** Props of {@link StartPanel}. */
export interface StartProps {
  strings: Strings;
  hasSession: boolean;
  drafts: DraftSummary[];
  currentId: string | undefined;
  onNew(options: { year: number; body: string }): void;
  onExample(): void;
  onOpenJson(file: File, mode: "no" | "start"): void;
  onImportPublished(file: File): void;
  onOpenDraft(id: string): void;
  onDeleteDraft(id: string): void;
}

export function StartPanel(props: StartProps): JSX.Element {
  const { strings } = props;
  const lastYear = new Date().getFullYear() - 1;
  const [body, setBody] = useState("");
  const [year, setYear] = useState(String(lastYear));
  const yearNumber = Number(year);
  const edition = /^\d{4}$/.test(year) ? editionForYear(yearNumber) : null;
  const valid = body.trim() !== "" && edition !== null && yearNumber <= REPORT_YEAR_RANGE.max;
  return (
    <details class="start no-print" open={!props.hasSession}>
      <summary>
        {strings.start} · {strings.drafts}
      </summary>
      <div class="start-grid">
        <form
          class="new-report"
          aria-label={strings.newReport}
          onSubmit={(event) => {
            event.preventDefault();
            if (valid) props.onNew({ year: yearNumber, body: body.trim() });
          }}
        >
          <h2>{strings.newReport}</h2>
          <label>
            {strings.body}
            <input id="new-body" value={body} required onInput={(event) => setBody(event.currentTarget.value)} />
          </label>
          <label>
            {strings.year}
            <input id="new-year" inputMode="numeric" value={year} onInput={(event) => setYear(event.currentTarget.value.trim())} />
          </label>
          <p class="edition" aria-live="polite">
            {edition ? strings.editionLine(edition, LAYOUTS[edition].basis) : `${strings.edition}: —`}
          </p>
          <button type="submit" disabled={!valid}>
            {strings.create}
          </button>
        </form>
        <div class="open">
          <button type="button" id="open-example" onClick={props.onExample}>
            {strings.openExample}
          </button>
          <label class="file-button">
            {strings.openJson}
            <input
              type="file"
              accept=".json,application/json"
              class="sr-only"
              data-action="open"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = "";
                if (file) props.onOpenJson(file, "no");
              }}
            />
          </label>
          <label class="file-button">
            {strings.startFromPrevious}
            <input
              type="file"
              accept=".json,application/json"
              class="sr-only"
              data-action="start-from-previous"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = "";
                if (file) props.onOpenJson(file, "start");
              }}
            />
          </label>
          <label class="file-button">
            {strings.openPublished}
            <input
              type="file"
              data-action="open-published"
              accept=".pdf,.html,.htm,.docx,.txt,.md"
              class="sr-only"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                event.currentTarget.value = "";
                if (file) props.onImportPublished(file);
              }}
            />
          </label>
        </div>
        {props.drafts.length > 0 ? (
          <div class="drafts">
            <h2>{strings.drafts}</h2>
            <ul>
              {props.drafts.map((draft) => (
                <li key={draft.id}>
                  <span>
                    {draft.body || strings.untitled} {draft.year}
                    {draft.id === props.currentId ? strings.current : ""}
                  </span>
                  <button type="button" class="quiet" onClick={() => props.onOpenDraft(draft.id)}>
                    {strings.draftOpen}
                  </button>
                  <button type="button" class="quiet" onClick={() => props.onDeleteDraft(draft.id)}>
                    {strings.draftDelete}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </details>
  );
}
