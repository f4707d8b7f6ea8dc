import { describe, expect, it } from "vitest";
import { periodBuckets } from "../../db/queries/rollup-periods";
import { periodRange, previousPeriod, trailingMonths } from "~/metrics/period-picker";

describe("period picker", () => {
  it("turns each kind into an inclusive date range", () => {
    expect(periodRange({ kind: "month", year: 2024, part: 2 })).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(periodRange({ kind: "quarter", year: 2026, part: 3 })).toEqual({ from: "2026-07-01", to: "2026-09-30" });
    expect(periodRange({ kind: "half", year: 2026, part: 2 })).toEqual({ from: "2026-07-01", to: "2026-12-31" });
    expect(periodRange({ kind: "nine", year: 2026 })).toEqual({ from: "2026-01-01", to: "2026-09-30" });
    expect(periodRange({ kind: "year", year: 2026 })).toEqual({ from: "2026-01-01", to: "2026-12-31" });
    expect(periodRange({ kind: "custom", year: 2026, from: "2026-03-05", to: "2026-03-20" })).toEqual({ from: "2026-03-05", to: "2026-03-20" });
  });

  it("finds the previous period of equal length", () => {
    expect(previousPeriod({ kind: "month", year: 2026, part: 1 })).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(previousPeriod({ kind: "quarter", year: 2026, part: 2 })).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(previousPeriod({ kind: "half", year: 2026, part: 1 })).toEqual({ from: "2025-07-01", to: "2025-12-31" });
    expect(previousPeriod({ kind: "year", year: 2026 })).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(previousPeriod({ kind: "nine", year: 2026 })).toEqual({ from: "2025-01-01", to: "2025-09-30" });
    // 16 days → the 16 days before
    expect(previousPeriod({ kind: "custom", year: 2026, from: "2026-03-05", to: "2026-03-20" })).toEqual({ from: "2026-02-17", to: "2026-03-04" });
  });

  it("lists the trend's months and the roll-up buckets", () => {
    expect(trailingMonths("2026-03-15", 4)).toEqual(["2025-12", "2026-01", "2026-02", "2026-03"]);
    const year = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, "0")}`);
    expect(periodBuckets(["2025-11", "2025-12", ...year])).toEqual(["2025-11", "2025-12", "2026"]);
    expect(periodBuckets(["2026-01", "2026-02"])).toEqual(["2026-01", "2026-02"]);
  });
});

import { change, trendFromCells } from "~/metrics/trend";
import type { IndexModel } from "~/survey/types";

describe("monthly trend", () => {
  const T = { vi: "x", en: "x" };
  const model: IndexModel = { aggregation: "mean-of-items", parentAggregation: "pooled", aspects: [{ id: "a", title: T, elements: [{ id: "e", title: T, items: ["i", "j"] }] }] };
  it("computes each month's index and leaves empty months without a value", () => {
    const points = trendFromCells(
      model,
      ["2026-01", "2026-02", "2026-03"],
      [
        { month: "2026-01", question_id: "i", code: 5, count: 3 },
        { month: "2026-01", question_id: "i", code: 2, count: 1 },
        { month: "2026-01", question_id: "j", code: 4, count: 1 },
        { month: "2026-03", question_id: "j", code: 1, count: 2 },
        { month: "2026-03", question_id: "@el/e", code: 0, count: 2 },
      ],
      [{ month: "2026-01", count: 4 }, { month: "2026-03", count: 2 }],
    );
    // January: i 75, j 100 → 87.5; March: j 0 → 0
    expect(points).toEqual([
      { month: "2026-01", index: 87.5, n: 4 },
      { month: "2026-02", index: null, n: 0 },
      { month: "2026-03", index: 0, n: 2 },
    ]);
    expect(change(80, 75.5)).toBe(4.5);
    expect(change(80, null)).toBeNull();
  });
});
