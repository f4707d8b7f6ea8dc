import { describe, expect, it } from "vitest";
import { rank, isSmallSample } from "~/metrics/ranking";
import { meetsTarget, targetForYear } from "~/metrics/targets";
import { wilsonInterval } from "~/metrics/wilson";
import { formatCount, formatDate, formatPercent } from "~/metrics/format";

describe("ranking", () => {
  it("shares ranks for ties and skips the next ones (1, 2, 2, 4)", () => {
    const ranks = rank([
      { value: 90, n: 100 },
      { value: 80, n: 100 },
      { value: 80, n: 100 },
      { value: 70, n: 100 },
    ]);
    expect(ranks).toEqual([1, 2, 2, 4]);
  });

  it("ranks on unrounded values: 83.734 beats 83.726 although both show 83,73%", () => {
    expect(rank([{ value: 83.726, n: 50 }, { value: 83.734, n: 50 }])).toEqual([2, 1]);
    expect(formatPercent(83.726)).toBe(formatPercent(83.734));
  });

  it("leaves small samples and missing values unranked by default", () => {
    const entries = [
      { value: 99, n: 29 },
      { value: 80, n: 30 },
      { value: null, n: 0 },
      { value: 85, n: 400 },
    ];
    expect(rank(entries)).toEqual([null, 2, null, 1]);
    expect(rank(entries, true)).toEqual([1, 3, null, 2]);
    expect(isSmallSample(29)).toBe(true);
    expect(isSmallSample(30)).toBe(false);
  });
});

describe("Wilson interval", () => {
  it("matches a published value: 81 of 100 → 72.24 … 87.46", () => {
    const [lo, hi] = wilsonInterval(81, 100)!;
    expect(lo).toBeCloseTo(72.24, 1);
    expect(hi).toBeCloseTo(87.46, 1);
  });

  it("stays inside 0–100 at the extremes and is null without data", () => {
    const [lo, hi] = wilsonInterval(10, 10)!;
    expect(hi).toBeCloseTo(100, 9);
    expect(lo).toBeGreaterThan(65);
    expect(wilsonInterval(0, 10)![0]).toBe(0);
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe("targets", () => {
  const rows = [
    { year: 2020, value: 80 },
    { year: 2026, value: 95 },
  ];
  it("a target stays in force until a later one replaces it", () => {
    expect(targetForYear(rows, 2019)).toBeNull();
    expect(targetForYear(rows, 2020)).toBe(80);
    expect(targetForYear(rows, 2025)).toBe(80);
    expect(targetForYear(rows, 2026)).toBe(95);
    expect(targetForYear(rows, 2030)).toBe(95);
  });
  it("compares unrounded values and has no verdict without data", () => {
    expect(meetsTarget(79.999, 80)).toBe(false);
    expect(meetsTarget(80, 80)).toBe(true);
    expect(meetsTarget(null, 80)).toBeNull();
    expect(meetsTarget(90, null)).toBeNull();
  });
});

describe("Vietnamese formats", () => {
  it("uses a decimal comma and a thousands dot", () => {
    expect(formatPercent(83.7321)).toBe("83,73%");
    expect(formatPercent(83.7321, "en")).toBe("83.73%");
    expect(formatPercent(null)).toBe("—");
    expect(formatCount(1234)).toBe("1.234");
    expect(formatDate("2026-03-02")).toBe("02/03/2026");
  });
});
