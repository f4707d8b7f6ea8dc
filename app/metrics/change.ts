import { comparable } from "./ranking";

// Change between two periods with its uncertainty (issue 13.9). Pure. The two periods hold
// different respondents, so their errors are independent: the standard error of the change
// is √(se₁² + se₂²), each se read off its 95% interval (half-width ÷ 1.96).

export interface Change {
  /** Percentage points, now − before. */
  delta: number;
  ci95: [number, number] | null;
  /** True exactly when ci95 excludes 0. */
  significant: boolean;
}

const Z = 1.959963984540054;
const se = (ci: [number, number]) => (ci[1] - ci[0]) / (2 * Z);

export function changeOf(now: number | null, nowCi: [number, number] | null, before: number | null | undefined, beforeCi: [number, number] | null | undefined): Change | null {
  if (now === null || before === null || before === undefined) return null;
  const delta = now - before;
  if (!nowCi || !beforeCi) return { delta, ci95: null, significant: false };
  const half = Z * Math.hypot(se(nowCi), se(beforeCi));
  const ci95: [number, number] = [delta - half, delta + half];
  return { delta, ci95, significant: comparable(ci95[0]) > 0 || comparable(ci95[1]) < 0 };
}

/** The period of the same length just before [from, to] (calendar dates). */
export function previousRange(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const length = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(start - length * day), to: iso(start - day) };
}

/**
 * Rank groups: true for a ranked unit whose interval overlaps the leader's (it cannot be
 * told apart from the leader; the leader itself is true), false when it lies below; null
 * without intervals.
 */
export function tiedWithLeader(units: Array<{ rank: number | null; ci95: [number, number] | null }>): Array<boolean | null> {
  const leader = units.find((u) => u.rank === 1 && u.ci95);
  return units.map((u) => {
    if (!leader?.ci95 || !u.ci95 || u.rank === null) return null;
    return comparable(u.ci95[1]) >= comparable(leader.ci95[0]);
  });
}
