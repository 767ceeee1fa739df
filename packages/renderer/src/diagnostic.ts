/**
 * Findings to show on the rendered report, taken as plain data. The shape is a structural subset of
 * `@xxgk/validators`' `Diagnostic`, so its diagnostics can be passed as they are; the renderer does not depend on
 * that package.
 */

/** A cell a finding involves, as `@xxgk/validators` lists it. */
export interface RenderDiagnosticCell {
  /** JSON Pointer of the cell. */
  pointer: string;
  /** Human label, e.g. `表三 / 自然人 / 一、本年新收政府信息公开申请数量`. */
  label?: string;
  /** The value the report states (shown when a finite number; `null` means blank). */
  value?: unknown;
}

/** The one cell a finding singles out as the likely error, with the value that would make it consistent. */
export interface RenderPinpoint {
  /** JSON Pointer of the cell. */
  pointer: string;
  /** Human label of the cell. */
  label?: string;
  /** The value the report states (shown when a finite number). */
  stated?: unknown;
  /** The value that repairs the cell (shown when a finite number as “建议改为 N” / “suggested N”). */
  suggested?: unknown;
}

/** A finding to mark on the rendered report. */
export interface RenderDiagnostic {
  /** Stable rule id, e.g. `R1`. */
  ruleId: string;
  severity: "error" | "warning" | "info";
  /** Message in Chinese. */
  message: string;
  /**
   * JSON Pointers the finding involves: cells (`/applications/total/naturalPerson`), rows (`/applications/total`),
   * sections (`/overview`) or `""` for the whole report.
   */
  pointers: readonly string[];
  /** The cell most likely wrong, marked distinctly. */
  pinpoint?: RenderPinpoint;
  /** Findings that explain this one; listed under it. */
  related?: readonly RenderDiagnostic[];
  /** Message in English, shown with `lang: "en"`. */
  messageEn?: string;
  /** `not-assessable` findings could not be checked (e.g. blank cells); they are shown as such. */
  outcome?: "fail" | "not-assessable";
  /** The cells involved with their labels and values. */
  cells?: readonly RenderDiagnosticCell[];
  /** The stated value (e.g. a 总计), shown when a finite number. */
  stated?: unknown;
  /**
   * JSON Pointers of the cells that state {@link RenderDiagnostic.stated} (e.g. the 总计 cell): only their tooltips show
   * the figures; the other cells involved show the message alone.
   */
  statedBy?: readonly string[];
  /**
   * The figure the stated value is checked against (e.g. the sum of the details), shown when a finite number as
   * “比对值” / “checked against” — never as a value the cell should have: that is only the pinpoint's `suggested`.
   */
  expected?: unknown;
  /** stated − expected, shown when a finite number. */
  difference?: unknown;
}
