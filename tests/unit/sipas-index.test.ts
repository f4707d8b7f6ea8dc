import { describe, expect, it } from "vitest";
import { computeIndex, emptyDistribution, meanOfPresent, percent, type Distribution } from "~/metrics/sipas-index";
import type { IndexModel } from "~/survey/types";

const T = { vi: "x", en: "x" };
const twoElements: IndexModel = {
  aggregation: "mean-of-items",
  parentAggregation: "pooled",
  aspects: [
    {
      id: "chung",
      title: T,
      elements: [
        { id: "access", title: T, items: ["a1", "a2"] },
        { id: "procedure", title: T, items: ["p1", "p2"] },
      ],
    },
  ],
};

/** Distributions from raw answers; null = no answer (leaves the denominator). */
function countsOf(rows: Record<string, Array<number | null>>): Map<string, Distribution> {
  const map = new Map<string, Distribution>();
  for (const [item, answers] of Object.entries(rows)) {
    const d = emptyDistribution();
    for (const a of answers) if (a !== null) d[a as 1 | 2 | 3 | 4 | 5] += 1;
    map.set(item, d);
  }
  return map;
}

// docs/method.md §10: four respondents, "–" = no answer.
const worked = countsOf({
  a1: [5, 4, 3, 5],
  a2: [4, null, 3, 5],
  p1: [3, 2, 4, null],
  p2: [4, 5, 4, 1],
});

describe("SIPAS index — the worked example of docs/method.md §10", () => {
  const result = computeIndex(twoElements, worked);
  const byId = (id: string) => result.items.find((i) => i.id === id)!;

  it("computes item percentages with missing answers outside the denominator", () => {
    expect(byId("a1")).toMatchObject({ valid: 4, satisfied: 3, index: 75 });
    expect(byId("a2")).toMatchObject({ valid: 3, satisfied: 2 });
    expect(byId("a2").index).toBeCloseTo(66.6667, 4);
    expect(byId("p1")).toMatchObject({ valid: 3, satisfied: 1 });
    expect(byId("p1").index).toBeCloseTo(33.3333, 4);
    expect(byId("p2")).toMatchObject({ valid: 4, satisfied: 3, index: 75 });
  });

  it("averages items into elements (mean-of-items) and elements into the index", () => {
    expect(result.elements[0].index).toBeCloseTo(70.8333, 4);
    expect(result.elements[1].index).toBeCloseTo(54.1667, 4);
    expect(result.index).toBeCloseTo(62.5, 10);
    expect(result.aspects[0].index).toBeCloseTo(62.5, 10);
  });

  it("pools answers per element when the survey says so", () => {
    const pooled = computeIndex(twoElements, worked, "pooled");
    expect(pooled.elements[0].index).toBeCloseTo(71.4286, 4); // 5/7
    expect(pooled.elements[1].index).toBeCloseTo(57.1429, 4); // 4/7
    expect(pooled.index).toBeCloseTo((500 / 7 + 400 / 7) / 2, 10);
  });

  it("keeps the distribution of codes for each item", () => {
    expect(byId("p2").distribution).toEqual({ 1: 1, 2: 0, 3: 0, 4: 2, 5: 1 });
  });
});

describe("no data is null, never 0", () => {
  it("an item nobody answered has no value and does not pull its element down", () => {
    const counts = countsOf({ a1: [5, 5], a2: [null, null], p1: [], p2: [] });
    const r = computeIndex(twoElements, counts);
    expect(r.items.find((i) => i.id === "a2")!.index).toBeNull();
    expect(r.elements[0].index).toBe(100);
    expect(r.elements[1].index).toBeNull();
    expect(r.index).toBe(100);
  });

  it("a unit without any valid answer has a null index", () => {
    const r = computeIndex(twoElements, new Map());
    expect(r.index).toBeNull();
    expect(r.elements.every((e) => e.index === null)).toBe(true);
    expect(computeIndex(twoElements, new Map(), "pooled").index).toBeNull();
  });

  it("percent and meanOfPresent return null on empty input", () => {
    expect(percent(0, 0)).toBeNull();
    expect(percent(0, 3)).toBe(0);
    expect(meanOfPresent([null, null])).toBeNull();
    expect(meanOfPresent([null, 40, 60])).toBe(50);
  });
});

describe("designs with aspects (household design)", () => {
  const model: IndexModel = {
    aggregation: "mean-of-items",
    parentAggregation: "pooled",
    aspects: [
      { id: "chinh-sach", title: T, elements: [{ id: "e1", title: T, items: ["x1"] }, { id: "e2", title: T, items: ["x2"] }] },
      { id: "dich-vu", title: T, elements: [{ id: "e3", title: T, items: ["x3"] }] },
    ],
  };

  it("averages elements into aspects and aspects into the overall index", () => {
    // e1 = 100, e2 = 50 → policies 75; e3 = 0 → services 0; overall (75 + 0) / 2 = 37.5
    const r = computeIndex(model, countsOf({ x1: [5, 4], x2: [5, 1], x3: [1, 2, 3] }));
    expect(r.aspects.map((a) => a.index)).toEqual([75, 0]);
    expect(r.index).toBe(37.5);
  });

  it("the overall index is not the mean of elements when aspects differ in size", () => {
    const r = computeIndex(model, countsOf({ x1: [5, 4], x2: [5, 1], x3: [1, 2, 3] }));
    expect(meanOfPresent(r.elements.map((e) => e.index))).toBe(50);
    expect(r.index).not.toBe(50);
  });
});
