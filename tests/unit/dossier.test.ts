import { describe, expect, it } from "vitest";
import { OVERALL_LEVELS, bandOf, dossierScore, qd766Ratio, ratingShares, requiredSample, sampleCoverage, smileyShares } from "~/metrics/dossier";

describe("per-dossier 18-point score", () => {
  it("averages the totals and shares them into the bands of docs/method.md §9", () => {
    // 2 dossiers at 18, 1 at 13, 1 at 4 → mean (36 + 13 + 4) / 4 = 13.25
    const s = dossierScore(new Map([[18, 2], [13, 1], [4, 1]]));
    expect(s.n).toBe(4);
    expect(s.mean).toBe(13.25);
    expect(Object.fromEntries(s.bands.map((b) => [b.id, b.share]))).toEqual({ "xuat-sac": 50, tot: 25, kha: 0, "trung-binh": 0, yeu: 25 });
  });

  it("puts band edges where the reconstructed rule says", () => {
    expect([16, 15, 12, 11, 9, 8, 6, 5, 0].map(bandOf)).toEqual(["xuat-sac", "tot", "tot", "kha", "kha", "trung-binh", "trung-binh", "yeu", "yeu"]);
  });

  it("has no mean and no shares without rated dossiers", () => {
    const s = dossierScore(new Map());
    expect(s.mean).toBeNull();
    expect(s.bands.every((b) => b.share === null && b.count === 0)).toBe(true);
  });
});

describe("rating shares", () => {
  it("maps roll-up codes (option k → code k + 1) to the 3 overall levels", () => {
    // 6 rất hài lòng, 3 hài lòng, 1 không hài lòng
    const s = ratingShares(OVERALL_LEVELS, new Map([[1, 6], [2, 3], [3, 1]]));
    expect(s).toEqual([
      { id: "rat-hai-long", count: 6, share: 60 },
      { id: "hai-long", count: 3, share: 30 },
      { id: "khong-hai-long", count: 1, share: 10 },
    ]);
  });

  it("shares the smiley levels", () => {
    const s = smileyShares(new Map([[5, 3], [4, 1]]));
    expect(s.map((x) => x.share)).toEqual([0, 0, 0, 25, 75]);
    expect(smileyShares(new Map()).every((x) => x.share === null)).toBe(true);
  });
});

describe("QĐ 766 and sample size", () => {
  it("computes (dossiers − not satisfied − complaints) / dossiers", () => {
    expect(qd766Ratio(200, 6, 4)).toBe(95);
    expect(qd766Ratio(null, 3)).toBeNull();
    expect(qd766Ratio(0, 0)).toBeNull();
  });

  it("subtracts imported complaints beside the 'not satisfied' ratings, never below 0%", () => {
    // 1,250 dossiers, 40 rated "không hài lòng", 10 with a complaint: (1250 − 50) / 1250 = 96%.
    expect(qd766Ratio(1250, 40, 10)).toBe(96);
    // Without complaints the same data gives (1250 − 40) / 1250 = 96.8%.
    expect(qd766Ratio(1250, 40)).toBe(96.8);
    expect(qd766Ratio(1250, 40, 0)).toBe(96.8);
    // 8 dossiers, 3 unhappy and 5 complaints (a dossier may be both: counted twice) → 0%.
    expect(qd766Ratio(8, 3, 5)).toBe(0);
    expect(qd766Ratio(8, 3, 7)).toBe(0);
  });

  it("uses n = N / (1 + N·0.05²), rounded up", () => {
    expect(requiredSample(100)).toBe(80); // 100 / 1.25
    expect(requiredSample(1000)).toBe(286); // 1000 / 3.5 = 285.7
    expect(requiredSample(1_000_000)).toBe(400); // 399.84
    expect(requiredSample(0)).toBe(0);
  });

  it("reports the response rate and whether the sample was reached", () => {
    expect(sampleCoverage(1000, 300)).toEqual({ dossiers: 1000, responses: 300, responseRate: 30, required: 286, reached: true });
    expect(sampleCoverage(1000, 200)?.reached).toBe(false);
    expect(sampleCoverage(null, 5)).toBeNull();
  });
});
