import { createRng } from "./prng";

// The stratified draw of a survey round (docs/decisions/010-survey-rounds.md). Pure and
// seeded: the same frame and seed give the same sample on any database, because nothing
// random happens in SQL and the frame is put in one fixed order before the draw.

/**
 * n_h = min(N_h, ceil(overdraw · N_h / (1 + N_h · e²))) (Yamane's formula with an overdraw for
 * expected non-response). The 1e-9 keeps a quotient that is whole on paper (N = 400, e = 0.05
 * gives exactly 200) from rounding up because 0.05² is not exact in binary.
 */
export function sampleSize(N: number, margin: number, overdraw: number): number {
  if (N <= 0) return 0;
  const n = Math.ceil((overdraw * N) / (1 + N * margin * margin) - 1e-9);
  return Math.min(N, Math.max(1, n));
}

export interface FrameEntry {
  id: number;
  /** Stratum: the unit's code. */
  stratum: string;
  /** The dossier code as the one-stop system wrote it (orders the frame within a stratum). */
  dossier: string;
  /** Keyed hash of the normalized phone, null without one. */
  person: string | null;
  /** Already rated in this survey: never drawn (but still part of N_h). */
  rated: boolean;
}

export interface StratumDraw {
  stratum: string;
  N: number;
  n: number;
  /** Frame ids drawn, in draw order (may be fewer than n when too few are eligible). */
  drawn: number[];
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Strata in code order; within one, the frame sorted by dossier code (code-point order, no
 * locale), then a Fisher–Yates shuffle driven by sfc32 seeded with `${seed}|${stratum}`, so
 * adding a unit never changes another unit's sample. The shuffled list is walked and a dossier
 * taken unless it was rated already or its person (phone) was taken earlier in the round, until
 * n_h are taken.
 */
export function drawSample(frame: readonly FrameEntry[], seed: string, margin: number, overdraw: number): StratumDraw[] {
  const strata = new Map<string, FrameEntry[]>();
  for (const e of frame) {
    const list = strata.get(e.stratum);
    if (list) list.push(e);
    else strata.set(e.stratum, [e]);
  }
  const people = new Set<string>();
  const result: StratumDraw[] = [];
  for (const stratum of [...strata.keys()].sort(byCodePoint)) {
    const list = strata.get(stratum)!.slice().sort((a, b) => byCodePoint(a.dossier, b.dossier) || a.id - b.id);
    const rng = createRng(`${seed}|${stratum}`);
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    const n = sampleSize(list.length, margin, overdraw);
    const drawn: number[] = [];
    for (const e of list) {
      if (drawn.length >= n) break;
      if (e.rated || (e.person !== null && people.has(e.person))) continue;
      if (e.person !== null) people.add(e.person);
      drawn.push(e.id);
    }
    result.push({ stratum, N: list.length, n, drawn });
  }
  return result;
}
