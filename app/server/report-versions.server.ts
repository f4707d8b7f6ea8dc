import type { Db } from "../../db/index";
import type { CountScope } from "../../db/queries/report-counts";
import { summaryCounts } from "./report-counts.server";
import { reportVersions, versionsInScope } from "../../db/queries/report-versions";
import { summarize } from "~/metrics/summary";
import { chooseModel, sameModel, type ModelChoice, type VersionModel } from "~/metrics/versions";
import type { IndexModel } from "~/survey/types";
import { versionCells } from "./survey-versions.server";

// Which index model a report uses (issue 13.1, docs/decisions/009-figures.md).

/** The model of the versions whose responses the scope holds; the newest when all models agree (no extra read). */
export async function reportModel(db: Db, scope: CountScope): Promise<ModelChoice> {
  const versions: VersionModel[] = (await reportVersions(db, scope.surveyId)).map((r) => ({ id: r.id, version: Number(r.version), model: JSON.parse(r.index_model) as IndexModel }));
  const differ = versions.some((v) => !sameModel(v.model, versions[0].model));
  return chooseModel(versions, differ ? await versionsInScope(db, scope) : null);
}

/** The counts a model needs: its items and one participation group per element and aspect. */
export function countsFor(db: Db, scope: CountScope, model: IndexModel) {
  const items = model.aspects.flatMap((a) => a.elements.flatMap((e) => e.items));
  const groups = [
    ...model.aspects.flatMap((a) => a.elements.map((e) => ({ key: `@el/${e.id}`, items: e.items }))),
    ...model.aspects.map((a) => ({ key: `@as/${a.id}`, items: a.elements.flatMap((e) => e.items) })),
  ];
  return summaryCounts(db, scope, items, groups, () => versionCells(db, scope.surveyId));
}

export interface VersionFigures {
  version: number;
  n: number;
  index: number | null;
  aspects: Array<{ id: string; index: number | null; n: number }>;
  elements: Array<{ id: string; index: number | null; n: number }>;
}

/** Each version of a design break with its own model, from its own responses (detailed roll-ups). */
export async function versionFigures(db: Db, scope: CountScope, choice: ModelChoice): Promise<VersionFigures[]> {
  if (!choice.designBreak) return [];
  return Promise.all(
    choice.present.map(async (v) => {
      const counts = await countsFor(db, { ...scope, versionId: v.id }, v.model);
      const f = summarize({ model: v.model, ...counts, children: [], childOf: new Map(), services: new Map() });
      return { version: v.version, n: f.n, index: f.index, aspects: f.aspects, elements: f.elements };
    }),
  );
}
