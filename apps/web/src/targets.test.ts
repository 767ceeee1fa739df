import { describe, expect, it } from "vitest";
import { elementIdFor } from "./targets.js";

describe("elementIdFor", () => {
  it("finds the field that edits a finding's pointer", () => {
    expect(elementIdFor("2021", "/applications/total/naturalPerson")).toBe("ed-applications-total-naturalPerson");
    expect(elementIdFor("2021", "/meta/publishedOn")).toBe("meta-published");
    expect(elementIdFor("2021", "/meta/creditCode")).toBe("meta-creditCode");
    expect(elementIdFor("2021", "/edition")).toBe("meta-year");
    expect(elementIdFor("2021", "/overview/parts/1/paragraphs/0")).toBe("prose-overview-1");
    expect(elementIdFor("2021", "/problemsAndImprovements")).toBe("prose-problemsAndImprovements");
    expect(elementIdFor("2021", "/otherMatters/paragraphs/2")).toBe("prose-otherMatters");
    expect(elementIdFor("2021", "/applications/total")).toBe("section-applications");
    expect(elementIdFor("2021", "")).toBeUndefined();
  });
});
