/**
 * Where a finding's pointer is edited on the page: a cell's input, a metadata field, or a prose text area.
 */
import { cellAt, type Edition } from "@xxgk/schema/layout";
import { inputIdOf } from "./ids.js";

const META_FIELDS: Readonly<Record<string, string>> = {
  body: "meta-body",
  year: "meta-year",
  title: "meta-title",
  publishedOn: "meta-published",
  regionCode: "meta-regionCode",
  creditCode: "meta-creditCode",
  level: "meta-level",
};

/** The id of the element that edits what a pointer names, or undefined for the whole report. */
export function elementIdFor(edition: Edition, pointer: string): string | undefined {
  if (cellAt(edition, pointer)) return inputIdOf(pointer);
  const [, top, second, third] = pointer.split("/");
  if (top === undefined || top === "") return undefined;
  if (top === "edition") return META_FIELDS.year;
  if (top === "meta") return META_FIELDS[second ?? ""] ?? META_FIELDS.body;
  if (top === "preamble" || top === "overview" || top === "problemsAndImprovements" || top === "otherMatters") {
    return second === "parts" && third !== undefined && /^\d+$/.test(third) ? `prose-${top}-${third}` : `prose-${top}`;
  }
  // A table row or a table: its section.
  return `section-${top}`;
}
