import { readFileSync } from "node:fs";
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

  it("reads UTF-32 LE and BE, with a BOM or sniffed (not as UTF-16 with NUL characters)", async () => {
    const utf32 = (text: string, bigEndian: boolean) => {
      const codes = Array.from(text, (character) => character.codePointAt(0)!);
      const buffer = Buffer.alloc(codes.length * 4);
      codes.forEach((code, index) => (bigEndian ? buffer.writeUInt32BE(code, index * 4) : buffer.writeUInt32LE(code, index * 4)));
      return buffer;
    };
    for (const bigEndian of [false, true]) {
      const encoding = bigEndian ? "utf-32be" : "utf-32le";
      expect(await decodeReportBytes(utf32(`\ufeff${json}`, bigEndian), "x")).toEqual({ text: json, encoding });
      expect(await decodeReportBytes(utf32(json, bigEndian), "x")).toEqual({ text: json, encoding });
    }
    expect((await failure(Buffer.concat([utf32(json, false), Buffer.from([0x20])]))).code).toBe("undecodable");
  });

  it("refuses UTF-8 with a stray byte instead of reading it as GB18030, naming the place and the bytes", async () => {
    // "Cafés" typed in Latin-1 into an otherwise UTF-8 file, which then happens to be valid GB18030 as a whole.
    const text = '{\n  "edition": "2021",\n  "meta": {\n    "body": "某某市商务局",\n    "year": 2023,\n    "source": "Caf\u0000s",\n    "title": "某某市商务局2023年政府信息公开工作年度报告"\n  }\n}';
    const bytes = Buffer.from(text, "utf8");
    const at = bytes.indexOf(0);
    bytes[at] = 0xe9;
    expect(iconv.decode(bytes, "gb18030")).not.toContain("\ufffd");
    const error = await failure(bytes);
    expect(error.code).toBe("undecodable");
    const line = text.slice(0, text.indexOf("\u0000")).split("\n").length;
    expect(error.text.en).toContain(`1 invalid byte, the first on line ${line} (byte offset ${at}, bytes E9 73 22 2C)`);
    expect(iconv.decode(bytes, "gb18030")).toContain("鏌愭煇甯傚晢鍔″眬"); // what the old guess showed
    expect(error.text.zh).toContain("另存为 UTF-8");
  });

  it("still reads real reports saved in GB18030", async () => {
    for (const file of ["2023-shizuishan-shangwuju.json", "2020-example-county-2019-edition.json"]) {
      const text = readFileSync(new URL(`../../../../examples/${file}`, import.meta.url), "utf8");
      expect(await decodeReportBytes(iconv.encode(text, "gb18030"), file)).toEqual({ text, encoding: "gb18030" });
    }
  });
});
