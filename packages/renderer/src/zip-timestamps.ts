/**
 * Sets the modification date and time of every entry of a ZIP archive, in place. The DOCX zipper stamps entries
 * with the current time; a published file must not change when nothing in the report changed.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;

/** The MS-DOS date and time fields of a ZIP entry for a calendar date at 00:00:00. */
export function dosDateTime(year: number, month: number, day: number): { date: number; time: number } {
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: 0 };
}

/** Rewrites the date and time of every local header and central-directory entry; throws on a malformed archive. */
export function setZipTimestamps(zip: Uint8Array, stamp: { date: number; time: number }): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.byteLength - 22;
  while (end >= 0 && view.getUint32(end, true) !== END_OF_CENTRAL_DIRECTORY) end -= 1;
  if (end < 0) throw new Error("not a ZIP archive: no end-of-central-directory record");
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  for (let index = 0; index < entries; index += 1) {
    if (view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) throw new Error("malformed ZIP central directory");
    view.setUint16(offset + 12, stamp.time, true);
    view.setUint16(offset + 14, stamp.date, true);
    const local = view.getUint32(offset + 42, true);
    if (view.getUint32(local, true) !== LOCAL_FILE_HEADER) throw new Error("malformed ZIP local header");
    view.setUint16(local + 10, stamp.time, true);
    view.setUint16(local + 12, stamp.date, true);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return zip;
}
