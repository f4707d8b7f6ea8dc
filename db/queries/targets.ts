import type { Kysely } from "kysely";
import type { Database, TargetScope } from "../schema";

type Db = Kysely<Database>;

/** Targets for a scope: the survey's own when it has any, else those for every survey. */
export async function targetsFor(db: Db, surveyId: number, scope: TargetScope, scopeKey = "") {
  const rows = await db
    .selectFrom("target")
    .select(["year", "value", "survey_id"])
    .where("scope", "=", scope)
    .where("scope_key", "=", scopeKey)
    .where((eb) => eb.or([eb("survey_id", "=", surveyId), eb("survey_id", "is", null)]))
    .execute();
  const own = rows.filter((r) => r.survey_id === surveyId);
  return (own.length ? own : rows).map((r) => ({ year: r.year, value: Number(r.value) }));
}

export async function insertTarget(
  db: Db,
  t: { year: number; scope: TargetScope; scopeKey: string; surveyId: number | null; value: number; source: string | null },
): Promise<void> {
  await db
    .insertInto("target")
    .values({ year: t.year, scope: t.scope, scope_key: t.scopeKey, survey_id: t.surveyId, value: t.value, source: t.source })
    .execute();
}

export async function countTargets(db: Db): Promise<number> {
  const row = await db.selectFrom("target").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}
