import { describe, expect, it } from "vitest";
import { summarize, type Cell, type ResponseCount } from "~/metrics/summary";
import type { IndexModel } from "~/survey/types";

const T = { vi: "x", en: "x" };
const model = (parentAggregation: IndexModel["parentAggregation"]): IndexModel => ({
  aggregation: "mean-of-items",
  parentAggregation,
  aspects: [{ id: "chung", title: T, elements: [{ id: "e", title: T, items: ["i"] }] }],
});

// Unit 1 (child A): 40 respondents, 36 satisfied → 90%. Unit 2 (child B): 10 respondents, 5 satisfied → 50%.
const cells: Cell[] = [
  { unit_id: 1, service_id: 7, question_id: "i", code: 5, count: 36 },
  { unit_id: 1, service_id: 7, question_id: "i", code: 2, count: 4 },
  { unit_id: 2, service_id: 0, question_id: "i", code: 4, count: 5 },
  { unit_id: 2, service_id: 0, question_id: "i", code: 3, count: 5 },
  { unit_id: 1, service_id: 7, question_id: "@el/e", code: 0, count: 40 },
  { unit_id: 2, service_id: 0, question_id: "@el/e", code: 0, count: 10 },
];
const responses: ResponseCount[] = [
  { unit_id: 1, service_id: 7, count: 40 },
  { unit_id: 2, service_id: 0, count: 10 },
];
const input = {
  cells,
  responses,
  children: [
    { id: 1, code: "A", name: "Xã A" },
    { id: 2, code: "B", name: "Xã B" },
    { id: 3, code: "C", name: "Xã C" },
  ],
  childOf: new Map([
    [1, 1],
    [2, 2],
  ]),
  services: new Map([[7, { id: 7, code: "1.001612", name: "Hộ kinh doanh" }]]),
};

describe("summarize", () => {
  it("pools the subtree by default: 41 of 50 satisfied", () => {
    const s = summarize({ ...input, model: model("pooled") });
    expect(s.n).toBe(50);
    expect(s.index).toBeCloseTo(82, 10);
    expect(s.elements).toEqual([{ id: "e", index: 82, n: 50, smallSample: false }]);
  });

  it("averages the children when the survey says mean-of-children", () => {
    const s = summarize({ ...input, model: model("mean-of-children") });
    expect(s.index).toBeCloseTo(70, 10); // (90 + 50) / 2; C has no data and does not count
  });

  it("ranks children, leaving small samples and empty units unranked", () => {
    const s = summarize({ ...input, model: model("pooled") });
    expect(s.units).toEqual([
      { code: "A", name: "Xã A", index: 90, n: 40, rank: 1, smallSample: false },
      { code: "B", name: "Xã B", index: 50, n: 10, rank: null, smallSample: true },
      { code: "C", name: "Xã C", index: null, n: 0, rank: null, smallSample: true },
    ]);
    const ranked = summarize({ ...input, model: model("pooled"), includeSmallInRanking: true });
    expect(ranked.units.map((u) => u.rank)).toEqual([1, 2, null]);
  });

  it("lists services that were rated, with their own index", () => {
    const s = summarize({ ...input, model: model("pooled") });
    expect(s.services).toEqual([{ code: "1.001612", name: "Hộ kinh doanh", index: 90, n: 40, rank: 1, smallSample: false }]);
  });
});
