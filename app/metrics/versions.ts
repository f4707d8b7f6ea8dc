import type { IndexModel } from "~/survey/types";

// Version-true figures (issue 13.1, docs/decisions/009): a period is computed with the
// models of the versions whose responses it holds, never with a later version's. Pure.

/** The parts of a model that change a figure: aggregation, grouping and items (not titles). */
function shape(model: IndexModel): string {
  return JSON.stringify([model.aggregation, model.parentAggregation, model.aspects.map((a) => [a.id, a.elements.map((e) => [e.id, e.items])])]);
}

export function sameModel(a: IndexModel, b: IndexModel): boolean {
  return shape(a) === shape(b);
}

/**
 * The headline model of a period whose versions differ: the newest model kept to the items
 * every version asks; elements and aspects left without items drop out.
 */
export function sharedModel(newest: IndexModel, others: IndexModel[]): IndexModel {
  const everywhere = (id: string) => others.every((m) => m.aspects.some((a) => a.elements.some((e) => e.items.includes(id))));
  return {
    ...newest,
    aspects: newest.aspects
      .map((a) => ({ ...a, elements: a.elements.map((e) => ({ ...e, items: e.items.filter(everywhere) })).filter((e) => e.items.length > 0) }))
      .filter((a) => a.elements.length > 0),
  };
}

export interface VersionModel {
  id: number;
  version: number;
  model: IndexModel;
}

export interface ModelChoice {
  /** The model the headline uses. */
  model: IndexModel;
  /** The versions with responses in the scope and period, newest first. */
  present: VersionModel[];
  /** Their models differ: the headline is over shared items and each version is shown apart. */
  designBreak: boolean;
}

/**
 * `versions`: every version of the survey, newest first; `present`: the ids of those with
 * responses in the period (null: not looked up, because all models are the same).
 */
export function chooseModel(versions: VersionModel[], present: ReadonlySet<number> | null): ModelChoice {
  const held = present === null ? versions : versions.filter((v) => present.has(v.id));
  // No response yet: the newest model (an empty report looks like the form people will fill).
  if (held.length === 0) return { model: versions[0].model, present: [], designBreak: false };
  const [newest, ...older] = held;
  const designBreak = older.some((v) => !sameModel(v.model, newest.model));
  return { model: designBreak ? sharedModel(newest.model, older.map((v) => v.model)) : newest.model, present: held, designBreak };
}
