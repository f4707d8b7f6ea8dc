import type { RollupCell } from "~/survey/rollup-cells";
import type { Cell, ResponseCount } from "./summary";

// Design weights of a survey round (docs/decisions/010-survey-rounds.md). Pure. Stratum h
// has N_h dossiers in the frame and r_h respondents; each respondent stands for
// w_h = N_h / r_h dossiers. Weighted cells carry Σ w instead of a count, so the survey's own
// aggregation (app/metrics/summary.ts) turns them into Σ w·satisfied / Σ w·valid per item and
// then into elements, aspects and the index exactly as for counts.

export interface Respondent {
  /** The stratum (unit id) the respondent was drawn in. */
  unitId: number;
  serviceId: number;
  cells: RollupCell[];
}

export interface StratumWeight {
  unitId: number;
  N: number;
  r: number;
  /** N / r; null when the stratum has no respondent (it then weighs nothing). */
  weight: number | null;
}

export type Weighting = "design" | "none";

export function stratumWeights(frame: ReadonlyMap<number, number>, respondents: readonly Respondent[], weighting: Weighting): StratumWeight[] {
  const r = new Map<number, number>();
  for (const p of respondents) r.set(p.unitId, (r.get(p.unitId) ?? 0) + 1);
  return [...frame.entries()].map(([unitId, N]) => {
    const rh = r.get(unitId) ?? 0;
    return { unitId, N, r: rh, weight: rh === 0 ? null : weighting === "design" ? N / rh : 1 };
  });
}

/** Cells and response counts for `summarize`, each respondent counting with its weight. */
export function weightedCells(respondents: readonly Respondent[], weights: readonly StratumWeight[]): { cells: Cell[]; responses: ResponseCount[] } {
  const w = new Map(weights.map((s) => [s.unitId, s.weight ?? 0]));
  const cells = new Map<string, Cell>();
  const responses = new Map<string, ResponseCount>();
  for (const p of respondents) {
    const weight = w.get(p.unitId) ?? 0;
    const rk = `${p.unitId}|${p.serviceId}`;
    const rc = responses.get(rk) ?? { unit_id: p.unitId, service_id: p.serviceId, count: 0 };
    // Respondent counts stay counts (n is people); the weights go into the answer cells.
    rc.count += 1;
    responses.set(rk, rc);
    for (const c of p.cells) {
      const key = `${rk}|${c.question_id}|${c.code}`;
      const cell = cells.get(key) ?? { unit_id: p.unitId, service_id: p.serviceId, question_id: c.question_id, code: c.code, count: 0 };
      cell.count += weight;
      cells.set(key, cell);
    }
  }
  return { cells: [...cells.values()], responses: [...responses.values()] };
}

/**
 * 95% interval of a stratified proportion p = Σ W_h p_h (W_h = N_h / N over strata with
 * answers): Var = Σ W_h² (1 − f_h) p_h (1 − p_h) / (r_h − 1), f_h = r_h / N_h, normal
 * approximation, clamped to [0, 100]. Null with fewer than 2 answers in every stratum.
 */
export function stratifiedInterval(strata: ReadonlyArray<{ N: number; valid: number; satisfied: number }>): [number, number] | null {
  const used = strata.filter((s) => s.valid > 0);
  const total = used.reduce((a, s) => a + s.N, 0);
  if (!used.length || total === 0 || used.every((s) => s.valid < 2)) return null;
  let p = 0;
  let variance = 0;
  for (const s of used) {
    const W = s.N / total;
    const ph = s.satisfied / s.valid;
    p += W * ph;
    if (s.valid > 1) variance += W * W * (1 - Math.min(1, s.valid / s.N)) * ((ph * (1 - ph)) / (s.valid - 1));
  }
  const half = 1.959964 * Math.sqrt(variance);
  return [Math.max(0, 100 * (p - half)), Math.min(100, 100 * (p + half))];
}
