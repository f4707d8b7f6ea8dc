import type { IndexModel, ItemAggregation } from "~/survey/types";

// docs/method.md §3. Pure: counts in, percentages out. "No data" is null, never 0.

/** How many answers each scale code (1..5) received; missing answers are not counted. */
export type Distribution = Record<1 | 2 | 3 | 4 | 5, number>;

export const emptyDistribution = (): Distribution => ({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });

export interface ItemResult {
  id: string;
  valid: number;
  satisfied: number;
  index: number | null;
  distribution: Distribution;
}

export interface GroupResult {
  id: string;
  index: number | null;
  /** Answers of codes 1..5 summed over the group's items (pooled numerator/denominator). */
  valid: number;
  satisfied: number;
}

export interface IndexResult {
  index: number | null;
  aspects: GroupResult[];
  elements: GroupResult[];
  items: ItemResult[];
}

export function satisfied(d: Distribution): number {
  return d[4] + d[5];
}

export function valid(d: Distribution): number {
  return d[1] + d[2] + d[3] + d[4] + d[5];
}

/** P = 100 · sat / valid; null when nothing valid was answered. */
export function percent(sat: number, validCount: number): number | null {
  return validCount > 0 ? (100 * sat) / validCount : null;
}

/** Mean of the values that exist; null when none does. */
export function meanOfPresent(values: Array<number | null>): number | null {
  const present = values.filter((v): v is number => v !== null);
  return present.length ? present.reduce((a, b) => a + b, 0) / present.length : null;
}

function pooledOf(parts: Array<{ satisfied: number; valid: number }>): number | null {
  return percent(
    parts.reduce((s, i) => s + i.satisfied, 0),
    parts.reduce((s, i) => s + i.valid, 0),
  );
}

function elementIndex(items: ItemResult[], aggregation: ItemAggregation): number | null {
  if (aggregation === "pooled" || aggregation === "pooled-all") {
    return percent(
      items.reduce((s, i) => s + i.satisfied, 0),
      items.reduce((s, i) => s + i.valid, 0),
    );
  }
  return meanOfPresent(items.map((i) => i.index));
}

/**
 * item → element → aspect → overall. `aggregation` decides the item → element step
 * (mean of item percentages, or pooled Σsat/Σvalid); elements, aspects and the overall
 * index are means of the parts that have a value (docs/decisions/002) — except with
 * `pooled-all`, where every level pools its items (docs/decisions/009).
 */
export function computeIndex(
  model: IndexModel,
  counts: ReadonlyMap<string, Distribution>,
  aggregation: ItemAggregation = model.aggregation,
): IndexResult {
  const items: ItemResult[] = [];
  const elements: GroupResult[] = [];
  const aspects: GroupResult[] = [];
  for (const aspect of model.aspects) {
    const aspectElements: GroupResult[] = [];
    for (const element of aspect.elements) {
      const elementItems = element.items.map((id) => {
        const distribution = counts.get(id) ?? emptyDistribution();
        const v = valid(distribution);
        const s = satisfied(distribution);
        return { id, valid: v, satisfied: s, index: percent(s, v), distribution };
      });
      items.push(...elementItems);
      aspectElements.push({
        id: element.id,
        index: elementIndex(elementItems, aggregation),
        valid: elementItems.reduce((s, i) => s + i.valid, 0),
        satisfied: elementItems.reduce((s, i) => s + i.satisfied, 0),
      });
    }
    elements.push(...aspectElements);
    aspects.push({
      id: aspect.id,
      index: aggregation === "pooled-all" ? pooledOf(aspectElements) : meanOfPresent(aspectElements.map((e) => e.index)),
      valid: aspectElements.reduce((s, e) => s + e.valid, 0),
      satisfied: aspectElements.reduce((s, e) => s + e.satisfied, 0),
    });
  }
  return { index: aggregation === "pooled-all" ? pooledOf(aspects) : meanOfPresent(aspects.map((a) => a.index)), aspects, elements, items };
}

/** Adds distributions into `into` (used to pool units and months). */
export function addDistribution(into: Distribution, from: Distribution): Distribution {
  for (const code of [1, 2, 3, 4, 5] as const) into[code] += from[code];
  return into;
}
