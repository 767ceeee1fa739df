/**
 * A progress bar on standard error, drawn only when standard error is a terminal, so it never mixes into
 * machine output or logs.
 */
import type { OutputStream } from "../context.js";

const INTERVAL_MS = 100;

/** A redraw-throttled progress bar. */
export class ProgressBar {
  private readonly stream: OutputStream;
  private readonly total: number;
  private readonly label: string;
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(stream: OutputStream, total: number, label: string, enabled: boolean) {
    this.stream = stream;
    this.total = total;
    this.label = label;
    this.enabled = enabled;
  }

  /** Reports how many files are done; redraws at most every 100 ms. */
  update(done: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.lastDraw < INTERVAL_MS && done < this.total) return;
    this.lastDraw = now;
    const width = Math.max(10, Math.min(40, (this.stream.columns ?? 80) - 40));
    const ratio = this.total === 0 ? 1 : done / this.total;
    const filled = Math.round(ratio * width);
    const seconds = ((now - this.started) / 1000).toFixed(1);
    this.stream.write(
      `\r${this.label} [${"█".repeat(filled)}${"░".repeat(width - filled)}] ${done}/${this.total} ${Math.floor(ratio * 100)}% ${seconds}s\u001b[K`,
    );
    this.drawn = true;
  }

  /** Erases the bar (before other output on standard error, and at the end). */
  clear(): void {
    if (!this.drawn) return;
    this.stream.write("\r\u001b[K");
    this.drawn = false;
    this.lastDraw = 0;
  }
}
