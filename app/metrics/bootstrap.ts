import type { IndexModel } from "~/survey/types";

// Respondent-level bootstrap for the composite indices (element, aspect, overall):
// docs/decisions/004-intervals.md. Pure and deterministic: a fixed seed gives the same
// interval for the same data, so a report never changes between two reloads.

export type Interval = [number, number];

/** Per respondent, per item (in `indexItems(model)` order): 1 satisfied, 0 not, -1 missing. */
export type SatisfactionVector = Int8Array;

export const BOOTSTRAP_SEED = 20261124;
export const BOOTSTRAP_REPLICATES = 400;
/** Respondents read for a bootstrap at most (a larger scope is subsampled and rescaled). */
export const BOOTSTRAP_SAMPLE = 500;
/**
 * Per-unit intervals (issue 13.2): each unit's own respondents, at most this many, rescaled
 * to the unit's n like the scope's; fewer replicates keep 130 units within the dashboards'
 * budget. scripts/interval-coverage.ts checks that 95% intervals cover the truth 93–97%.
 */
export const UNIT_SAMPLE = 100;
export const UNIT_REPLICATES = 400;
const PACK = 2 ** 20;
/** Up to this many respondents, replicates are memoized by the multiset drawn... */
const MEMO_MAX = 6;
/** ...of which there are at most C(2·6 − 1, 6) = 462. */
const MEMO_DRAWS = 462;

export interface BootstrapOptions {
  replicates?: number;
  seed?: number;
  /**
   * Sampled respondents m of a scope of n: the spread of the replicates is multiplied by
   * √(m/n) (the sample was subsampled at random, so its spread is √(n/m) too wide).
   */
  scale?: number;
  /** Point estimates of the whole scope (from roll-ups) to centre the intervals on. */
  centre?: BootstrapCentre;
  /** Only the overall index (per-unit intervals): elements and aspects get no interval. */
  indexOnly?: boolean;
}

export interface BootstrapCentre {
  index: number | null;
  elements: Map<string, number | null>;
  aspects: Map<string, number | null>;
}

export interface BootstrapIntervals {
  index: Interval | null;
  elements: Map<string, Interval | null>;
  aspects: Map<string, Interval | null>;
}

/** mulberry32: a tiny, fast, well-mixed 32-bit generator; enough for resampling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile (0..1) of sorted values, linear between order statistics. */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

interface Layout {
  /** Per element: item positions; per aspect: element positions. */
  elements: Array<{ id: string; items: number[] }>;
  aspects: Array<{ id: string; elements: number[] }>;
}

function layoutOf(model: IndexModel): Layout {
  const elements: Layout["elements"] = [];
  const aspects: Layout["aspects"] = [];
  let item = 0;
  for (const a of model.aspects) {
    const positions: number[] = [];
    for (const e of a.elements) {
      positions.push(elements.length);
      elements.push({ id: e.id, items: e.items.map(() => item++) });
    }
    aspects.push({ id: a.id, elements: positions });
  }
  return { elements, aspects };
}

/** Element, aspect and overall values from item sums into `out`; NaN = no value. Loops only: it runs per replicate. */
function indicesOf(model: IndexModel, layout: Layout, sat: Float64Array, val: Float64Array, out: Float64Array) {
  const ne = layout.elements.length;
  const pooled = model.aggregation !== "mean-of-items";
  const pooledAll = model.aggregation === "pooled-all";
  // pooled-all: per element Σsat / Σvalid, kept to pool aspects and the whole form too.
  const es = pooledAll ? new Float64Array(ne) : null;
  const ev = pooledAll ? new Float64Array(ne) : null;
  for (let k = 0; k < ne; k++) {
    const items = layout.elements[k].items;
    let s = 0;
    let v = 0;
    let sumP = 0;
    let present = 0;
    for (let j = 0; j < items.length; j++) {
      const i = items[j];
      s += sat[i];
      v += val[i];
      if (val[i] > 0) {
        sumP += (100 * sat[i]) / val[i];
        present++;
      }
    }
    out[k] = pooled ? (v > 0 ? (100 * s) / v : NaN) : present ? sumP / present : NaN;
    if (es && ev) {
      es[k] = s;
      ev[k] = v;
    }
  }
  if (es && ev) return pooledAllOf(layout, es, ev, out);
  let total = 0;
  let aspectsPresent = 0;
  for (let a = 0; a < layout.aspects.length; a++) {
    const els = layout.aspects[a].elements;
    let sum = 0;
    let present = 0;
    for (let j = 0; j < els.length; j++) {
      if (!Number.isNaN(out[els[j]])) {
        sum += out[els[j]];
        present++;
      }
    }
    out[ne + a] = present ? sum / present : NaN;
    if (present) {
      total += out[ne + a];
      aspectsPresent++;
    }
  }
  out[ne + layout.aspects.length] = aspectsPresent ? total / aspectsPresent : NaN;
}

/** pooled-all: aspects and the overall index pool their items' answers (no means). */
function pooledAllOf(layout: Layout, es: Float64Array, ev: Float64Array, out: Float64Array) {
  const ne = layout.elements.length;
  let ts = 0;
  let tv = 0;
  for (let a = 0; a < layout.aspects.length; a++) {
    let s = 0;
    let v = 0;
    for (const k of layout.aspects[a].elements) {
      s += es[k];
      v += ev[k];
    }
    out[ne + a] = v > 0 ? (100 * s) / v : NaN;
    ts += s;
    tv += v;
  }
  out[ne + layout.aspects.length] = tv > 0 ? (100 * ts) / tv : NaN;
}

/**
 * Percentile bootstrap over respondents: each replicate draws m respondents with
 * replacement, recomputes every element, aspect and the overall index from the drawn
 * respondents' item answers, and the 2.5% / 97.5% quantiles of the replicates bound the
 * interval. Intervals are shifted to `centre` and scaled by `scale` (see options).
 */
export function bootstrapIntervals(model: IndexModel, respondents: SatisfactionVector[], options: BootstrapOptions = {}): BootstrapIntervals {
  const layout = layoutOf(model);
  const items = layout.elements.reduce((s, e) => s + e.items.length, 0);
  const stats = layout.elements.length + layout.aspects.length + 1;
  const m = respondents.length;
  if (m >= PACK) throw new RangeError(`bootstrap over ${m} respondents: subsample to fewer than ${PACK}`);
  const B = options.replicates ?? BOOTSTRAP_REPLICATES;
  const scale = options.scale ?? 1;
  const sat = new Float64Array(items);
  const val = new Float64Array(items);
  const point = new Float64Array(stats);
  // One number per respondent and item, satisfied · 2^20 + valid: a replicate adds once per
  // item instead of twice. Sums stay exact integers while m < 2^20.
  const packed = new Float64Array(m * items);
  respondents.forEach((r, j) => {
    for (let i = 0; i < items; i++) if (r[i] >= 0) packed[j * items + i] = r[i] * PACK + 1;
  });
  // Item sums of a replicate from how many times each respondent was drawn (integers: exact
  // in any order; respondents not drawn cost nothing).
  const counts = new Int32Array(m);
  const acc = new Float64Array(items);
  const sums = () => {
    acc.fill(0);
    for (let j = 0; j < m; j++) {
      const c = counts[j];
      if (c === 0) continue;
      const base = j * items;
      for (let i = 0; i < items; i++) acc[i] += c * packed[base + i];
    }
    for (let i = 0; i < items; i++) {
      const s = Math.floor(acc[i] / PACK);
      sat[i] = s;
      val[i] = acc[i] - s * PACK;
    }
  };
  counts.fill(1);
  sums();
  indicesOf(model, layout, sat, val, point);
  // Replicates of the statistics kept (all, or the overall index only), in typed arrays:
  // their numeric sort needs no comparator (per-unit intervals sort hundreds of them).
  const first = options.indexOnly ? stats - 1 : 0;
  const replicates = Array.from({ length: stats }, (_, k) => (k >= first ? new Float64Array(B) : null));
  const filled = new Int32Array(stats);
  const random = seededRandom(options.seed ?? BOOTSTRAP_SEED);
  const out = new Float64Array(stats);
  // A replicate depends on how often each respondent was drawn, not on the order: with a
  // handful of respondents (per-unit intervals) the same draw recurs, and its statistics are
  // computed once. Same draws, same values: only repeated work is saved.
  const memo = m <= MEMO_MAX ? new Map<number, number>() : null;
  const pool = new Float64Array(memo ? Math.min(B, MEMO_DRAWS) * stats : stats); // statistics of each memoized draw
  for (let b = 0; b < B && m > 0; b++) {
    counts.fill(0);
    for (let j = 0; j < m; j++) counts[Math.floor(random() * m)]++;
    let key = 0;
    if (memo) for (let j = 0; j < m; j++) key = key * (m + 1) + counts[j];
    let at = memo?.get(key);
    if (at === undefined) {
      sums();
      indicesOf(model, layout, sat, val, out);
      at = memo ? memo.size * stats : 0;
      pool.set(out, at);
      memo?.set(key, at);
    }
    for (let k = first; k < stats; k++) if (!Number.isNaN(pool[at + k])) replicates[k]![filled[k]++] = pool[at + k];
  }
  const centres = [
    ...layout.elements.map((e) => options.centre?.elements.get(e.id)),
    ...layout.aspects.map((a) => options.centre?.aspects.get(a.id)),
    options.centre?.index,
  ];
  const intervals = replicates.map((values, k): Interval | null => {
    const centre = centres[k] === undefined ? point[k] : centres[k];
    // A statistic missing from some replicates (an item rarely answered) has no honest interval.
    if (!values || centre === null || Number.isNaN(point[k]) || filled[k] < B) return null;
    values.sort();
    const clamp = (x: number) => Math.min(100, Math.max(0, x));
    return [clamp(centre + scale * (quantile(values, 0.025) - point[k])), clamp(centre + scale * (quantile(values, 0.975) - point[k]))];
  });
  const ne = layout.elements.length;
  return {
    elements: new Map(layout.elements.map((e, k) => [e.id, intervals[k]])),
    aspects: new Map(layout.aspects.map((a, k) => [a.id, intervals[ne + k]])),
    index: intervals[stats - 1],
  };
}

/** Answer codes (1..5) of one respondent → its satisfaction vector in model item order. */
export function satisfactionVector(itemIds: string[], codes: ReadonlyMap<string, number>): SatisfactionVector {
  const v = new Int8Array(itemIds.length).fill(-1);
  itemIds.forEach((id, i) => {
    const c = codes.get(id);
    if (c !== undefined && c >= 1 && c <= 5) v[i] = c >= 4 ? 1 : 0;
  });
  return v;
}
