import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import { rawResponses, unitCondition, type CountScope } from "./report-scope";

type Db = Kysely<Database>;

/** A sampled respondent with its answers as folded at insert (app/survey/folded-answers.ts). */
export interface SampledRespondent {
  id: string;
  unit_id: number;
  answers_folded: string;
}

/** Responses are scanned in sample order at most this far when looking for a sample. */
const SAMPLE_SCAN_LIMIT = 200_000;
/** Up to this many responses a scope is read directly (index scan and sort cost ∝ scope). */
const DIRECT_READ_LIMIT = 50_000;
/** Small enough that a whole-province scope (every row in scope) reads little beyond its sample. */
const SCAN_CHUNK = 1000;

/**
 * The order samples are drawn in: a permutation of the ids led by the UUID's random last group,
 * so it follows no time even for UUID v7 ids (index response_sample_idx, migration 0009).
 */
const sampleKey = sql<string>`(substr(id, 25) || substr(id, 1, 24))`;

/**
 * The first `limit` respondents of the scope in sample order, i.e. a simple random sample,
 * with their folded answers. A scope of up to 50,000 responses is read directly; a larger one
 * by walking response_sample_idx in chunks and keeping each chunk's members of the scope, so
 * the read follows the sample size rather than the scope (docs/decisions/004-intervals.md).
 */
export async function sampleRespondents(
  db: Db,
  s: CountScope,
  range: { from: string; to: string },
  limit: number,
  scopeSize: number,
): Promise<SampledRespondent[]> {
  if (scopeSize <= DIRECT_READ_LIMIT) {
    return rawResponses(db, s, range).select(["p.id", "p.unit_id", "p.answers_folded"]).orderBy(sampleKey).limit(limit).execute();
  }
  // Only response_sample_idx is used to read, whatever the planner thinks of the other
  // indexes: the scope is checked here, on each chunk.
  const units = s.unitIds
    ? new Set(s.unitIds)
    : s.wholeTree
      ? null
      : new Set((await db.selectFrom("unit_closure").select("descendant_id").where("ancestor_id", "=", s.rootUnitId).execute()).map((r) => r.descendant_id));
  const inScope = (r: { survey_id: number; unit_id: number; service_id: number | null; channel: string; submitted_date: string; received_at: string }) =>
    r.survey_id === s.surveyId &&
    r.submitted_date >= range.from &&
    r.submitted_date <= range.to &&
    (!units || units.has(r.unit_id)) &&
    (s.serviceId === undefined || r.service_id === s.serviceId) &&
    (!s.channel || r.channel === s.channel) &&
    (!s.receivedBefore || r.received_at <= s.receivedBefore);
  const respondents: SampledRespondent[] = [];
  let after = "";
  for (let scanned = 0; respondents.length < limit && scanned < SAMPLE_SCAN_LIMIT; scanned += SCAN_CHUNK) {
    const rows = await db
      .selectFrom("response")
      .select(["id", "survey_id", "unit_id", "service_id", "channel", "submitted_date", "received_at", "answers_folded", sampleKey.as("sample_key")])
      .where(sampleKey, ">", after)
      .orderBy(sampleKey)
      .limit(SCAN_CHUNK)
      .execute();
    if (!rows.length) break;
    after = rows[rows.length - 1].sample_key;
    for (const r of rows) if (respondents.length < limit && inScope(r)) respondents.push({ id: r.id, unit_id: r.unit_id, answers_folded: r.answers_folded });
  }
  return respondents;
}

/** Dossier rows (unit × service × month, complaints null when not reported) of the scope's months. */
export async function dossierCounts(db: Db, s: CountScope, fromMonth: string, toMonth: string) {
  let q = db
    .selectFrom("dossier_count as d")
    .select(["d.unit_id", "d.service_id", "d.month", "d.count", "d.complaints"])
    .where("d.month", ">=", fromMonth)
    .where("d.month", "<=", toMonth)
    .where(unitCondition(s, "d.unit_id"));
  if (s.serviceId !== undefined) q = q.where("d.service_id", "=", s.serviceId);
  // One row per unit × service × month: part months are weighted by day (app/metrics/dossier-period.ts).
  const rows = await q.execute();
  return rows.map((r) => ({ unit_id: r.unit_id, service_id: r.service_id, month: r.month, count: Number(r.count), complaints: r.complaints === null ? null : Number(r.complaints) }));
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

/**
 * Monthly trend: cells per month × question × code (× unit with `byUnit`, for mean-of-children),
 * and responses per month. The unit roll-up, or the detailed one when a service or version is asked for.
 */
export async function monthlyCells(db: Db, s: CountScope, fromMonth: string, toMonth: string, questionIds: string[], byUnit = false) {
  const detailed = s.serviceId !== undefined || s.versionId !== undefined;
  const cellsQuery = () => {
    if (!detailed) {
      const q = db
        .selectFrom("rollup_unit_answer as r")
        .select(["r.period as month", "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count"), byUnit ? "r.unit_id" : sql<number>`0`.as("unit_id")])
        .where("r.survey_id", "=", s.surveyId)
        .where("r.channel", "=", s.channel ?? "*")
        .where(unitCondition(s, "r.unit_id"))
        .where("r.question_id", "in", questionIds)
        .where("r.period", ">=", fromMonth)
        .where("r.period", "<=", toMonth)
        .where("r.period", "like", "%-%");
      return (byUnit ? q.groupBy(["r.period", "r.question_id", "r.code", "r.unit_id"]) : q.groupBy(["r.period", "r.question_id", "r.code"])).execute();
    }
    let q = db
      .selectFrom("rollup_answer as r")
      .select(["r.month", "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count"), byUnit ? "r.unit_id" : sql<number>`0`.as("unit_id")])
      .where("r.survey_id", "=", s.surveyId)
      .where(unitCondition(s, "r.unit_id"))
      .where("r.question_id", "in", questionIds)
      .where("r.month", ">=", fromMonth)
      .where("r.month", "<=", toMonth);
    if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
    if (s.versionId !== undefined) q = q.where("r.survey_version_id", "=", s.versionId);
    if (s.channel) q = q.where("r.channel", "=", s.channel);
    return (byUnit ? q.groupBy(["r.month", "r.question_id", "r.code", "r.unit_id"]) : q.groupBy(["r.month", "r.question_id", "r.code"])).execute();
  };
  const responsesQuery = () => {
    if (!detailed) {
      return db
        .selectFrom("rollup_unit_response as r")
        .select(["r.period as month", sql<number>`sum(r.count)`.as("count")])
        .where("r.survey_id", "=", s.surveyId)
        .where("r.channel", "=", s.channel ?? "*")
        .where(unitCondition(s, "r.unit_id"))
        .where("r.period", ">=", fromMonth)
        .where("r.period", "<=", toMonth)
        .where("r.period", "like", "%-%")
        .groupBy("r.period")
        .execute();
    }
    let q = db
      .selectFrom("rollup_response as r")
      .select(["r.month", sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where(unitCondition(s, "r.unit_id"))
      .where("r.month", ">=", fromMonth)
      .where("r.month", "<=", toMonth);
    if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
    if (s.versionId !== undefined) q = q.where("r.survey_version_id", "=", s.versionId);
    if (s.channel) q = q.where("r.channel", "=", s.channel);
    return q.groupBy("r.month").execute();
  };
  const [cells, responses] = await Promise.all([questionIds.length ? cellsQuery() : Promise.resolve([]), responsesQuery()]);
  return {
    cells: cells.map((c) => ({ month: c.month, question_id: c.question_id, unit_id: Number(c.unit_id), code: Number(c.code), count: Number(c.count) })),
    responses: responses.map((r) => ({ month: r.month, count: Number(r.count) })),
  };
}
