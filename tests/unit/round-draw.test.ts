import { describe, expect, it } from "vitest";
import { drawSample, sampleSize, type FrameEntry } from "../../app/metrics/round-draw";
import { stratifiedInterval, stratumWeights, weightedCells } from "../../app/metrics/round-weights";
import { CODE_ALPHABET, isRoundCode, newRoundCode, normalizeRoundCode } from "../../app/server/round-codes.server";
import { completionDate, normalizePhone } from "../../app/server/round-frame.server";

// Survey rounds: the sample size, the seeded draw, design weights and codes, against
// hand-computed cases (docs/decisions/010-survey-rounds.md).

describe("sample size n = min(N, ceil(overdraw·N / (1 + N·e²)))", () => {
  it("matches hand-computed cases", () => {
    expect(sampleSize(400, 0.05, 1)).toBe(200); // 400 / 2 exactly: no rounding up from 0.05² in binary
    expect(sampleSize(1000, 0.05, 1)).toBe(286); // 1000 / 3.5 = 285.71
    expect(sampleSize(100000, 0.05, 1)).toBe(399); // 398.40
    expect(sampleSize(1000, 0.05, 1.5)).toBe(429); // 428.57
    expect(sampleSize(10, 0.05, 1)).toBe(10); // 9.76 → 10
    expect(sampleSize(30, 0.05, 3)).toBe(30); // capped at N
    expect(sampleSize(0, 0.05, 1)).toBe(0);
  });
});

const entries = (n: number, stratum: string, extra: Partial<FrameEntry> = {}): FrameEntry[] =>
  Array.from({ length: n }, (_, i) => ({ id: i + (stratum === "B" ? 10_000 : 0), stratum, dossier: `${stratum}-${String(i).padStart(5, "0")}`, person: null, rated: false, ...extra }));

describe("the seeded stratified draw", () => {
  it("is the same for the same frame and seed whatever the frame's order, and changes with the seed", () => {
    const frame = [...entries(500, "A"), ...entries(300, "B")];
    const a = drawSample(frame, "s1", 0.05, 1);
    const b = drawSample([...frame].reverse(), "s1", 0.05, 1);
    expect(b).toEqual(a);
    expect(a.map((s) => [s.stratum, s.N, s.n, s.drawn.length])).toEqual([["A", 500, 223, 223], ["B", 300, 172, 172]]);
    expect(new Set(a[0].drawn).size).toBe(223);
    expect(drawSample(frame, "s2", 0.05, 1)[0].drawn).not.toEqual(a[0].drawn);
  });

  it("never changes a unit's sample when another unit is added", () => {
    const alone = drawSample(entries(500, "A"), "s", 0.05, 1);
    const both = drawSample([...entries(500, "A"), ...entries(300, "B")], "s", 0.05, 1);
    expect(both[0]).toEqual(alone[0]);
  });

  it("skips rated dossiers and a person already drawn, keeping N", () => {
    const frame = entries(20, "A").map((e, i) => ({ ...e, rated: i < 5, person: `p${i % 8}` }));
    const [s] = drawSample(frame, "s", 0.05, 1);
    expect(s.N).toBe(20);
    expect(s.n).toBe(20);
    const drawn = s.drawn.map((id) => frame[id]);
    expect(drawn.every((e) => !e.rated)).toBe(true);
    expect(new Set(drawn.map((e) => e.person)).size).toBe(drawn.length);
    expect(drawn.length).toBe(8); // 8 people, the rated ones excluded, each once
  });
});

describe("design weights", () => {
  const respondents = [
    { unitId: 1, serviceId: 9, cells: [{ question_id: "q", code: 5 }] },
    { unitId: 1, serviceId: 9, cells: [{ question_id: "q", code: 2 }] },
    { unitId: 2, serviceId: 9, cells: [{ question_id: "q", code: 4 }] },
  ];
  it("w_h = N_h / r_h, and weighted cells sum the weights (hand-computed)", () => {
    const w = stratumWeights(new Map([[1, 100], [2, 300], [3, 50]]), respondents, "design");
    expect(w).toEqual([{ unitId: 1, N: 100, r: 2, weight: 50 }, { unitId: 2, N: 300, r: 1, weight: 300 }, { unitId: 3, N: 50, r: 0, weight: null }]);
    const { cells, responses } = weightedCells(respondents, w);
    expect(cells.find((c) => c.unit_id === 1 && c.code === 5)!.count).toBe(50);
    expect(cells.find((c) => c.unit_id === 2 && c.code === 4)!.count).toBe(300);
    expect(responses.reduce((a, r) => a + r.count, 0)).toBe(3);
    // satisfied share: (50·1 + 300·1) / (50·2 + 300·1) = 350 / 400 = 87.5%
    const sat = cells.filter((c) => c.code >= 4).reduce((a, c) => a + c.count, 0);
    const valid = cells.reduce((a, c) => a + c.count, 0);
    expect((100 * sat) / valid).toBe(87.5);
    expect(stratumWeights(new Map([[1, 100]]), respondents, "none")[0].weight).toBe(1);
  });

  it("stratified interval: Σ W² (1 − f) p q / (r − 1), hand-computed", () => {
    // One stratum, N = 100, r = 10, p = 0.5: var = 0.9 · 0.25 / 9 = 0.025, half = 1.96 · 0.1581
    const [lo, hi] = stratifiedInterval([{ N: 100, valid: 10, satisfied: 5 }])!;
    expect(lo).toBeCloseTo(100 * (0.5 - 1.959964 * Math.sqrt(0.025)), 6);
    expect(hi).toBeCloseTo(100 * (0.5 + 1.959964 * Math.sqrt(0.025)), 6);
    expect(stratifiedInterval([{ N: 100, valid: 1, satisfied: 1 }])).toBeNull();
  });
});

describe("codes and frame cells", () => {
  it("codes: 8 of 32 symbols (40 bits), no 0/O/1/I, typed in any case with dashes", () => {
    expect(CODE_ALPHABET).toHaveLength(32);
    expect(CODE_ALPHABET).not.toMatch(/[01OI]/);
    const codes = new Set(Array.from({ length: 2000 }, () => newRoundCode()));
    expect(codes.size).toBe(2000);
    for (const c of codes) expect(isRoundCode(c)).toBe(true);
    expect(normalizeRoundCode(" abcd-efgh ")).toBe("ABCDEFGH");
    expect(isRoundCode("ABCD0FGH")).toBe(false);
  });

  it("phones and dates as the one-stop system writes them", () => {
    expect(normalizePhone("+84 912 345 678")).toBe("0912345678");
    expect(normalizePhone("0912.345.678")).toBe("0912345678");
    expect(normalizePhone("84912345678")).toBe("0912345678");
    expect(normalizePhone("12ab")).toBeNull();
    expect(completionDate("2026-02-01")).toBe("2026-02-01");
    expect(completionDate("1/2/2026")).toBe("2026-02-01");
    expect(completionDate("2026-01-31T18:00:00Z")).toBe("2026-02-01"); // 01:00 in Vietnam
    expect(completionDate("31/02/2026")).toBeNull();
  });
});
