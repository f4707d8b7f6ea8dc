import { comparable } from "./ranking";

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
  return comparable(index) >= comparable(target);
}

export interface ScopedTargetRow extends TargetRow {
  scope: "overall" | "element" | "unit" | "service";
  scope_key: string;
  /** null = every survey; a survey's own rows for a scope replace the general ones. */
  survey_id: number | null;
}

export interface ChosenTarget {
  value: number;
  scope: ScopedTargetRow["scope"];
  key: string;
}

/** The target in force for one scope and key, or null. */
export function targetFor(rows: ScopedTargetRow[], year: number, scope: ScopedTargetRow["scope"], key = ""): number | null {
  const matching = rows.filter((r) => r.scope === scope && r.scope_key === key);
  const own = matching.filter((r) => r.survey_id !== null);
  return targetForYear(own.length ? own : matching, year);
}

/** The most specific target: the first candidate (e.g. service, then unit, then overall) that has one. */
export function mostSpecificTarget(
  rows: ScopedTargetRow[],
  year: number,
  candidates: Array<{ scope: ScopedTargetRow["scope"]; key: string }>,
): ChosenTarget | null {
  for (const c of candidates) {
    const value = targetFor(rows, year, c.scope, c.key);
    if (value !== null) return { value, scope: c.scope, key: c.key };
  }
  return null;
}
