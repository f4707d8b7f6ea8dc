import { describe, expect, it } from "vitest";
import { shortLabel } from "../../app/components/reports/chart-data";
import { changePoints, periodBefore } from "../../app/metrics/period-before";

describe("criteria by short names on charts", () => {
  it("keeps short texts and cuts long ones at a word", () => {
    expect(shortLabel("Nơi ngồi chờ")).toBe("Nơi ngồi chờ");
    const long = "Nơi ngồi chờ tại Bộ phận tiếp nhận và trả kết quả có đủ chỗ ngồi.";
    const cut = shortLabel(long);
    expect(cut.endsWith("…")).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(43);
    expect(long.startsWith(cut.slice(0, -1))).toBe(true);
    expect(cut).not.toMatch(/\s…$/);
  });
});

describe("XLSX ranking change", () => {
  it("compares with the period of equal length before, never between thin samples", () => {
    expect(periodBefore("2026-04-01", "2026-06-30")).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(periodBefore("2026-03-01", "2026-03-01")).toEqual({ from: "2026-02-28", to: "2026-02-28" });
    expect(periodBefore("2026-03-01", "2026-03-31")).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodBefore("2026-03-10", "2026-03-19")).toEqual({ from: "2026-02-28", to: "2026-03-09" });
    expect(changePoints(false, 82.5, 80)).toBe(2.5);
    expect(changePoints(true, 82.5, 80)).toBeNull();
    expect(changePoints(false, 82.5, null)).toBeNull();
  });
});
