import { sampleCoverage, type SampleCoverage } from "./dossier";

// Dossier counts are imported per month; a report period may cut months (issue 13.6). Pure.

export interface DossierRow {
  unit_id: number;
  service_id: number;
  month: string;
  count: number;
  complaints: number | null;
}

const daysInMonth = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

/**
 * Share of a month's days inside [from, to] (calendar dates): dossiers of a part month are
 * counted pro rata by day, as the ratings of those days are (15/03–14/04: 17/31 of March and
 * 14/30 of April).
 */
export function monthShare(month: string, range: { from: string; to: string }): number {
  const days = daysInMonth(month);
  const first = range.from.slice(0, 7) === month ? Number(range.from.slice(8, 10)) : range.from < month ? 1 : days + 1;
  const last = range.to.slice(0, 7) === month ? Number(range.to.slice(8, 10)) : range.to > month ? days : 0;
  return Math.max(0, last - first + 1) / days;
}

/** Rows weighted by the share of their month in the period (complaints likewise). */
export function proRata(rows: DossierRow[], range: { from: string; to: string }): DossierRow[] {
  return rows.map((r) => {
    const w = monthShare(r.month, range);
    return { ...r, count: r.count * w, complaints: r.complaints === null ? null : r.complaints * w };
  });
}

export interface PartCoverage extends SampleCoverage {
  code: string;
}

/**
 * "Sample reached" of each part (unit or service) against n = N/(1+N·e²) of its own
 * dossiers: a province's total can be reached while most communes are not.
 */
export function partCoverage(dossiersByPart: ReadonlyMap<string, number>, responsesByPart: ReadonlyMap<string, number>): PartCoverage[] {
  return [...dossiersByPart.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, dossiers]) => ({ code, ...sampleCoverage(dossiers, responsesByPart.get(code) ?? 0)! }));
}
