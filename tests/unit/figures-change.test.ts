import { describe, expect, it } from "vitest";
import { changeOf, previousRange, tiedWithLeader } from "~/metrics/change";

describe("change with uncertainty (issue 13.9)", () => {
  it("adds the standard errors of two independent periods", () => {
    // se = half-width / 1.96: 3 and 4 points → √(9 + 16) = 5 → ±1.96·5 = ±9.8.
    const z = 1.959963984540054;
    const c = changeOf(80, [80 - 3 * z, 80 + 3 * z], 70, [70 - 4 * z, 70 + 4 * z])!;
    expect(c.delta).toBe(10);
    expect(c.ci95![0]).toBeCloseTo(10 - 5 * z, 10);
    expect(c.ci95![1]).toBeCloseTo(10 + 5 * z, 10);
    expect(c.significant).toBe(true);
    expect(changeOf(75, [70, 80], 70, [65, 75])!.significant).toBe(false); // ±7.07 around 5
  });

  it("is null without both values, and not significant without intervals", () => {
    expect(changeOf(null, null, 70, [60, 80])).toBeNull();
    expect(changeOf(80, null, 70, [60, 80])).toEqual({ delta: 10, ci95: null, significant: false });
  });

  it("the previous period has the same length and ends the day before", () => {
    expect(previousRange("2026-03-01", "2026-03-31")).toEqual({ from: "2026-01-29", to: "2026-02-28" });
    expect(previousRange("2026-01-01", "2026-12-31")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
  });

  it("rank groups: units whose interval reaches the leader's lower bound are tied with it", () => {
    const units = [
      { rank: 1, ci95: [85, 95] as [number, number] },
      { rank: 2, ci95: [80, 86] as [number, number] },
      { rank: 3, ci95: [70, 84.9] as [number, number] },
      { rank: null, ci95: [90, 99] as [number, number] },
      { rank: 4, ci95: null },
    ];
    expect(tiedWithLeader(units)).toEqual([true, true, false, null, null]);
  });
});
