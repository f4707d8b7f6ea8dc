export interface TargetRow {
  year: number;
  value: number;
}

/**
 * The target in force for a year: the latest one set for that year or before. A target
 * set for 2020 stays in force until a later one replaces it.
 */
export function targetForYear(rows: TargetRow[], year: number): number | null {
  let best: TargetRow | null = null;
  for (const row of rows) {
    if (row.year <= year && (!best || row.year > best.year)) best = row;
  }
  return best ? best.value : null;
}

export function meetsTarget(index: number | null, target: number | null): boolean | null {
  if (index === null || target === null) return null;
  return index >= target;
}
