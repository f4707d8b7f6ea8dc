import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import { rawResponses, unitCondition, type CountScope } from "./report-counts";

type Db = Kysely<Database>;

const chunk = <T>(rows: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));

export interface SampledAnswer {
  response_id: string;
  unit_id: number;
  question_id: string;
  code: number;
}

/**
 * Up to `limit` respondents of the scope for the bootstrap, with their item answers.
 * Response ids are random UUIDs, so "the first ids below a cut-off" is a random sample;
 * the cut-off (`idBelow`, an 8-hex-digit prefix) keeps the read proportional to the sample,
 * not to the scope, when the scope is large (docs/decisions/004-intervals.md).
 */
export async function sampleRespondents(
  db: Db,
  s: CountScope,
  range: { from: string; to: string },
  itemIds: string[],
  limit: number,
  idBelow: string | null,
): Promise<{ respondents: Array<{ id: string; unit_id: number }>; answers: SampledAnswer[] }> {
  let q = rawResponses(db, s, range).select(["p.id", "p.unit_id"]);
  if (idBelow) q = q.where("p.id", "<", idBelow);
  const respondents = await q.orderBy("p.id").limit(limit).execute();
  const unitOf = new Map(respondents.map((r) => [r.id, r.unit_id]));
  const answers: SampledAnswer[] = [];
  for (const ids of chunk(respondents.map((r) => r.id), 500)) {
    const rows = await db
      .selectFrom("answer")
      .select(["response_id", "question_id", "code"])
      .where("response_id", "in", ids)
      .where("question_id", "in", itemIds)
      .where("code", ">=", 1)
      .where("code", "<=", 5)
      .execute();
    for (const r of rows) answers.push({ response_id: r.response_id, unit_id: unitOf.get(r.response_id)!, question_id: r.question_id, code: Number(r.code) });
  }
  return { respondents, answers };
}

/** Dossiers received per unit in the scope over whole months (dossier_count is monthly). */
export async function dossierCounts(db: Db, s: CountScope, fromMonth: string, toMonth: string) {
  let q = db
    .selectFrom("dossier_count as d")
    .select(["d.unit_id", sql<number>`sum(d.count)`.as("count")])
    .where("d.month", ">=", fromMonth)
    .where("d.month", "<=", toMonth)
    .where(unitCondition(s, "d.unit_id"));
  if (s.serviceId !== undefined) q = q.where("d.service_id", "=", s.serviceId);
  const rows = await q.groupBy("d.unit_id").execute();
  return rows.map((r) => ({ unit_id: r.unit_id, count: Number(r.count) }));
}

/** The definition (JSON) of a survey version: labels and option ids for reports and exports. */
export async function versionDefinition(db: Db, versionId: number): Promise<string> {
  const row = await db.selectFrom("survey_version").select("definition").where("id", "=", versionId).executeTakeFirstOrThrow();
  return row.definition;
}

/** Per-dossier totals: how many responses scored each total over `indicators` (all answered). */
export async function scoreHistogram(db: Db, s: CountScope, range: { from: string; to: string }, indicators: string[]) {
  const perResponse = rawResponses(db, s, range)
    .innerJoin("answer as a", "a.response_id", "p.id")
    .select([sql<number>`sum(cast(a.text as integer))`.as("score")])
    .where("a.question_id", "in", indicators)
    .groupBy("p.id")
    .having(sql`count(*)`, "=", indicators.length)
    .as("t");
  const rows = await db
    .selectFrom(perResponse)
    .select(["t.score", sql<number>`count(*)`.as("count")])
    .groupBy("t.score")
    .execute();
  return new Map(rows.map((r) => [Number(r.score), Number(r.count)]));
}

/** Monthly trend over the unit roll-up: cells per month × question × code, and responses per month. */
export async function monthlyCells(db: Db, s: CountScope, fromMonth: string, toMonth: string, questionIds: string[]) {
  const [cells, responses] = await Promise.all([
    questionIds.length
      ? db
          .selectFrom("rollup_unit_answer as r")
          .select(["r.period as month", "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count")])
          .where("r.survey_id", "=", s.surveyId)
          .where("r.channel", "=", s.channel ?? "*")
          .where(unitCondition(s, "r.unit_id"))
          .where("r.question_id", "in", questionIds)
          .where("r.period", ">=", fromMonth)
          .where("r.period", "<=", toMonth)
          .where("r.period", "like", "%-%")
          .groupBy(["r.period", "r.question_id", "r.code"])
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom("rollup_unit_response as r")
      .select(["r.period as month", sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.channel", "=", s.channel ?? "*")
      .where(unitCondition(s, "r.unit_id"))
      .where("r.period", ">=", fromMonth)
      .where("r.period", "<=", toMonth)
      .where("r.period", "like", "%-%")
      .groupBy("r.period")
      .execute(),
  ]);
  return {
    cells: cells.map((c) => ({ ...c, code: Number(c.code), count: Number(c.count) })),
    responses: responses.map((r) => ({ month: r.month, count: Number(r.count) })),
  };
}
