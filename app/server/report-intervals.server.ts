import type { Db } from "../../db/index";
import type { CountScope } from "../../db/queries/report-counts";
import { sampleRespondents } from "../../db/queries/report-extra";
import { BOOTSTRAP_SAMPLE, bootstrapIntervals, satisfactionVector, type BootstrapCentre, type BootstrapIntervals, type SatisfactionVector } from "~/metrics/bootstrap";
import type { IndexModel } from "~/survey/types";
import { unfoldAnswers } from "~/survey/folded-answers";
import { indexItems } from "~/survey/index-model";

export interface IntervalSample {
  /** Sampled respondents per unit id. */
  byUnit: Map<number, SatisfactionVector[]>;
  all: SatisfactionVector[];
}

/** Scale codes of a folded answer set ("na" and texts are not codes). */
function itemCodes(folded: string): Map<string, number> {
  const codes = new Map<string, number>();
  for (const [id, value] of unfoldAnswers(folded)) if (typeof value === "number") codes.set(id, value);
  return codes;
}

/** Reads the bootstrap sample of a scope (docs/decisions/004-intervals.md). */
export async function readSample(db: Db, scope: CountScope, range: { from: string; to: string }, model: IndexModel, n: number): Promise<IntervalSample> {
  const items = indexItems(model);
  const empty = { byUnit: new Map(), all: [] };
  if (!items.length || n === 0) return empty;
  const respondents = await sampleRespondents(db, scope, range, BOOTSTRAP_SAMPLE, n);
  const byUnit = new Map<number, SatisfactionVector[]>();
  const all = respondents.map((r) => {
    const v = satisfactionVector(items, itemCodes(r.answers_folded));
    const own = byUnit.get(r.unit_id);
    if (own) own.push(v);
    else byUnit.set(r.unit_id, [v]);
    return v;
  });
  return { byUnit, all };
}

/**
 * Intervals for `n` respondents from `sample` of them: the spread is rescaled by √(m/n).
 * `indexOnly`: the overall index alone (per-unit intervals).
 */
export function intervalsFor(model: IndexModel, sample: SatisfactionVector[], n: number, centre: BootstrapCentre, indexOnly = false): BootstrapIntervals | null {
  if (sample.length < 2 || n < 2) return null;
  return bootstrapIntervals(model, sample, { centre, indexOnly, scale: Math.sqrt(sample.length / Math.max(n, sample.length)) });
}

/** The sampled respondents of each direct child: its own sample plus those of the units under it. */
export function sampleByChild(sample: IntervalSample, childOf: ReadonlyMap<number, number>): Map<number, SatisfactionVector[]> {
  const out = new Map<number, SatisfactionVector[]>();
  for (const [unitId, vectors] of sample.byUnit) {
    const child = childOf.get(unitId);
    if (child === undefined) continue;
    const list = out.get(child) ?? [];
    list.push(...vectors);
    out.set(child, list);
  }
  return out;
}
