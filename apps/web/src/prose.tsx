/**
 * Prose sections as text areas: one paragraph per line. The text area keeps what the clerk typed (an empty line
 * while starting a new paragraph) and is reset only when the report changes from elsewhere (undo, opening a file).
 */
import type { JSX } from "preact";
import { useState } from "preact/hooks";
import type { Prose } from "@xxgk/schema/layout";
import type { Strings } from "./i18n.js";
import { paragraphsOf, textOf } from "./report-edit.js";

function sameParagraphs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((paragraph, index) => paragraph === b[index]);
}

interface ParagraphsProps {
  id: string;
  label: string;
  paragraphs: readonly string[];
  onChange(paragraphs: string[]): void;
  rows?: number;
}

/** A text area bound to a list of paragraphs. */
export function ParagraphsArea(props: ParagraphsProps): JSX.Element {
  const [text, setText] = useState(() => textOf(props.paragraphs));
  // Re-derive when the paragraphs no longer match the text (changed from elsewhere).
  const shown = sameParagraphs(paragraphsOf(text), props.paragraphs) ? text : textOf(props.paragraphs);
  return (
    <textarea
      id={props.id}
      class="prose-input"
      aria-label={props.label}
      rows={props.rows ?? Math.min(12, Math.max(3, props.paragraphs.length + 2))}
      value={shown}
      onInput={(event) => {
        const value = event.currentTarget.value;
        setText(value);
        const paragraphs = paragraphsOf(value);
        if (!sameParagraphs(paragraphs, props.paragraphs)) props.onChange(paragraphs);
      }}
    />
  );
}

interface ProseEditorProps {
  /** Section key, used in ids (`prose-overview`). */
  sectionKey: string;
  heading: string;
  prose: Prose;
  strings: Strings;
  marked: boolean;
  onChange(prose: Prose): void;
}

/** A prose section: its heading, the paragraphs before any part, and its titled parts. */
export function ProseEditor(props: ProseEditorProps): JSX.Element {
  const { prose, strings } = props;
  const parts = prose.parts ?? [];
  const setParts = (next: NonNullable<Prose["parts"]>) =>
    props.onChange(next.length > 0 ? { ...prose, parts: next } : { paragraphs: prose.paragraphs });
  const headingId = `heading-${props.sectionKey}`;
  return (
    <section class={`prose${props.marked ? " prose-marked" : ""}`} aria-labelledby={headingId} id={`section-${props.sectionKey}`}>
      <h2 id={headingId}>
        {props.heading}
        {props.marked ? <span class="section-flag">{props.strings.sectionHasFindings}</span> : null}
      </h2>
      <ParagraphsArea
        id={`prose-${props.sectionKey}`}
        label={`${props.heading} ${strings.paragraphs}`}
        paragraphs={prose.paragraphs}
        onChange={(paragraphs) => props.onChange({ ...prose, paragraphs })}
      />
      {parts.map((part, index) => (
        <div class="part" key={index}>
          <div class="part-head">
            <input
              class="part-title"
              aria-label={`${props.heading} ${strings.partTitle} ${index + 1}`}
              value={part.title}
              onInput={(event) => setParts(parts.map((p, i) => (i === index ? { ...p, title: event.currentTarget.value } : p)))}
            />
            <button type="button" class="quiet" onClick={() => setParts(parts.filter((_, i) => i !== index))}>
              {strings.removePart}
            </button>
          </div>
          <ParagraphsArea
            id={`prose-${props.sectionKey}-${index}`}
            label={`${part.title || props.heading} ${strings.paragraphs}`}
            paragraphs={part.paragraphs}
            onChange={(paragraphs) => setParts(parts.map((p, i) => (i === index ? { ...p, paragraphs } : p)))}
          />
        </div>
      ))}
      <button type="button" class="quiet" onClick={() => setParts([...parts, { title: "", paragraphs: [] }])}>
        {strings.addPart}
      </button>
    </section>
  );
}
