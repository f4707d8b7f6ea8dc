import type { IndexModel } from "~/survey/types";
import { computeIndex, emptyDistribution, meanOfPresent, type Distribution } from "./sipas-index";

// `mean-of-children` at every depth (issue 13.4): a unit's value is the mean of its children's
// values — each computed the same way — with its own responses as one more member; a unit
// without children is its own responses pooled. The number a unit shows on its page, in its
// parent's ranking, in exports and in the trend is therefore one number. Pure.

export interface UnitTree {
  /** The scope unit. */
  root: number;
  /** Each unit → its child units (closed units left out when responses are mapped onto successors). */
  childrenOf: ReadonlyMap<number, readonly number[]>;
  /** Mapped reports: the unit each counted unit's responses belong to (else the unit itself). */
  homeOf?: ReadonlyMap<number, number>;
}

export interface UnitCell {
  unit_id: number;
  question_id: string;
  code: number;
  count: number;
}

/** Item distributions per (home) unit. */
export function itemsByUnit(cells: Iterable<UnitCell>, homeOf?: ReadonlyMap<number, number>): Map<number, Map<string, Distribution>> {
  const out = new Map<number, Map<string, Distribution>>();
  for (const c of cells) {
    if (c.code < 1 || c.code > 5) continue;
    const unit = homeOf?.get(c.unit_id) ?? c.unit_id;
    let items = out.get(unit);
    if (!items) out.set(unit, (items = new Map()));
    let d = items.get(c.question_id);
    if (!d) items.set(c.question_id, (d = emptyDistribution()));
    d[c.code as 1 | 2 | 3 | 4 | 5] += c.count;
  }
  return out;
}

/** The mean-of-children value of `unit` and of every unit below it, into `out`. */
export function meanOfChildren(model: IndexModel, tree: UnitTree, items: ReadonlyMap<number, Map<string, Distribution>>, unit = tree.root, out = new Map<number, number | null>()): Map<number, number | null> {
  const own = items.get(unit);
  const ownIndex = own ? computeIndex(model, own).index : null;
  const kids = tree.childrenOf.get(unit) ?? [];
  const values = kids.map((k) => meanOfChildren(model, tree, items, k, out).get(k) ?? null);
  out.set(unit, kids.length ? meanOfPresent([...values, ownIndex]) : ownIndex);
  return out;
}
