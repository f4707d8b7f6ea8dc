import { describe, expect, it } from "vitest";
import { bootstrapIntervals, quantile, satisfactionVector, seededRandom } from "~/metrics/bootstrap";
import type { IndexModel } from "~/survey/types";

const T = { vi: "x", en: "x" };
const oneItem: IndexModel = {
  aggregation: "mean-of-items",
  parentAggregation: "pooled",
  aspects: [{ id: "chung", title: T, elements: [{ id: "e", title: T, items: ["i"] }] }],
};
const v = (...xs: number[]) => Int8Array.from(xs);

describe("respondent-level bootstrap", () => {
  it("is deterministic for a fixed seed", () => {
    const r = seededRandom(7);
    const again = seededRandom(7);
    expect([r(), r(), r()]).toEqual([again(), again(), again()]);
    const data = Array.from({ length: 50 }, (_, j) => v(j % 3 ? 1 : 0));
    expect(bootstrapIntervals(oneItem, data).index).toEqual(bootstrapIntervals(oneItem, data).index);
  });

  it("interpolates quantiles between order statistics", () => {
    expect(quantile([0, 10, 20, 30, 40], 0.5)).toBe(20);
    expect(quantile([0, 10], 0.025)).toBeCloseTo(0.25, 10);
  });

  it("gives a point interval when every respondent answers alike", () => {
    const data = Array.from({ length: 20 }, () => v(1));
    expect(bootstrapIntervals(oneItem, data).index).toEqual([100, 100]);
  });

  // Two respondents, one satisfied: a resample of two holds 0, 1 or 2 satisfied with
  // probabilities 1/4, 1/2, 1/4, so the index is 0, 50 or 100; 2.5% and 97.5% fall on 0 and 100.
  it("matches the hand-computed resampling distribution of two respondents", () => {
    const ci = bootstrapIntervals(oneItem, [v(1), v(0)], { replicates: 1000 });
    expect(ci.index).toEqual([0, 100]);
  });

  it("is close to the binomial standard error for one item and many respondents", () => {
    // p = 0.8, n = 400 → SE = 2 points; a 95% interval is about ±3.92.
    const data = Array.from({ length: 400 }, (_, j) => v(j % 5 === 0 ? 0 : 1));
    const [lo, hi] = bootstrapIntervals(oneItem, data, { replicates: 2000 }).index!;
    expect(hi - lo).toBeGreaterThan(7.84 * 0.85);
    expect(hi - lo).toBeLessThan(7.84 * 1.15);
    expect(lo).toBeLessThan(80);
    expect(hi).toBeGreaterThan(80);
  });

  it("centres on the whole-scope estimate and rescales a subsample's spread", () => {
    const data = Array.from({ length: 400 }, (_, j) => v(j % 5 === 0 ? 0 : 1));
    const full = bootstrapIntervals(oneItem, data).index!;
    const centre = { index: 70, elements: new Map([["e", 70]]), aspects: new Map([["chung", 70]]) };
    const scaled = bootstrapIntervals(oneItem, data, { scale: 0.5, centre }).index!;
    expect(scaled[0]).toBeCloseTo(70 + 0.5 * (full[0] - 80), 10);
    expect(scaled[1]).toBeCloseTo(70 + 0.5 * (full[1] - 80), 10);
  });

  it("covers elements and aspects, with missing answers and empty elements", () => {
    const model: IndexModel = {
      aggregation: "mean-of-items",
      parentAggregation: "pooled",
      aspects: [
        { id: "a", title: T, elements: [{ id: "e1", title: T, items: ["i1", "i2"] }, { id: "e2", title: T, items: ["i3"] }] },
      ],
    };
    const items = ["i1", "i2", "i3"];
    const data = Array.from({ length: 60 }, (_, j) => satisfactionVector(items, new Map([["i1", (j % 5) + 1], ["i2", j % 2 ? 5 : 2]])));
    const ci = bootstrapIntervals(model, data);
    expect(ci.elements.get("e2")).toBeNull(); // nobody answered i3
    const [lo, hi] = ci.elements.get("e1")!;
    // i1: 24/60 = 40, i2: 30/60 = 50 → element 45 lies inside
    expect(lo).toBeLessThan(45);
    expect(hi).toBeGreaterThan(45);
    expect(ci.aspects.get("a")).toEqual(ci.elements.get("e1"));
    expect(ci.index).toEqual(ci.elements.get("e1"));
  });

  it("gives the same index interval for the index alone (per-unit intervals), with or without repeated draws", () => {
    const model: IndexModel = {
      aggregation: "mean-of-items",
      parentAggregation: "pooled",
      aspects: [{ id: "a", title: T, elements: [{ id: "e1", title: T, items: ["i1", "i2"] }, { id: "e2", title: T, items: ["i3"] }] }],
    };
    // 4 respondents: few enough that draws recur (memoized); 40: they do not.
    for (const m of [4, 40]) {
      const data = Array.from({ length: m }, (_, j) => v(j % 2, j % 3 ? 1 : 0, j % 4 ? -1 : 1));
      const full = bootstrapIntervals(model, data, { scale: 0.5 });
      const only = bootstrapIntervals(model, data, { scale: 0.5, indexOnly: true });
      expect(only.index).toEqual(full.index);
      expect(only.index![1]).toBeGreaterThan(only.index![0]);
      expect([...only.elements.values()]).toEqual([null, null]);
    }
  });

  it("has no interval without respondents", () => {
    expect(bootstrapIntervals(oneItem, []).index).toBeNull();
  });

  it("reads answer codes into satisfied / not / missing", () => {
    expect([...satisfactionVector(["a", "b", "c", "d"], new Map([["a", 4], ["b", 3], ["d", 0]]))]).toEqual([1, 0, -1, -1]);
  });
});
