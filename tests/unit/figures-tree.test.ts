import { describe, expect, it } from "vitest";
import { itemsByUnit, meanOfChildren, type UnitTree } from "~/metrics/parent-index";
import type { IndexModel } from "~/survey/types";

const T = { vi: "x", en: "x" };
const model: IndexModel = { aggregation: "mean-of-items", parentAggregation: "mean-of-children", aspects: [{ id: "a", title: T, elements: [{ id: "e", title: T, items: ["i"] }] }] };
const cell = (unit_id: number, sat: number, not: number) => [
  { unit_id, question_id: "i", code: 5, count: sat },
  { unit_id, question_id: "i", code: 1, count: not },
];

// 1 province → 2 district (own forms 60%) → 3, 4 communes (90%, 50%); 1 → 5 commune (80%); 1 → 6 (no data).
const tree: UnitTree = { root: 1, childrenOf: new Map([[1, [2, 5, 6]], [2, [3, 4]]]) };
const cells = [...cell(2, 3, 2), ...cell(3, 36, 4), ...cell(4, 5, 5), ...cell(5, 8, 2)];

describe("mean-of-children at every depth (hand-computed)", () => {
  it("a district is the mean of its communes and its own forms; the province the mean of its children's values", () => {
    const v = meanOfChildren(model, tree, itemsByUnit(cells));
    expect(v.get(2)).toBeCloseTo((90 + 50 + 60) / 3, 10); // 66.67, not pooled 44/60 = 73.33
    expect(v.get(5)).toBe(80);
    expect(v.get(6)).toBeNull();
    expect(v.get(1)).toBeCloseTo((200 / 3 + 80) / 2, 10);
  });

  it("mapped units count under their successor", () => {
    const mapped: UnitTree = { root: 1, childrenOf: new Map([[1, [5]]]), homeOf: new Map([[7, 5]]) };
    const v = meanOfChildren(model, mapped, itemsByUnit([...cell(5, 8, 2), ...cell(7, 0, 10)], mapped.homeOf));
    expect(v.get(5)).toBe(40);
  });
});
