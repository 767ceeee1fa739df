import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { dosDateTime, setZipTimestamps } from "./zip-timestamps.js";

describe("setZipTimestamps", () => {
  it("sets the date of every entry, in the local headers and the central directory", async () => {
    const zip = new JSZip();
    zip.file("a.txt", "一", { date: new Date(2031, 4, 6, 7, 8, 10) });
    zip.file("dir/b.xml", "<b/>", { date: new Date(1999, 11, 31, 23, 59, 58) });
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const stamped = setZipTimestamps(bytes, dosDateTime(2024, 1, 20));
    const reread = await JSZip.loadAsync(stamped);
    const dates = Object.values(reread.files).map((file) => [file.date.getFullYear(), file.date.getMonth() + 1, file.date.getDate(), file.date.getHours(), file.date.getMinutes()]);
    expect(dates).toEqual([
      [2024, 1, 20, 0, 0],
      [2024, 1, 20, 0, 0],
      [2024, 1, 20, 0, 0],
    ]);
    expect(await reread.file("a.txt")!.async("string")).toBe("一");
  });

  it("refuses bytes that are not a ZIP archive", () => {
    expect(() => setZipTimestamps(new TextEncoder().encode("not a zip archive, just some text"), dosDateTime(2024, 1, 1))).toThrow(/not a ZIP/);
  });
});
