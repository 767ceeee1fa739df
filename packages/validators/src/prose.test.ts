import { describe, expect, it } from "vitest";
import { findFigures } from "./prose.js";

const figures = (text: string, year?: number) =>
  findFigures([{ pointer: "/overview/paragraphs/0", text }], { year }).map((figure) => [figure.target.key, figure.value]);

describe("figures stated in prose", () => {
  it("finds the phrases real reports use", () => {
    expect(figures("2023 年全区受理政府信息公开申请 21 件，均在法定期限答复。")).toEqual([["newlyReceived", 21]]);
    expect(figures("2023年度我局共收到依申请信息公开26件")).toEqual([["newlyReceived", 26]]);
    expect(figures("本年新收政府信息公开申请数量为二十一件")).toEqual([["newlyReceived", 21]]);
    expect(figures("2023 年，石嘴山市商务局未收到政府信息公开申请。")).toEqual([["newlyReceived", 0]]);
    expect(
      figures("全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复）")
    ).toEqual([
      ["newlyReceived", 3119],
      ["carriedOver", 34],
      ["carriedForward", 103],
      ["handled", 3050],
    ]);
    expect(figures("予以公开 12 件，部分公开 3 件，结转下年度继续办理 4 件")).toEqual([
      ["carriedForward", 4],
      ["disclosed", 12],
    ]);
    expect(figures("政府信息公开行政复议 351 件，其中结果维持 72 件；政府信息公开行政诉讼 46 件")).toEqual([
      ["reconsideration", 351],
      ["litigation", 46],
    ]);
  });

  it("ignores figures that count something else", () => {
    expect(figures("全年受理网络问政182件。")).toEqual([]);
    expect(figures("主动公开政府信息 1136 条。")).toEqual([]);
    expect(figures("部分公开 3 件")).toEqual([]);
    // A 司法局 handles reconsiderations as its business; only information-disclosure cases count.
    expect(figures("全年办理行政复议案件 300 件")).toEqual([]);
  });

  it("does not read a qualified 答复 or 办结 as all the applications handled", () => {
    expect(figures("本年度共收到政府信息公开申请3119件，其中逾期答复0件。")).toEqual([["newlyReceived", 3119]]);
    expect(figures("本年度共收到政府信息公开申请3119件，超期答复0件。")).toEqual([["newlyReceived", 3119]]);
    expect(figures("依法答复1件，其余正在办理。")).toEqual([]);
    expect(figures("按时办结 20 件，延期答复 2 件。")).toEqual([]);
    // Unqualified, the figure is still the total handled.
    expect(figures("全年共受理政府信息公开申请 3119 件，答复 3050 件。")).toEqual([
      ["newlyReceived", 3119],
      ["handled", 3050],
    ]);
  });

  it("takes figures after 其中, or with a channel, as parts: not the year's total", () => {
    expect(
      figures("全年共受理政府信息公开申请3119件，其中通过互联网收到政府信息公开申请3000件，信函收到政府信息公开申请119件。")
    ).toEqual([["newlyReceived", 3119]]);
    expect(figures("全年共受理政府信息公开申请3119件，同比增长10%，其中市政府办公室受理政府信息公开申请100件。")).toEqual([
      ["newlyReceived", 3119],
    ]);
    expect(figures("全年共受理政府信息公开申请3119件。其中，当面受理政府信息公开申请12件。")).toEqual([["newlyReceived", 3119]]);
    expect(figures("通过互联网收到政府信息公开申请3000件。")).toEqual([]);
    // An outcome after 其中 is still the table's row total.
    expect(figures("全年共受理政府信息公开申请3119件，办结3050件，其中予以公开1362件。")).toEqual([
      ["newlyReceived", 3119],
      ["disclosed", 1362],
      ["handled", 3050],
    ]);
  });

  it("leaves figures about another year out", () => {
    expect(figures("本年度收到政府信息公开申请3119件，较上年收到政府信息公开申请2000件增长。")).toEqual([["newlyReceived", 3119]]);
    expect(figures("上年收到政府信息公开申请2000件。")).toEqual([]);
    expect(figures("同比多收到政府信息公开申请100件。")).toEqual([]);
    expect(figures("去年受理政府信息公开申请 20 件。")).toEqual([]);
    expect(figures("2023年收到政府信息公开申请2000件，2024年收到政府信息公开申请3119件。", 2024)).toEqual([["newlyReceived", 3119]]);
    expect(figures("2024 年，全市共受理政府信息公开申请 3119 件", 2024)).toEqual([["newlyReceived", 3119]]);
  });

  it("reads 申请 alone after 共收到 or 本年…收到, and 上年结转 without 申请", () => {
    expect(figures("共收到申请十二件。")).toEqual([["newlyReceived", 12]]);
    expect(figures("本年共收到申请12件。")).toEqual([["newlyReceived", 12]]);
    expect(figures("本年度收到申请 5 件。")).toEqual([["newlyReceived", 5]]);
    expect(figures("上年结转3件。")).toEqual([["carriedOver", 3]]);
    expect(figures("上年结转申请3件。")).toEqual([["carriedOver", 3]]);
    // 申请 alone without 共 or 本年 is not enough: it may be any application.
    expect(figures("收到申请 5 件。")).toEqual([]);
  });
});
