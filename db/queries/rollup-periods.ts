/**
 * Roll-up buckets covering whole months: a calendar year wholly inside becomes its year
 * bucket ("2026"), other months stay months. A province-year reads one bucket, not twelve.
 */
export function periodBuckets(months: string[]): string[] {
  const byYear = new Map<string, string[]>();
  for (const m of months) byYear.set(m.slice(0, 4), [...(byYear.get(m.slice(0, 4)) ?? []), m]);
  return [...byYear].flatMap(([year, ms]) => (new Set(ms).size === 12 ? [year] : ms));
}
