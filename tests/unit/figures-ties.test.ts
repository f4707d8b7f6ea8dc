import { describe, expect, it } from "vitest";
import { comparable, rank } from "~/metrics/ranking";
import { summarize, type Cell } from "~/metrics/summary";
import { meetsTarget } from "~/metrics/targets";
import { formatPercent } from "~/metrics/format";
import type { IndexModel } from "~/survey/types";

// Issue 13, defect 3: 7/9, 11/15 and 8/9 average to exactly 4/5, but floating point gives
// 79.99999999999999. Ranks, ties and targets must treat it as the 80 it is.
const T = { vi: "x", en: "x" };
const model: IndexModel = {
  aggregation: "mean-of-items",
  parentAggregation: "pooled",
  aspects: [{ id: "a", title: T, elements: [{ id: "e", title: T, items: ["i1", "i2", "i3"] }] }],
};

function answers(unit: number, item: string, sat: number, valid: number): Cell[] {
  return [
    { unit_id: unit, service_id: 0, question_id: item, code: 5, count: sat },
    { unit_id: unit, service_id: 0, question_id: item, code: 2, count: valid - sat },
  ];
}

const cells = [
  ...answers(1, "i1", 7, 9),
  ...answers(1, "i2", 11, 15),
  ...answers(1, "i3", 8, 9),
  ...answers(2, "i1", 4, 5),
  ...answers(2, "i2", 4, 5),
  ...answers(2, "i3", 4, 5),
];
const figures = summarize({
  model,
  cells,
  responses: [
    { unit_id: 1, service_id: 0, count: 40 },
    { unit_id: 2, service_id: 0, count: 40 },
  ],
  children: [
    { id: 1, code: "A", name: "A" },
    { id: 2, code: "B", name: "B" },
  ],
  childOf: new Map([
    [1, 1],
    [2, 2],
  ]),
  services: new Map(),
});

describe("equal fractions are equal (1e-9)", () => {
  it("the float path really differs (the case is not vacuous)", () => {
    expect(figures.units.find((u) => u.code === "A")!.index).not.toBe(80);
    expect(figures.units.find((u) => u.code === "B")!.index).toBe(80);
  });

  it("both units share rank 1", () => {
    expect(figures.units.map((u) => [u.code, u.rank])).toEqual([
      ["A", 1],
      ["B", 1],
    ]);
  });

  it("ranks literal values equal to 1e-9 together and keeps real differences", () => {
    expect(rank([{ value: 80, n: 100 }, { value: 79.999999999999986, n: 100 }, { value: 79.99, n: 100 }])).toEqual([1, 1, 3]);
    expect(comparable(79.999999999999986)).toBe(80);
  });

  it("a value shown as 80,00% meets an 80 target", () => {
    const a = figures.units.find((u) => u.code === "A")!.index!;
    expect(formatPercent(a)).toBe(formatPercent(80));
    expect(meetsTarget(a, 80)).toBe(true);
    expect(meetsTarget(79.99, 80)).toBe(false);
  });
});
