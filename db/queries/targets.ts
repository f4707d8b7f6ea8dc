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
): Promise<number> {
  const row = await db
    .insertInto("target")
    .values({ year: t.year, scope: t.scope, scope_key: t.scopeKey, survey_id: t.surveyId, value: t.value, source: t.source })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function countTargets(db: Db): Promise<number> {
  const row = await db.selectFrom("target").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every target row that applies to a survey (its own and those for every survey). */
export function targetsOfSurvey(db: Db, surveyId: number) {
  return db
    .selectFrom("target")
    .select(["year", "value", "scope", "scope_key", "survey_id"])
    .where((eb) => eb.or([eb("survey_id", "=", surveyId), eb("survey_id", "is", null)]))
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, value: Number(r.value) })));
}

export function listTargets(db: Db) {
  return db
    .selectFrom("target as t")
    .leftJoin("survey as s", "s.id", "t.survey_id")
    .select(["t.id", "t.year", "t.scope", "t.scope_key", "t.survey_id", "t.value", "t.source", "s.slug as survey_slug"])
    .orderBy("t.year", "desc")
    .orderBy("t.scope")
    .orderBy("t.scope_key")
    .execute()
    .then((rows) => rows.map((r) => ({ ...r, value: Number(r.value) })));
}

export function getTarget(db: Db, id: number) {
  return db.selectFrom("target").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function updateTarget(
  db: Db,
  id: number,
  t: { year: number; scope: TargetScope; scopeKey: string; surveyId: number | null; value: number; source: string | null },
): Promise<void> {
  await db
    .updateTable("target")
    .set({ year: t.year, scope: t.scope, scope_key: t.scopeKey, survey_id: t.surveyId, value: t.value, source: t.source })
    .where("id", "=", id)
    .execute();
}

export async function deleteTarget(db: Db, id: number): Promise<void> {
  await db.deleteFrom("target").where("id", "=", id).execute();
}
