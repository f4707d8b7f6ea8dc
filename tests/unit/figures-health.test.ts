import { describe, expect, it } from "vitest";
import { bootstrapIntervals } from "~/metrics/bootstrap";
import { meanScore, optionShare, RETURN_OPTIONS } from "~/metrics/health";
import { computeIndex, type Distribution } from "~/metrics/sipas-index";
import type { IndexModel } from "~/survey/types";

// Issue 13.5: the Ministry of Health's rate is Σ answers 4–5 ÷ Σ valid answers over all items.
const T = { vi: "x", en: "x" };
const model = (aggregation: IndexModel["aggregation"]): IndexModel => ({
  aggregation,
  parentAggregation: "pooled",
  aspects: [
    { id: "a1", title: T, elements: [{ id: "e1", title: T, items: ["i1", "i2"] }] },
    { id: "a2", title: T, elements: [{ id: "e2", title: T, items: ["i3"] }] },
  ],
});
const d = (s: number, notS: number): Distribution => ({ 1: 0, 2: notS, 3: 0, 4: s, 5: 0 });
// i1 4/5, i2 5/6, i3 10/11: 19 of 22 answers are 4–5.
const counts = new Map([
  ["i1", d(4, 1)],
  ["i2", d(5, 1)],
  ["i3", d(10, 1)],
]);

describe("pooled-all", () => {
  it("pools every item of the form: 19/22 = 86.36", () => {
    const r = computeIndex(model("pooled-all"), counts);
    expect(r.index).toBeCloseTo((100 * 19) / 22, 10);
    expect(r.elements.map((e) => e.index)).toEqual([(100 * 9) / 11, (100 * 10) / 11]);
    expect(r.aspects.map((a) => a.index)).toEqual([(100 * 9) / 11, (100 * 10) / 11]);
  });

  it("differs from the mean of aspects (the old figure)", () => {
    // pooled elements 9/11 and 10/11 → mean 86.36…; mean-of-items: (80 + 83.33)/2 and 90.91.
    expect(computeIndex(model("mean-of-items"), counts).index).toBeCloseTo(((80 + 500 / 6) / 2 + 1000 / 11) / 2, 10);
  });

  it("the bootstrap recomputes pooled-all: constant respondents give a point interval at the pooled value", () => {
    // Every respondent: i1 satisfied, i2 satisfied, i3 not → pooled-all 2/3, mean of aspects 50.
    const data = Array.from({ length: 20 }, () => Int8Array.from([1, 1, 0]));
    const [lo, hi] = bootstrapIntervals(model("pooled-all"), data).index!;
    expect(lo).toBeCloseTo(200 / 3, 10);
    expect(hi).toBeCloseTo(200 / 3, 10);
    expect(bootstrapIntervals(model("mean-of-items"), data).index).toEqual([50, 50]);
  });
});

describe("health outputs", () => {
  it("mean score 1–5 pooled over items", () => {
    // 1·1 + 2·1 + 5·2 = 13 over 4 answers.
    expect(meanScore([{ 1: 1, 2: 1, 3: 0, 4: 0, 5: 0 }, { 1: 0, 2: 0, 3: 0, 4: 0, 5: 2 }])).toBe(13 / 4);
    expect(meanScore([])).toBeNull();
  });

  it("share who would return or recommend: options 4 and 5 of 6, every answer in the base", () => {
    const options = ["khong-bao-gio", "it-lua-chon", "chuyen-noi-khac", "co-the", "chac-chan", "khac"];
    const s = optionShare(options, new Map([[1, 2], [4, 3], [5, 4], [6, 1], [0, 7]]), RETURN_OPTIONS);
    expect(s).toMatchObject({ n: 10, count: 7, share: 70 });
    expect(s.ci95![0]).toBeLessThan(70);
    expect(s.ci95![1]).toBeGreaterThan(70);
  });
});
