import { describe, expect, it } from "vitest";
import { currentUnitOf } from "~/metrics/reorganization";
import { mostSpecificTarget, targetFor, type ScopedTargetRow } from "~/metrics/targets";

const rows: ScopedTargetRow[] = [
  { year: 2020, value: 80, scope: "overall", scope_key: "", survey_id: null },
  { year: 2026, value: 95, scope: "overall", scope_key: "", survey_id: null },
  { year: 2026, value: 90, scope: "unit", scope_key: "X1", survey_id: null },
  { year: 2026, value: 85, scope: "unit", scope_key: "X1", survey_id: 3 },
  { year: 2025, value: 97, scope: "service", scope_key: "1.001612", survey_id: null },
  { year: 2026, value: 92, scope: "element", scope_key: "tiep-can", survey_id: null },
];

describe("targets as data", () => {
  it("uses the latest target set for the year or before", () => {
    expect(targetFor(rows, 2024, "overall")).toBe(80);
    expect(targetFor(rows, 2027, "overall")).toBe(95);
    expect(targetFor(rows, 2019, "overall")).toBeNull();
  });

  it("prefers a survey's own row over the general one", () => {
    expect(targetFor(rows, 2026, "unit", "X1")).toBe(85);
    expect(targetFor(rows.filter((r) => r.survey_id === null), 2026, "unit", "X1")).toBe(90);
  });

  it("takes the most specific scope: service, then unit, then overall", () => {
    const candidates = (service: string, unit: string) => [
      { scope: "service" as const, key: service },
      { scope: "unit" as const, key: unit },
      { scope: "overall" as const, key: "" },
    ];
    expect(mostSpecificTarget(rows, 2026, candidates("1.001612", "X1"))).toEqual({ value: 97, scope: "service", key: "1.001612" });
    expect(mostSpecificTarget(rows, 2026, candidates("khac", "X1"))).toEqual({ value: 85, scope: "unit", key: "X1" });
    expect(mostSpecificTarget(rows, 2026, candidates("khac", "X2"))).toEqual({ value: 95, scope: "overall", key: "" });
    expect(mostSpecificTarget(rows, 2010, candidates("khac", "X2"))).toBeNull();
    expect(targetFor(rows, 2026, "element", "tiep-can")).toBe(92);
  });
});

describe("successor chains", () => {
  it("follows closed units to today's unit and stops on broken or circular chains", () => {
    const map = currentUnitOf([
      { id: 1, valid_to: "2025-07-01", successor_id: 2 },
      { id: 2, valid_to: "2025-08-01", successor_id: 3 },
      { id: 3, valid_to: null, successor_id: null },
      { id: 4, valid_to: "2025-07-01", successor_id: 5 },
      { id: 5, valid_to: "2025-07-01", successor_id: 4 },
      { id: 6, valid_to: "2025-07-01", successor_id: null },
    ]);
    expect(Object.fromEntries(map)).toEqual({ 1: 3, 2: 3, 3: 3, 4: 5, 5: 4, 6: 6 });
  });
});
