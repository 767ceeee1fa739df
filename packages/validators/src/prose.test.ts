import { describe, expect, it } from "vitest";
import { findFigures } from "./prose.js";

const figures = (text: string) =>
  findFigures([{ pointer: "/overview/paragraphs/0", text }]).map((figure) => [figure.target.key, figure.value]);

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
});
