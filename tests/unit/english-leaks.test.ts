import { describe, expect, it } from "vitest";
import { leaksIn } from "../support/english-leaks";

describe("English and code leaks on Vietnamese screens", () => {
  it("catches what day one showed", () => {
    expect(leaksIn("survey.draft.publish · contentHash: abc")).toHaveLength(2);
    expect(leaksIn("Chỉ số 80% (CI 75–85)")).toEqual(['"CI"']);
    expect(leaksIn("Ki-ốt tại quầy")).toHaveLength(1);
    expect(leaksIn("sections.0.visibleIf")).toHaveLength(2);
    expect(leaksIn("tính bằng bootstrap … bootstrap")).toEqual(["bootstrap more than once"]);
  });

  it("lets plain Vietnamese through, and a method note naming bootstrap and Wilson once", () => {
    expect(leaksIn("Khoảng tin cậy 95% · phương pháp bootstrap, công thức Wilson · Máy đánh giá tại quầy")).toEqual([]);
  });
});
