/**
 * The report's metadata: body, year (which sets the edition), title, codes, level and publication date. A field
 * whose value the format would refuse keeps what was typed and says what is expected, and the report keeps its
 * last valid value, so the live checks always run on a well-formed report.
 */
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import {
  BODY_LEVELS,
  CREDIT_CODE_PATTERN,
  editionForYear,
  LAYOUTS,
  META_FIELD_LABELS,
  META_FORMAT_HINTS,
  REGION_CODE_PATTERN,
  REPORT_YEAR_RANGE,
  type Report,
} from "@xxgk/schema/layout";
import type { Lang, Strings } from "./i18n.js";
import { changeYear } from "./report-edit.js";

/** The metadata fields. */
export function MetaForm(props: {
  report: Report;
  strings: Strings;
  lang: Lang;
  commit: (report: Report, group?: string) => void;
  setStatus: (status: string) => void;
}) {
  const { report, strings } = props;
  const [body, setBody] = useState(report.meta.body);
  const [year, setYear] = useState(String(report.meta.year));
  const shownBody = body.trim() === "" || body === report.meta.body ? body : report.meta.body;
  const shownYear = year === String(report.meta.year) || !/^\d{4}$/.test(year) ? year : String(report.meta.year);
  const edition = LAYOUTS[report.edition];
  return (
    <section class="meta" aria-label={strings.start}>
      <label>
        {strings.body}
        <input
          id="meta-body"
          value={shownBody}
          required
          aria-invalid={shownBody.trim() === "" ? "true" : undefined}
          onInput={(event) => {
            const value = event.currentTarget.value;
            setBody(value);
            if (value.trim() !== "") props.commit({ ...report, meta: { ...report.meta, body: value.trim() } } as Report, "meta:body");
          }}
        />
      </label>
      <label>
        {strings.year}
        <input
          id="meta-year"
          inputMode="numeric"
          value={shownYear}
          onInput={(event) => {
            const value = event.currentTarget.value.trim();
            setYear(value);
            const number = Number(value);
            if (/^\d{4}$/.test(value) && number >= REPORT_YEAR_RANGE.min && number <= REPORT_YEAR_RANGE.max && editionForYear(number)) {
              const result = changeYear(report, number);
              props.commit(result.report);
              if (result.editionChanged) props.setStatus(strings.editionChanged(result.report.edition));
            }
          }}
        />
      </label>
      <p class="edition">
        {strings.editionLine(edition.edition, edition.basis)} {strings.editionFollows}
      </p>
      <label>
        {strings.title}
        <input
          id="meta-title"
          value={report.meta.title ?? ""}
          onInput={(event) => {
            const value = event.currentTarget.value;
            const meta = { ...report.meta };
            if (value.trim() === "") delete meta.title;
            else meta.title = value;
            props.commit({ ...report, meta } as Report, "meta:title");
          }}
        />
      </label>
      <PatternField
        id="meta-regionCode"
        label={`${META_FIELD_LABELS.regionCode}${strings.optional}`}
        value={report.meta.regionCode}
        pattern={REGION_CODE_PATTERN}
        hint={META_FORMAT_HINTS.regionCode[props.lang]}
        onValue={(value) => props.commit(withMeta(report, "regionCode", value), "meta:regionCode")}
      />
      <PatternField
        id="meta-creditCode"
        label={`${META_FIELD_LABELS.creditCode}${strings.optional}`}
        value={report.meta.creditCode}
        pattern={CREDIT_CODE_PATTERN}
        hint={META_FORMAT_HINTS.creditCode[props.lang]}
        upperCase
        onValue={(value) => props.commit(withMeta(report, "creditCode", value), "meta:creditCode")}
      />
      <label>
        {`${META_FIELD_LABELS.level}${strings.optional}`}
        <select
          id="meta-level"
          value={report.meta.level ?? ""}
          onChange={(event) => props.commit(withMeta(report, "level", event.currentTarget.value || undefined))}
        >
          <option value="">—</option>
          {Object.entries(BODY_LEVELS).map(([key, label]) => (
            <option key={key} value={key}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {strings.publishedOn}
        <input
          id="meta-published"
          type="date"
          value={report.meta.publishedOn ?? ""}
          onInput={(event) => {
            const value = event.currentTarget.value;
            const meta = { ...report.meta };
            if (value === "") delete meta.publishedOn;
            else meta.publishedOn = value;
            props.commit({ ...report, meta } as Report);
          }}
        />
      </label>
    </section>
  );
}

/** The report with one optional metadata field set, or removed when `value` is undefined. */
function withMeta(report: Report, key: "regionCode" | "creditCode" | "level", value: string | undefined): Report {
  const meta = { ...report.meta } as Record<string, unknown>;
  if (value === undefined) delete meta[key];
  else meta[key] = value;
  return { ...report, meta } as Report;
}

/**
 * A text field whose value must match a pattern to be stored (a report with a malformed code is not a report the
 * format accepts); while it does not, the field keeps what was typed and says what is expected.
 */
function PatternField(props: {
  id: string;
  label: string;
  value: string | undefined;
  pattern: RegExp;
  hint: string;
  upperCase?: boolean;
  onValue(value: string | undefined): void;
}): JSX.Element {
  const [text, setText] = useState(props.value ?? "");
  const typed = props.upperCase ? text.trim().toUpperCase() : text.trim();
  const valid = typed === "" || props.pattern.test(typed);
  const shown = typed === (props.value ?? "") || !valid ? text : (props.value ?? "");
  return (
    <label>
      {props.label}
      <input
        id={props.id}
        value={shown}
        aria-invalid={valid ? undefined : "true"}
        aria-describedby={valid ? undefined : `${props.id}-hint`}
        onInput={(event) => {
          const value = event.currentTarget.value;
          setText(value);
          const normalized = props.upperCase ? value.trim().toUpperCase() : value.trim();
          if (normalized === "") props.onValue(undefined);
          else if (props.pattern.test(normalized) && normalized !== props.value) props.onValue(normalized);
        }}
      />
      {valid ? null : (
        <span id={`${props.id}-hint`} class="field-hint" role="alert">
          {props.hint}
        </span>
      )}
    </label>
  );
}
