import { sql, type Kysely } from "kysely";
import type { Channel, Database } from "../schema";

type Db = Kysely<Database>;

export interface CountScope {
  surveyId: number;
  /** Responses of this unit and its whole subtree. */
  rootUnitId: number;
  serviceId?: number;
  channel?: Channel;
  /** Whole months ("YYYY-MM"), read from roll-ups; contiguous. */
  months: string[];
  /** Leftover day ranges, read from raw rows. */
  days: Array<{ from: string; to: string }>;
}

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

function rollupAnswers(db: Db, s: CountScope, questionIds: string[]) {
  let q = db
    .selectFrom("rollup_answer as r")
    .innerJoin("unit_closure as uc", "uc.descendant_id", "r.unit_id")
    .select(["r.unit_id", "r.service_id", "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count")])
    .where("uc.ancestor_id", "=", s.rootUnitId)
    .where("r.survey_id", "=", s.surveyId)
    .where("r.month", ">=", s.months[0])
    .where("r.month", "<=", s.months[s.months.length - 1])
    .where("r.question_id", "in", questionIds);
  if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
  if (s.channel) q = q.where("r.channel", "=", s.channel);
  return q.groupBy(["r.unit_id", "r.service_id", "r.question_id", "r.code"]).execute();
}

function rawResponses(db: Db, s: CountScope, range: { from: string; to: string }) {
  let q = db
    .selectFrom("response as p")
    .innerJoin("unit_closure as uc", "uc.descendant_id", "p.unit_id")
    .where("uc.ancestor_id", "=", s.rootUnitId)
    .where("p.survey_id", "=", s.surveyId)
    .where("p.submitted_date", ">=", range.from)
    .where("p.submitted_date", "<=", range.to);
  if (s.serviceId !== undefined) q = q.where("p.service_id", "=", s.serviceId);
  if (s.channel) q = q.where("p.channel", "=", s.channel);
  return q;
}

const serviceKey = sql<number>`coalesce(p.service_id, 0)`;

/** Answer counts per unit × service × item × code (codes 1..5 only: missing answers never count). */
export async function itemCounts(db: Db, s: CountScope, itemIds: string[], groups: ParticipationGroup[]): Promise<CountCell[]> {
  if (!itemIds.length) return [];
  const cells: CountCell[] = [];
  if (s.months.length) cells.push(...(await rollupAnswers(db, s, [...itemIds, ...groups.map((g) => g.key)])));
  for (const range of s.days) {
    cells.push(
      ...(await rawResponses(db, s, range)
        .innerJoin("answer as a", "a.response_id", "p.id")
        .select(["p.unit_id", serviceKey.as("service_id"), "a.question_id", sql<number>`cast(a.code as integer)`.as("code"), sql<number>`count(*)`.as("count")])
        .where("a.question_id", "in", itemIds)
        .where("a.code", ">=", 1)
        .where("a.code", "<=", 5)
        .groupBy(["p.unit_id", serviceKey, "a.question_id", "a.code"])
        .execute()),
    );
    for (const group of groups) {
      const rows = await rawResponses(db, s, range)
        .innerJoin("answer as a", "a.response_id", "p.id")
        .select(["p.unit_id", serviceKey.as("service_id"), sql<number>`count(distinct p.id)`.as("count")])
        .where("a.question_id", "in", group.items)
        .where("a.code", ">=", 1)
        .where("a.code", "<=", 5)
        .groupBy(["p.unit_id", serviceKey])
        .execute();
      cells.push(...rows.map((r) => ({ ...r, question_id: group.key, code: 0 })));
    }
  }
  return cells.map((c) => ({ ...c, count: Number(c.count), code: Number(c.code) }));
}

/** Responses per unit × service: the n of reports. */
export async function responseCounts(db: Db, s: CountScope): Promise<ResponseCell[]> {
  const cells: ResponseCell[] = [];
  if (s.months.length) {
    let q = db
      .selectFrom("rollup_response as r")
      .innerJoin("unit_closure as uc", "uc.descendant_id", "r.unit_id")
      .select(["r.unit_id", "r.service_id", sql<number>`sum(r.count)`.as("count")])
      .where("uc.ancestor_id", "=", s.rootUnitId)
      .where("r.survey_id", "=", s.surveyId)
      .where("r.month", ">=", s.months[0])
      .where("r.month", "<=", s.months[s.months.length - 1]);
    if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
    if (s.channel) q = q.where("r.channel", "=", s.channel);
    cells.push(...(await q.groupBy(["r.unit_id", "r.service_id"]).execute()));
  }
  for (const range of s.days) {
    cells.push(
      ...(await rawResponses(db, s, range)
        .select(["p.unit_id", serviceKey.as("service_id"), sql<number>`count(*)`.as("count")])
        .groupBy(["p.unit_id", serviceKey])
        .execute()),
    );
  }
  return cells.map((c) => ({ ...c, count: Number(c.count) }));
}
