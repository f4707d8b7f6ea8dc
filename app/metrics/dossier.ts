// Counter-level figures (docs/method.md §2.3, §3, §9): the per-dossier 18-point score, the shares
// of the 3-level and smiley ratings, the QĐ 766 indicator, and sample size against dossier
// counts. Pure: counts in, figures out; null = no data.

/** Score bands of one provincial system (docs/method.md §9, reconstructed): data, not code. */
export const SCORE_BANDS = [
  { id: "xuat-sac", min: 16 }, // > 15
  { id: "tot", min: 12 }, // 12–15
  { id: "kha", min: 9 }, // 9–11
  { id: "trung-binh", min: 6 }, // 6–8
  { id: "yeu", min: 0 }, // < 6
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number]["id"];

export function bandOf(score: number): ScoreBand {
  return (SCORE_BANDS.find((b) => score >= b.min) ?? SCORE_BANDS[SCORE_BANDS.length - 1]).id;
}

export interface Share {
  id: string;
  count: number;
  /** Percent of the answers; null when there are none. */
  share: number | null;
}

function shares(ids: readonly string[], counts: readonly number[]): Share[] {
  const total = counts.reduce((s, c) => s + c, 0);
  return ids.map((id, i) => ({ id, count: counts[i], share: total ? (100 * counts[i]) / total : null }));
}

export interface DossierScore {
  /** Dossiers rated on all 9 indicators. */
  n: number;
  mean: number | null;
  bands: Share[];
}

/**
 * `histogram[score]` = dossiers whose 9 indicators (0–2 points each) total `score` (0..18).
 * Dossiers with an indicator unanswered are left out (their total would understate).
 */
export function dossierScore(histogram: ReadonlyMap<number, number>): DossierScore {
  let n = 0;
  let points = 0;
  const perBand = new Map<ScoreBand, number>();
  for (const [score, count] of histogram) {
    n += count;
    points += score * count;
    perBand.set(bandOf(score), (perBand.get(bandOf(score)) ?? 0) + count);
  }
  const ids = SCORE_BANDS.map((b) => b.id);
  return { n, mean: n ? points / n : null, bands: shares(ids, ids.map((id) => perBand.get(id) ?? 0)) };
}

/**
 * Shares of a single-choice rating from roll-up codes: the roll-up stores option k of a
 * `single` question as code k+1, a smiley level as its own code.
 */
export function ratingShares(optionIds: readonly string[], codeCounts: ReadonlyMap<number, number>): Share[] {
  return shares(optionIds, optionIds.map((_, k) => codeCounts.get(k + 1) ?? 0));
}

/** The 3-level overall rating of danh-gia-tthc (`muc-do-hai-long`). */
export const OVERALL_LEVELS = ["rat-hai-long", "hai-long", "khong-hai-long"] as const;
/** Smiley levels of the quick rating (`nhanh`): 1 very unhappy … 5 very happy. */
export const SMILEY_LEVELS = ["1", "2", "3", "4", "5"] as const;

/** Smiley levels are stored as their own code (1..5), which is also option k + 1. */
export const smileyShares = (codeCounts: ReadonlyMap<number, number>): Share[] => ratingShares(SMILEY_LEVELS, codeCounts);

/**
 * QĐ 766/QĐ-TTg: (dossiers − dossiers rated "not satisfied" or complained about) ÷ dossiers
 * × 100. Needs the dossier count; null without it. Ratings are anonymous, so a dossier both
 * rated "not satisfied" and complained about counts twice: the figure errs low, never high.
 */
export function qd766Ratio(dossiers: number | null, notSatisfied: number, complaints = 0): number | null {
  if (!dossiers || dossiers <= 0) return null;
  return (100 * Math.max(0, dossiers - notSatisfied - complaints)) / dossiers;
}

/** Ministry sampling guidance n = N / (1 + N·e²), rounded up (e = 5% → ≈ 400 for large N). */
export function requiredSample(dossiers: number, margin = 0.05): number {
  if (dossiers <= 0) return 0;
  return Math.ceil(dossiers / (1 + dossiers * margin * margin));
}

export interface SampleCoverage {
  dossiers: number;
  responses: number;
  /** Responses per dossier, percent. */
  responseRate: number | null;
  required: number;
  reached: boolean;
}

export function sampleCoverage(dossiers: number | null, responses: number): SampleCoverage | null {
  if (dossiers === null) return null;
  const required = requiredSample(dossiers);
  return {
    dossiers,
    responses,
    responseRate: dossiers > 0 ? (100 * responses) / dossiers : null,
    required,
    reached: dossiers > 0 && responses >= required,
  };
}
