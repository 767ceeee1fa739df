import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { CliError } from "../errors.js";
import { decodeReportBytes, MAX_INPUT_BYTES } from "./decode.js";

const json = '{"body": "石嘴山市商务局", "year": 2023}';

async function failure(bytes: Uint8Array): Promise<CliError> {
  try {
    await decodeReportBytes(bytes, "x.json");
  } catch (error) {
    if (error instanceof CliError) return error;
    throw error;
  }
  throw new Error("expected an error");
}

describe("decodeReportBytes", () => {
  it("reads UTF-8 with and without a BOM", async () => {
    expect(await decodeReportBytes(Buffer.from(json, "utf8"), "x")).toEqual({ text: json, encoding: "utf-8" });
    expect(await decodeReportBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), "x")).toEqual({
      text: json,
      encoding: "utf-8-bom",
    });
  });

  it("reads UTF-16 LE and BE, with a BOM or sniffed from the leading ASCII", async () => {
    const le = Buffer.from(json, "utf16le");
    const be = Buffer.from(le).swap16();
    expect(await decodeReportBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), le]), "x")).toEqual({ text: json, encoding: "utf-16le" });
    expect(await decodeReportBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), "x")).toEqual({ text: json, encoding: "utf-16be" });
    expect(await decodeReportBytes(le, "x")).toEqual({ text: json, encoding: "utf-16le" });
    expect(await decodeReportBytes(be, "x")).toEqual({ text: json, encoding: "utf-16be" });
  });

  it("reads GB18030 (and so GBK/GB2312) when the bytes are not UTF-8", async () => {
    const bytes = iconv.encode(json, "gb18030");
    expect(Buffer.from(bytes).equals(Buffer.from(json))).toBe(false);
    expect(await decodeReportBytes(bytes, "x")).toEqual({ text: json, encoding: "gb18030" });
  });

  it("rejects binary files, naming formats a user would try", async () => {
    const pdf = await failure(Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj"));
    expect(pdf.code).toBe("binary");
    expect(pdf.text.zh).toContain("PDF");
    expect(pdf.text.zh).toContain("xxgk import");
    const docx = await failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]));
    expect(docx.text.en).toContain("DOCX");
    const nul = await failure(Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x00, 0x00, 0x00, 0x7d]));
    expect(nul.code).toBe("binary");
  });

  it("rejects input over the size limit", async () => {
    const error = await failure(new Uint8Array(MAX_INPUT_BYTES + 1));
    expect(error.code).toBe("too-large");
    expect(error.text.zh).toContain("10 MiB");
  });

  it("rejects bytes that are neither UTF-8 nor GB18030", async () => {
    const error = await failure(Buffer.from([0x7b, 0x22, 0x81, 0x7f, 0x22, 0x7d]));
    expect(error.code).toBe("undecodable");
  });
});
