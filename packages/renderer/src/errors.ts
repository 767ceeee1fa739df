/** Thrown when a value cannot be rendered because it is not a report of a known edition. */
export class RenderError extends Error {
  override readonly name = "RenderError";
  /** Stable code: `UNKNOWN_EDITION` or `NOT_A_REPORT`. */
  readonly code: "UNKNOWN_EDITION" | "NOT_A_REPORT";

  constructor(code: RenderError["code"], message: string) {
    super(message);
    this.code = code;
  }
}
