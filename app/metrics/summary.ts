import type { IndexModel } from "~/survey/types";
import { comparable, rank, isSmallSample } from "./ranking";
import { meanScore } from "./health";
import { itemsByUnit, meanOfChildren, type UnitTree } from "./parent-index";
import { computeIndex, emptyDistribution, meanOfPresent, type Distribution, type IndexResult } from "./sipas-index";
import { wilsonInterval } from "./wilson";

// Folds count cells (from roll-ups or raw rows) into the figures of a report. Pure.

export interface Cell {
  unit_id: number;
  service_id: number;
  question_id: string;
  code: number;
  count: number;
}

export interface ResponseCount {
  unit_id: number;
  service_id: number;
  count: number;
}

interface Bucket {
  n: number;
  items: Map<string, Distribution>;
  /** Respondents per "@el/<id>" / "@as/<id>" key. */
  participation: Map<string, number>;
}

const newBucket = (): Bucket => ({ n: 0, items: new Map(), participation: new Map() });

function addCell(bucket: Bucket, cell: Cell) {
  if (cell.question_id.startsWith("@")) {
    bucket.participation.set(cell.question_id, (bucket.participation.get(cell.question_id) ?? 0) + cell.count);
    return;
  }
  if (cell.code < 1 || cell.code > 5) return;
  const d = bucket.items.get(cell.question_id) ?? emptyDistribution();
  d[cell.code as 1 | 2 | 3 | 4 | 5] += cell.count;
  bucket.items.set(cell.question_id, d);
}

export interface Named {
  id: number;
  code: string;
  name: string;
}

export interface RankedRow {
  code: string;
  name: string;
  index: number | null;
  n: number;
  rank: number | null;
  smallSample: boolean;
}

export interface SummaryFigures {
  n: number;
  index: number | null;
  smallSample: boolean;
  /** Mean answer on the 1–5 scale over every item of the model (the health forms publish it). */
  meanScore: number | null;
  /** `smallSample` on parts: fewer than 30 respondents (aspects, elements) or valid answers (items): "ít mẫu". */
  aspects: Array<{ id: string; index: number | null; n: number; smallSample: boolean }>;
  elements: Array<{ id: string; index: number | null; n: number; smallSample: boolean }>;
  items: Array<{
    id: string;
    index: number | null;
    valid: number;
    satisfied: number;
    ci95: [number, number] | null;
    /** Mean answer (1–5); null without valid answers. */
    mean: number | null;
    smallSample: boolean;
    distribution: Distribution;
  }>;
  units: RankedRow[];
  services: RankedRow[];
}

export interface SummaryInput {
  model: IndexModel;
  cells: Cell[];
  responses: ResponseCount[];
  /** Direct children of the scope unit, and which child each unit below it falls under. */
  children: Named[];
  childOf: ReadonlyMap<number, number>;
  services: ReadonlyMap<number, Named>;
  /** Per-service counts when they come from their own roll-up (else `cells` by service_id). */
  serviceCells?: Cell[];
  serviceResponses?: ResponseCount[];
  includeSmallInRanking?: boolean;
  /** The unit tree below the scope: `mean-of-children` is applied at every depth with it. */
  tree?: UnitTree;
}

function ranked(rows: Array<Omit<RankedRow, "rank" | "smallSample">>, includeSmall: boolean): RankedRow[] {
  const ranks = rank(rows.map((r) => ({ value: r.index, n: r.n })), includeSmall);
  return rows
    .map((r, i) => ({ ...r, rank: ranks[i], smallSample: isSmallSample(r.n) }))
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || comparable(b.index ?? -1) - comparable(a.index ?? -1) || a.code.localeCompare(b.code));
}

/**
 * Parent units: `pooled` treats every response in the subtree as one sample (counts are
 * simply summed); `mean-of-children` averages the direct children's indices, the scope
 * unit's own responses counting as one more member.
 */
function parentIndex(model: IndexModel, total: IndexResult, perChild: IndexResult[]): number | null {
  if (model.parentAggregation !== "mean-of-children" || perChild.length === 0) return total.index;
  return meanOfPresent(perChild.map((r) => r.index));
}

const part = (id: string, index: number | null, n: number) => ({ id, index, n, smallSample: isSmallSample(n) });

export function summarize(input: SummaryInput): SummaryFigures {
  const total = newBucket();
  const byChild = new Map<number, Bucket>();
  const byService = new Map<number, Bucket>();
  const own = newBucket();
  const bucketOf = (map: Map<number, Bucket>, key: number) => {
    let b = map.get(key);
    if (!b) map.set(key, (b = newBucket()));
    return b;
  };
  for (const cell of input.cells) {
    addCell(total, cell);
    const child = input.childOf.get(cell.unit_id);
    addCell(child === undefined ? own : bucketOf(byChild, child), cell);
    if (cell.service_id && !input.serviceCells) addCell(bucketOf(byService, cell.service_id), cell);
  }
  for (const cell of input.serviceCells ?? []) if (cell.service_id) addCell(bucketOf(byService, cell.service_id), cell);
  for (const r of input.serviceResponses ?? []) if (r.service_id) bucketOf(byService, r.service_id).n += r.count;
  for (const r of input.responses) {
    total.n += r.count;
    const child = input.childOf.get(r.unit_id);
    (child === undefined ? own : bucketOf(byChild, child)).n += r.count;
    if (r.service_id && !input.serviceResponses) bucketOf(byService, r.service_id).n += r.count;
  }

  const result = computeIndex(input.model, total.items);
  const childResults = input.children.map((c) => computeIndex(input.model, (byChild.get(c.id) ?? newBucket()).items));
  const members = own.n > 0 ? [...childResults, computeIndex(input.model, own.items)] : childResults;
  const includeSmall = input.includeSmallInRanking ?? false;
  const deep = input.model.parentAggregation === "mean-of-children" && input.tree ? meanOfChildren(input.model, input.tree, itemsByUnit(input.cells, input.tree.homeOf)) : null;

  return {
    n: total.n,
    index: deep ? (deep.get(input.tree!.root) ?? null) : parentIndex(input.model, result, members),
    smallSample: isSmallSample(total.n),
    meanScore: meanScore(result.items.map((i) => i.distribution)),
    aspects: result.aspects.map((a) => part(a.id, a.index, total.participation.get(`@as/${a.id}`) ?? 0)),
    elements: result.elements.map((e) => part(e.id, e.index, total.participation.get(`@el/${e.id}`) ?? 0)),
    items: result.items.map((i) => ({ ...i, ci95: wilsonInterval(i.satisfied, i.valid), mean: meanScore([i.distribution]), smallSample: isSmallSample(i.valid) })),
    units: ranked(
      input.children.map((c, i) => ({ code: c.code, name: c.name, index: deep ? (deep.get(c.id) ?? null) : childResults[i].index, n: byChild.get(c.id)?.n ?? 0 })),
      includeSmall,
    ),
    services: ranked(
      [...byService.entries()].flatMap(([id, bucket]) => {
        const s = input.services.get(id);
        return s ? [{ code: s.code, name: s.name, index: computeIndex(input.model, bucket.items).index, n: bucket.n }] : [];
      }),
      includeSmall,
    ),
  };
}
