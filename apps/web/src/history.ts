/**
 * Undo and redo over immutable reports. Typing several characters into one cell is one step, as in a spreadsheet:
 * an edit with the same `group` as the one before it, within a short while, replaces it instead of adding a step.
 */
export class History<T> {
  private readonly past: T[] = [];
  private readonly future: T[] = [];
  private lastGroup: string | undefined;
  private lastTime = 0;

  constructor(
    private present: T,
    private readonly limit = 300,
    private readonly groupWindowMs = 1500,
  ) {}

  get current(): T {
    return this.present;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Records a new state. `group` (e.g. a cell pointer) merges consecutive edits of the same thing. */
  push(next: T, group?: string, now = Date.now()): void {
    if (next === this.present) return;
    const merge = group !== undefined && group === this.lastGroup && now - this.lastTime < this.groupWindowMs;
    if (!merge) {
      this.past.push(this.present);
      if (this.past.length > this.limit) this.past.shift();
    }
    this.present = next;
    this.future.length = 0;
    this.lastGroup = group;
    this.lastTime = now;
  }

  undo(): T {
    const previous = this.past.pop();
    if (previous !== undefined) {
      this.future.push(this.present);
      this.present = previous;
    }
    this.lastGroup = undefined;
    return this.present;
  }

  redo(): T {
    const next = this.future.pop();
    if (next !== undefined) {
      this.past.push(this.present);
      this.present = next;
    }
    this.lastGroup = undefined;
    return this.present;
  }

  /** Starts over from a state (opening another report): nothing to undo. */
  reset(state: T): void {
    this.past.length = 0;
    this.future.length = 0;
    this.present = state;
    this.lastGroup = undefined;
  }
}
