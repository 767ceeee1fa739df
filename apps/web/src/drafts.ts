/**
 * Drafts kept in the browser (localStorage: synchronous, so a draft is written before the tab can close, and it
 * works for a page opened from a file share too). Each draft is one key; an index lists them.
 */
import type { Report } from "@xxgk/schema/layout";

/** One saved draft. */
export interface Draft {
  id: string;
  report: Report;
  /** Last year's report, when the clerk loaded one. */
  previous?: Report;
  /** ISO time of the last save. */
  savedAt: string;
}

/** What the drafts list shows. */
export interface DraftSummary {
  id: string;
  body: string;
  year: number;
  savedAt: string;
}

const PREFIX = "xxgk-web:draft:";
const INDEX = "xxgk-web:drafts";
const CURRENT = "xxgk-web:current";

/** The subset of the Web Storage API the drafts use (a test passes a Map-backed one). */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Draft storage over a Web Storage object. Every method reports failure instead of throwing. */
export class Drafts {
  constructor(private readonly storage: DraftStorage) {}

  list(): DraftSummary[] {
    try {
      const parsed: unknown = JSON.parse(this.storage.getItem(INDEX) ?? "[]");
      return Array.isArray(parsed) ? (parsed as DraftSummary[]) : [];
    } catch {
      return [];
    }
  }

  load(id: string): Draft | undefined {
    try {
      const text = this.storage.getItem(PREFIX + id);
      return text === null ? undefined : (JSON.parse(text) as Draft);
    } catch {
      return undefined;
    }
  }

  /** Saves a draft; false when the browser refused (storage full or disabled). */
  save(draft: Omit<Draft, "savedAt">, now = new Date()): boolean {
    const saved: Draft = { ...draft, savedAt: now.toISOString() };
    try {
      this.storage.setItem(PREFIX + draft.id, JSON.stringify(saved));
      const summary: DraftSummary = { id: draft.id, body: draft.report.meta.body, year: draft.report.meta.year, savedAt: saved.savedAt };
      const others = this.list().filter((entry) => entry.id !== draft.id);
      this.storage.setItem(INDEX, JSON.stringify([summary, ...others]));
      this.storage.setItem(CURRENT, draft.id);
      return true;
    } catch {
      return false;
    }
  }

  remove(id: string): void {
    try {
      this.storage.removeItem(PREFIX + id);
      this.storage.setItem(INDEX, JSON.stringify(this.list().filter((entry) => entry.id !== id)));
      if (this.storage.getItem(CURRENT) === id) this.storage.removeItem(CURRENT);
    } catch {
      // Nothing to do: the draft stays listed until storage works again.
    }
  }

  /** The draft the clerk worked on last. */
  current(): Draft | undefined {
    try {
      const id = this.storage.getItem(CURRENT);
      return id === null ? undefined : this.load(id);
    } catch {
      return undefined;
    }
  }
}

/** The storage key of a draft (for `storage` events from other tabs). */
export function draftKey(id: string): string {
  return PREFIX + id;
}

/** A new draft id: time-ordered and unique enough for one browser. */
export function newDraftId(now = Date.now()): string {
  return `${now.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
