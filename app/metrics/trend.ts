import type { IndexModel } from "~/survey/types";
import { itemsByUnit, meanOfChildren, type UnitTree } from "./parent-index";
import { computeIndex, emptyDistribution, type Distribution } from "./sipas-index";

export interface TrendPoint {
  month: string;
  index: number | null;
  n: number;
}

/**
 * Index per month from month × question × code cells; a month without answers has no value.
 * With `mean-of-children` and the unit tree (cells then carry their unit), each month is
 * the same mean-of-children value the summary gives for that month.
 */
export function trendFromCells(
  model: IndexModel,
  months: string[],
  cells: Array<{ month: string; question_id: string; code: number; count: number; unit_id?: number }>,
  responses: Array<{ month: string; count: number }>,
  tree?: UnitTree,
): TrendPoint[] {
  const n = new Map(responses.map((r) => [r.month, r.count]));
  if (tree && model.parentAggregation === "mean-of-children") {
    return months.map((month) => {
      const units = itemsByUnit(cells.filter((c) => c.month === month).map((c) => ({ ...c, unit_id: c.unit_id ?? tree.root })), tree.homeOf);
      return { month, index: meanOfChildren(model, tree, units).get(tree.root) ?? null, n: n.get(month) ?? 0 };
    });
  }
  const byMonth = new Map<string, Map<string, Distribution>>();
  for (const c of cells) {
    if (c.code < 1 || c.code > 5) continue;
    const items = byMonth.get(c.month) ?? new Map<string, Distribution>();
    const d = items.get(c.question_id) ?? emptyDistribution();
    d[c.code as 1 | 2 | 3 | 4 | 5] += c.count;
    items.set(c.question_id, d);
    byMonth.set(c.month, items);
  }
  return months.map((month) => ({ month, index: computeIndex(model, byMonth.get(month) ?? new Map()).index, n: n.get(month) ?? 0 }));
}

/** Change against the previous period, in percentage points; null when either has no value. */
export const change = (now: number | null, before: number | null | undefined): number | null =>
  now === null || before === null || before === undefined ? null : now - before;
