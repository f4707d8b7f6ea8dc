import { describe, expect, it } from "vitest";
import { monthShare, partCoverage, proRata } from "~/metrics/dossier-period";

describe("dossiers of part months (issue 13.6)", () => {
  it("weights a month by its days inside the period", () => {
    const range = { from: "2026-03-15", to: "2026-04-14" };
    expect(monthShare("2026-03", range)).toBe(17 / 31);
    expect(monthShare("2026-04", range)).toBe(14 / 30);
    expect(monthShare("2026-02", range)).toBe(0);
    expect(monthShare("2026-05", range)).toBe(0);
    expect(monthShare("2026-02", { from: "2026-01-01", to: "2026-12-31" })).toBe(1);
    expect(monthShare("2024-02", { from: "2024-02-01", to: "2024-02-29" })).toBe(1);
  });

  it("15/03–14/04 with 310 + 300 dossiers counts 170 + 140, complaints likewise", () => {
    const rows = proRata(
      [
        { unit_id: 1, service_id: 1, month: "2026-03", count: 310, complaints: 31 },
        { unit_id: 1, service_id: 1, month: "2026-04", count: 300, complaints: null },
      ],
      { from: "2026-03-15", to: "2026-04-14" },
    );
    expect(rows.map((r) => [r.count, r.complaints])).toEqual([
      [170, 17],
      [140, null],
    ]);
  });

  it("judges the sample of each part on its own dossiers", () => {
    // 400 dossiers → 200 needed; 5 dossiers → 5 needed (n = N/(1 + N·0.05²), rounded up).
    expect(partCoverage(new Map([["B", 5], ["A", 400]]), new Map([["A", 200]])).map((p) => [p.code, p.required, p.reached])).toEqual([
      ["A", 200, true],
      ["B", 5, false],
    ]);
  });
});
