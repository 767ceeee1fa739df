/**
 * Builds small PDFs for the reader's tests: pages with given content streams (optionally Flate-compressed), a
 * Helvetica font, and a correct cross-reference table.
 */
import { zlibSync } from "fflate";

export interface TestPage {
  /** The page's content stream (PDF operators). */
  readonly content: string | Uint8Array;
  /** Compress the content stream with Flate. */
  readonly compress?: boolean;
}

const latin1 = (text: string) => Uint8Array.from(text, (character) => character.charCodeAt(0) & 0xff);

export function buildPdf(pages: readonly TestPage[]): Uint8Array {
  const objects: Uint8Array[] = [];
  const pageIds = pages.map((_, index) => 4 + index * 2);
  objects.push(latin1("<< /Type /Catalog /Pages 2 0 R >>"));
  objects.push(latin1(`<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`));
  objects.push(latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"));
  pages.forEach((page, index) => {
    objects.push(latin1(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`));
    const raw = typeof page.content === "string" ? latin1(page.content) : page.content;
    const data = page.compress ? zlibSync(raw) : raw;
    const head = latin1(`<< /Length ${data.length}${page.compress ? " /Filter /FlateDecode" : ""} >>\nstream\n`);
    const tail = latin1("\nendstream");
    const body = new Uint8Array(head.length + data.length + tail.length);
    body.set(head);
    body.set(data, head.length);
    body.set(tail, head.length + data.length);
    objects.push(body);
  });
  const chunks: Uint8Array[] = [latin1("%PDF-1.4\n")];
  let offset = chunks[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(offset);
    for (const part of [latin1(`${index + 1} 0 obj\n`), object, latin1("\nendobj\n")]) {
      chunks.push(part);
      offset += part.length;
    }
  });
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`, ...offsets.map((at) => `${String(at).padStart(10, "0")} 00000 n \n`)].join("");
  chunks.push(latin1(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`));
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A content stream drawing each string at its position in 12 pt Helvetica. */
export function textContent(items: ReadonlyArray<{ text: string; x: number; y: number; size?: number }>): string {
  return items.map((item) => `BT /F1 ${item.size ?? 12} Tf ${item.x} ${item.y} Td (${item.text}) Tj ET`).join("\n");
}
