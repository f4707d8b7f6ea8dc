import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import { periodBuckets } from "./rollup-periods";
import { rawResponses, unitCondition, type CountScope } from "./report-scope";

export { rawResponses, unitCondition, type CountScope };

// SQL over the roll-ups only. The report composes them with the raw rows of leftover days
// (app/server/report-counts.server.ts).

type Db = Kysely<Database>;


export interface CountCell {
  unit_id: number;
  service_id: number;
  question_id: string;
  code: number;
  count: number;
}

export interface ResponseCell {
  unit_id: number;
  service_id: number;
  count: number;
}

/** A group of items whose respondents are counted once (an element or an aspect). */
export interface ParticipationGroup {
  key: string;
  items: string[];
}

export interface SummaryCounts {
  /** Per unit (service_id may be 0): totals and children. */
  cells: CountCell[];
  responses: ResponseCell[];
  /** Per service (unit_id may be 0): the services table. */
  serviceCells: CountCell[];
  serviceResponses: ResponseCell[];
}


const first = (s: CountScope) => s.months[0];
const last = (s: CountScope) => s.months[s.months.length - 1];
const channelKey = (s: CountScope) => s.channel ?? "*";
/** The coarse roll-ups hold neither services nor versions: a filter on either reads the detailed one. */
const detailedOnly = (s: CountScope) => s.serviceId !== undefined || s.versionId !== undefined;

/** Month roll-ups per unit × question × code (the service-free roll-up unless a service is asked for). */
export function unitRollup(db: Db, s: CountScope, questionIds: string[]): Promise<CountCell[]> {
  if (detailedOnly(s)) {
    let q = db
      .selectFrom("rollup_answer as r")
      .select(["r.unit_id", "r.service_id", "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.month", ">=", first(s))
      .where("r.month", "<=", last(s))
      .where("r.question_id", "in", questionIds)
      .where(unitCondition(s, "r.unit_id"));
    if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
    if (s.versionId !== undefined) q = q.where("r.survey_version_id", "=", s.versionId);
    if (s.channel) q = q.where("r.channel", "=", s.channel);
    return q.groupBy(["r.unit_id", "r.service_id", "r.question_id", "r.code"]).execute();
  }
  return db
    .selectFrom("rollup_unit_answer as r")
    .select(["r.unit_id", sql<number>`0`.as("service_id"), "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count")])
    .where("r.survey_id", "=", s.surveyId)
    .where("r.channel", "=", channelKey(s))
    .where(unitCondition(s, "r.unit_id"))
    .where("r.question_id", "in", questionIds)
    .where("r.period", "in", periodBuckets(s.months))
    .groupBy(["r.unit_id", "r.question_id", "r.code"])
    .execute();
}

/** Month roll-ups per service × question × code: the per-service roll-up covers only the whole tree. */
export function serviceRollup(db: Db, s: CountScope, questionIds: string[]): Promise<CountCell[]> {
  if (s.wholeTree && !detailedOnly(s)) {
    return db
      .selectFrom("rollup_service_answer as r")
      .select([sql<number>`0`.as("unit_id"), "r.service_id", "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.channel", "=", channelKey(s))
      .where("r.question_id", "in", questionIds)
      .where("r.period", "in", periodBuckets(s.months))
      .groupBy(["r.service_id", "r.question_id", "r.code"])
      .execute();
  }
  let q = db
    .selectFrom("rollup_answer as r")
    .select([sql<number>`0`.as("unit_id"), "r.service_id", "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count")])
    .where("r.survey_id", "=", s.surveyId)
    .where("r.month", ">=", first(s))
    .where("r.month", "<=", last(s))
    .where("r.service_id", "<>", 0)
    .where("r.question_id", "in", questionIds)
    .where(unitCondition(s, "r.unit_id"));
  if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
  if (s.versionId !== undefined) q = q.where("r.survey_version_id", "=", s.versionId);
  if (s.channel) q = q.where("r.channel", "=", s.channel);
  return q.groupBy(["r.service_id", "r.question_id", "r.code"]).execute();
}

export async function responseRollups(db: Db, s: CountScope): Promise<{ units: ResponseCell[]; services: ResponseCell[] }> {
  const detailed = () => {
    let q = db
      .selectFrom("rollup_response as r")
      .select(["r.unit_id", "r.service_id", sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.month", ">=", first(s))
      .where("r.month", "<=", last(s))
      .where(unitCondition(s, "r.unit_id"));
    if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
    if (s.versionId !== undefined) q = q.where("r.survey_version_id", "=", s.versionId);
    if (s.channel) q = q.where("r.channel", "=", s.channel);
    return q.groupBy(["r.unit_id", "r.service_id"]).execute();
  };
  if (detailedOnly(s) || !s.wholeTree) {
    const rows = await detailed();
    if (detailedOnly(s)) return { units: rows, services: rows.filter((r) => r.service_id !== 0) };
    const units = await db
      .selectFrom("rollup_unit_response as r")
      .select(["r.unit_id", sql<number>`0`.as("service_id"), sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.channel", "=", channelKey(s))
      .where(unitCondition(s, "r.unit_id"))
      .where("r.period", "in", periodBuckets(s.months))
      .groupBy("r.unit_id")
      .execute();
    return { units, services: rows.filter((r) => r.service_id !== 0) };
  }
  const [units, services] = await Promise.all([
    db
      .selectFrom("rollup_unit_response as r")
      .select(["r.unit_id", sql<number>`0`.as("service_id"), sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.channel", "=", channelKey(s))
      .where("r.period", "in", periodBuckets(s.months))
      .groupBy("r.unit_id")
      .execute(),
    db
      .selectFrom("rollup_service_response as r")
      .select([sql<number>`0`.as("unit_id"), "r.service_id", sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.channel", "=", channelKey(s))
      .where("r.period", "in", periodBuckets(s.months))
      .groupBy("r.service_id")
      .execute(),
  ]);
  return { units, services };
}
