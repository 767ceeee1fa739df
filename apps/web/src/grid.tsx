/**
 * The official tables as the clerk fills them: the renderer's merged-cell grids (the same the published page and
 * the Word file print), with an input in every data cell. A plain table is the right widget here: the official
 * layout merges header cells over rows and columns in ways no data-grid component reproduces exactly, and the
 * spreadsheet habits that matter (arrows, Enter, paste of a block, undo) are a few key handlers on inputs.
 */
import { Component, type JSX, type TargetedEvent } from "preact";
import { formatCellValue, type CellKind, type Edition, type Report, type TableKey } from "@xxgk/schema/layout";
import { parseCellInput } from "./cell-input.js";
import type { CellMark } from "./checking.js";
import type { Lang, Strings } from "./i18n.js";
import { tableModels, type DataCell, type HeaderCell } from "./renderer.js";
import { valueAt } from "./report-edit.js";

import { inputIdOf } from "./ids.js";

export { inputIdOf };

/** What a cell input reports to the editor. */
export interface CellEvents {
  onValue(pointer: string, value: number | null): void;
  onKey(pointer: string, event: KeyboardEvent): void;
  onPaste(pointer: string, text: string): void;
  onFix(pointer: string, value: number): void;
}

interface CellProps {
  pointer: string;
  kind: CellKind;
  label: string;
  value: number | null;
  mark: CellMark | undefined;
  /** Messages of the findings on this cell (for hover and screen readers). */
  messages: string;
  hint: string | undefined;
  columnSpan: number;
  lang: Lang;
  strings: Strings;
  events: CellEvents;
}

interface CellState {
  /** The text being typed, while it differs from the stored value's text (or is invalid). */
  text: string | null;
  error: string | null;
}

/** One numeric cell. Re-renders only when its own value, mark or language changes. */
class CellEditor extends Component<CellProps, CellState> {
  override state: CellState = { text: null, error: null };

  override shouldComponentUpdate(next: CellProps, nextState: CellState): boolean {
    const props = this.props;
    return (
      next.value !== props.value ||
      next.mark !== props.mark ||
      next.messages !== props.messages ||
      next.hint !== props.hint ||
      next.lang !== props.lang ||
      next.events !== props.events ||
      nextState.text !== this.state.text ||
      nextState.error !== this.state.error
    );
  }

  override componentWillReceiveProps(next: CellProps): void {
    // The value changed from elsewhere (undo, fix, paste): drop the typed text that no longer matches it.
    if (this.state.text === null || next.value === this.props.value) return;
    const parsed = parseCellInput(next.kind, this.state.text);
    if (!parsed.ok || parsed.value !== next.value) this.setState({ text: null, error: null });
  }

  private readonly onInput = (event: TargetedEvent<HTMLInputElement>) => {
    const text = event.currentTarget.value;
    const parsed = parseCellInput(this.props.kind, text, this.props.lang);
    if (parsed.ok) {
      this.setState({ text, error: null });
      if (parsed.value !== this.props.value) this.props.events.onValue(this.props.pointer, parsed.value);
    } else {
      this.setState({ text, error: parsed.message });
    }
  };

  private readonly onBlur = () => {
    if (this.state.error === null && this.state.text !== null) this.setState({ text: null });
  };

  /** The value when the cell got focus: Escape goes back to it, as in a spreadsheet. */
  private valueOnFocus: number | null = null;

  private readonly onFocus = () => {
    this.valueOnFocus = this.props.value;
  };

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      this.setState({ text: null, error: null });
      if (this.props.value !== this.valueOnFocus) this.props.events.onValue(this.props.pointer, this.valueOnFocus);
      return;
    }
    this.props.events.onKey(this.props.pointer, event);
  };

  private readonly onPaste = (event: ClipboardEvent) => {
    const text = event.clipboardData?.getData("text/plain") ?? "";
    event.preventDefault();
    this.setState({ text: null, error: null });
    this.props.events.onPaste(this.props.pointer, text);
  };

  private readonly onFix = () => {
    const suggested = this.props.mark?.suggested;
    if (suggested !== undefined) this.props.events.onFix(this.props.pointer, suggested);
  };

  override render(props: CellProps, state: CellState) {
    const id = inputIdOf(props.pointer);
    const mark = props.mark;
    const classes = ["cell"];
    if (mark) classes.push(mark.onlyBlank ? "cell-unfilled" : `cell-${mark.severity}`);
    if (mark?.pinpoint) classes.push("cell-pinpoint");
    if (state.error) classes.push("cell-invalid");
    if (props.value === null && state.text === null) classes.push("cell-blank");
    const describedBy = [state.error ? `${id}-error` : "", props.messages ? `${id}-findings` : ""].filter(Boolean).join(" ");
    const suggested = mark?.pinpoint ? mark.suggested : undefined;
    return (
      <td class={classes.join(" ")} colSpan={props.columnSpan > 1 ? props.columnSpan : undefined}>
        <input
          id={id}
          class="cell-input"
          data-pointer={props.pointer}
          type="text"
          inputMode={props.kind === "amount" ? "decimal" : props.kind === "signedCount" ? "text" : "numeric"}
          autoComplete="off"
          spellcheck={false}
          aria-label={props.label}
          aria-invalid={state.error !== null || (mark?.severity === "error" && !mark.onlyBlank) ? "true" : undefined}
          aria-describedby={describedBy || undefined}
          title={[state.error, props.messages].filter(Boolean).join("\n") || undefined}
          value={state.text ?? formatCellValue(props.value)}
          onInput={this.onInput}
          onFocus={this.onFocus}
          onBlur={this.onBlur}
          onKeyDown={this.onKeyDown}
          onPaste={this.onPaste}
        />
        {props.hint ? <span class="cell-hint">{props.hint}</span> : null}
        {state.error ? (
          <span id={`${id}-error`} class="cell-error" role="alert">
            {state.error}
          </span>
        ) : null}
        {props.messages ? (
          <span id={`${id}-findings`} class="sr-only">
            {props.messages}
          </span>
        ) : null}
        {suggested !== undefined ? (
          <button
            type="button"
            class="fix"
            data-fix={props.pointer}
            // Out of the Tab order, which goes cell to cell as in a spreadsheet; the findings panel's fix is in it.
            tabIndex={-1}
            aria-label={props.strings.fixLabel(props.label, formatCellValue(suggested))}
            onClick={this.onFix}
          >
            {props.strings.fix(formatCellValue(suggested))}
          </button>
        ) : null}
      </td>
    );
  }
}

function headerCell(cell: HeaderCell, idPrefix: string, markedRows: ReadonlySet<string>): JSX.Element {
  const classes = [`h-${cell.variant}`, cell.variant === "rowGroup" || cell.depth > 0 ? `h-depth-${cell.depth}` : "", markedRows.has(cell.id) ? "h-marked" : ""]
    .filter(Boolean)
    .join(" ");
  const Tag = cell.variant === "note" || cell.variant === "caption" ? "td" : "th";
  return (
    <Tag
      id={`${idPrefix}${cell.id}`}
      class={classes}
      rowSpan={cell.rowSpan > 1 ? cell.rowSpan : undefined}
      colSpan={cell.columnSpan > 1 ? cell.columnSpan : undefined}
      scope={Tag !== "th" || !cell.scope ? undefined : cell.scope === "col" ? (cell.columnSpan > 1 ? "colgroup" : "col") : cell.rowSpan > 1 ? "rowgroup" : "row"}
    >
      {cell.text}
    </Tag>
  );
}

/** Props of {@link OfficialTable}. */
export interface OfficialTableProps {
  report: Report;
  table: TableKey;
  marks: ReadonlyMap<string, CellMark>;
  messagesOf: (pointer: string) => string;
  hints: ReadonlyMap<string, string>;
  lang: Lang;
  strings: Strings;
  events: CellEvents;
}

/** Screen-reader label of a cell: its official row and column labels, e.g. `表三 自然人 （一）予以公开`. */
export function spokenLabel(label: string): string {
  return label.replace(/ \/ /g, " ");
}

/** One official table, drawn from the renderer's grid of the report's edition. */
export function OfficialTable(props: OfficialTableProps): JSX.Element {
  const edition: Edition = props.report.edition;
  const model = tableModels(edition)[props.table];
  const idPrefix = "ed-";
  const markedRows = new Set<string>();
  for (const [pointer, mark] of props.marks) {
    const [, , row, column] = pointer.split("/");
    if (column === undefined && row !== undefined && mark) {
      const id = model.rowHeaders.get(row);
      if (id) markedRows.add(id);
    }
  }
  const data = (cell: DataCell) => {
    const pointer = cell.info.pointer;
    return (
      <CellEditor
        key={pointer}
        pointer={pointer}
        kind={cell.info.kind}
        label={spokenLabel(cell.info.label)}
        value={valueAt(props.report, pointer)}
        mark={props.marks.get(pointer)}
        messages={props.messagesOf(pointer)}
        hint={props.hints.get(pointer)}
        columnSpan={cell.columnSpan}
        lang={props.lang}
        strings={props.strings}
        events={props.events}
      />
    );
  };
  return (
    <div class="table-scroll" role="region" aria-label={`${model.name} ${model.section.title}`} tabIndex={-1}>
      <table class={`grid grid-${props.table}`} id={`${idPrefix}${props.table}`}>
        <caption class="sr-only">
          {model.name} {model.section.title}
        </caption>
        {model.head.length > 0 ? (
          <thead>
            {model.head.map((row, index) => (
              <tr key={index}>{row.cells.map((cell) => (cell.kind === "header" ? headerCell(cell, idPrefix, markedRows) : data(cell)))}</tr>
            ))}
          </thead>
        ) : null}
        {model.bodies.map((body, bodyIndex) => (
          <tbody key={bodyIndex}>
            {body.map((row, rowIndex) => (
              <tr key={rowIndex}>{row.cells.map((cell) => (cell.kind === "header" ? headerCell(cell, idPrefix, markedRows) : data(cell)))}</tr>
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}
