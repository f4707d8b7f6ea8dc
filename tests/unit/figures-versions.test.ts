import { describe, expect, it } from "vitest";
import { chooseModel, sameModel, sharedModel, type VersionModel } from "~/metrics/versions";
import type { IndexModel } from "~/survey/types";

const T = { vi: "x", en: "x" };
const m = (aggregation: IndexModel["aggregation"], e1: string[], e2: string[]): IndexModel => ({
  aggregation,
  parentAggregation: "pooled",
  aspects: [{ id: "a", title: T, elements: [{ id: "e1", title: T, items: e1 }, { id: "e2", title: T, items: e2 }] }],
});
const v1: VersionModel = { id: 11, version: 1, model: m("mean-of-items", ["i1", "i2"], ["i3"]) };
const v2: VersionModel = { id: 12, version: 2, model: m("pooled", ["i1", "i2"], ["i3"]) };
const v3: VersionModel = { id: 13, version: 3, model: m("pooled", ["i1"], ["i4"]) };

describe("which model a period uses", () => {
  it("titles do not make a new model; items, grouping and aggregation do", () => {
    expect(sameModel(v1.model, { ...v1.model, aspects: [{ ...v1.model.aspects[0], title: { vi: "y", en: "y" } }] })).toBe(true);
    expect(sameModel(v1.model, v2.model)).toBe(false);
    expect(sameModel(v2.model, v3.model)).toBe(false);
  });

  it("a period holding only v1 uses v1's model although v2 is newer", () => {
    expect(chooseModel([v2, v1], new Set([11]))).toEqual({ model: v1.model, present: [v1], designBreak: false });
  });

  it("a period holding v1 and v3 is a design break: the newest model over shared items", () => {
    const c = chooseModel([v3, v2, v1], new Set([11, 13]));
    expect(c.designBreak).toBe(true);
    expect(c.present.map((v) => v.version)).toEqual([3, 1]);
    // i1 is asked by both; i4 only by v3, so e2 drops out.
    expect(c.model).toEqual({ ...v3.model, aspects: [{ ...v3.model.aspects[0], elements: [{ id: "e1", title: T, items: ["i1"] }] }] });
    expect(sharedModel(v3.model, [v1.model]).aspects[0].elements.map((e) => e.id)).toEqual(["e1"]);
  });

  it("an empty period, or one survey model, uses the newest", () => {
    expect(chooseModel([v2, v1], new Set()).model).toBe(v2.model);
    expect(chooseModel([v2], null)).toEqual({ model: v2.model, present: [v2], designBreak: false });
  });
});
