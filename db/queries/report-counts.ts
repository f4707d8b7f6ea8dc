import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Channel, Database } from "../schema";
import { periodBuckets } from "../../app/metrics/periods";

type Db = Kysely<Database>;

export interface CountScope {
  surveyId: number;
  /** Responses of this unit and its whole subtree. */
  rootUnitId: number;
  /** Explicit unit ids instead of the subtree (reorganized units mapped onto successors). */
  unitIds?: number[];
  /** The scope is the whole tree (a root, as the units were): no unit filter at all. */
  wholeTree?: boolean;
  serviceId?: number;
  channel?: Channel;
  /** Whole months ("YYYY-MM"), read from roll-ups; contiguous. */
  months: string[];
  /** Leftover day ranges, read from raw rows. */
  days: Array<{ from: string; to: string }>;
  /** Raw rows received up to this instant only (an export's snapshot: count and rows agree). */
  receivedBefore?: string;
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

export interface SummaryCounts {
  /** Per unit (service_id may be 0): totals and children. */
  cells: CountCell[];
  responses: ResponseCell[];
  /** Per service (unit_id may be 0): the services table. */
  serviceCells: CountCell[];
  serviceResponses: ResponseCell[];
}

/** Whether a unit column lies in the scope (subtree, explicit list, or everything). */
export function unitCondition(s: CountScope, column: string): Expression<SqlBool> {
  if (s.unitIds) return s.unitIds.length ? sql<SqlBool>`${sql.ref(column)} in (${sql.join(s.unitIds)})` : sql<SqlBool>`1 = 0`;
  if (s.wholeTree) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(column)} in (select descendant_id from unit_closure where ancestor_id = ${s.rootUnitId})`;
}

const first = (s: CountScope) => s.months[0];
const last = (s: CountScope) => s.months[s.months.length - 1];
const channelKey = (s: CountScope) => s.channel ?? "*";

/** Month roll-ups per unit × question × code (the service-free roll-up unless a service is asked for). */
function unitRollup(db: Db, s: CountScope, questionIds: string[]): Promise<CountCell[]> {
  if (s.serviceId !== undefined) {
    let q = db
      .selectFrom("rollup_answer as r")
      .select(["r.unit_id", "r.service_id", "r.question_id", "r.code", sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.month", ">=", first(s))
      .where("r.month", "<=", last(s))
      .where("r.service_id", "=", s.serviceId)
      .where("r.question_id", "in", questionIds)
      .where(unitCondition(s, "r.unit_id"));
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
function serviceRollup(db: Db, s: CountScope, questionIds: string[]): Promise<CountCell[]> {
  if (s.wholeTree && s.serviceId === undefined) {
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
  if (s.channel) q = q.where("r.channel", "=", s.channel);
  return q.groupBy(["r.service_id", "r.question_id", "r.code"]).execute();
}

async function responseRollups(db: Db, s: CountScope): Promise<{ units: ResponseCell[]; services: ResponseCell[] }> {
  const detailed = () => {
    let q = db
      .selectFrom("rollup_response as r")
      .select(["r.unit_id", "r.service_id", sql<number>`sum(r.count)`.as("count")])
      .where("r.survey_id", "=", s.surveyId)
      .where("r.month", ">=", first(s))
      .where("r.month", "<=", last(s))
      .where(unitCondition(s, "r.unit_id"));
    if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
    if (s.channel) q = q.where("r.channel", "=", s.channel);
    return q.groupBy(["r.unit_id", "r.service_id"]).execute();
  };
  if (s.serviceId !== undefined || !s.wholeTree) {
    const rows = await detailed();
    if (s.serviceId !== undefined) return { units: rows, services: rows };
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

/** A scope's raw responses over a date range (`from: null`: the caller bounds it below). */
export function rawResponses(db: Db, s: CountScope, range: { from: string | null; to: string }) {
  let q = db
    .selectFrom("response as p")
    .where("p.survey_id", "=", s.surveyId)
    .where("p.submitted_date", "<=", range.to)
    .where(unitCondition(s, "p.unit_id"));
  if (range.from !== null) q = q.where("p.submitted_date", ">=", range.from);
  if (s.serviceId !== undefined) q = q.where("p.service_id", "=", s.serviceId);
  if (s.channel) q = q.where("p.channel", "=", s.channel);
  if (s.receivedBefore) q = q.where("p.received_at", "<=", s.receivedBefore);
  return q;
}

const serviceKey = sql<number>`coalesce(p.service_id, 0)`;

async function rawCounts(db: Db, s: CountScope, range: { from: string; to: string }, itemIds: string[], groups: ParticipationGroup[]) {
  const cells: CountCell[] = !itemIds.length ? [] : await rawResponses(db, s, range)
    .innerJoin("answer as a", "a.response_id", "p.id")
    .select(["p.unit_id", serviceKey.as("service_id"), "a.question_id", sql<number>`cast(a.code as integer)`.as("code"), sql<number>`count(*)`.as("count")])
    .where("a.question_id", "in", itemIds)
    .where("a.code", ">=", 1)
    .where("a.code", "<=", 5)
    .groupBy(["p.unit_id", serviceKey, "a.question_id", "a.code"])
    .execute();
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
  const responses: ResponseCell[] = await rawResponses(db, s, range)
    .select(["p.unit_id", serviceKey.as("service_id"), sql<number>`count(*)`.as("count")])
    .groupBy(["p.unit_id", serviceKey])
    .execute();
  return { cells, responses };
}

const numeric = <T extends { count: number | string; code?: number | string }>(rows: T[]): T[] =>
  rows.map((r) => ({ ...r, count: Number(r.count), ...(r.code === undefined ? {} : { code: Number(r.code) }) }));

/**
 * Counts for a summary: answers (codes 1..5 only — missing answers never count) and
 * respondents per unit and per service, whole months from roll-ups, leftover days from
 * raw rows (same shape, so any date range is exact).
 */
export async function summaryCounts(db: Db, s: CountScope, itemIds: string[], groups: ParticipationGroup[]): Promise<SummaryCounts> {
  const out: SummaryCounts = { cells: [], responses: [], serviceCells: [], serviceResponses: [] };
  const questionIds = [...itemIds, ...groups.map((g) => g.key)];
  const none = () => Promise.resolve([] as CountCell[]);
  if (s.months.length) {
    const [cells, serviceCells, responses] = await Promise.all([
      questionIds.length ? unitRollup(db, s, questionIds) : none(),
      questionIds.length ? serviceRollup(db, s, questionIds) : none(),
      responseRollups(db, s),
    ]);
    out.cells.push(...cells);
    out.serviceCells.push(...serviceCells);
    out.responses.push(...responses.units);
    out.serviceResponses.push(...responses.services);
  }
  for (const range of s.days) {
    const raw = await rawCounts(db, s, range, itemIds, groups);
    out.cells.push(...raw.cells);
    out.serviceCells.push(...raw.cells.filter((c) => c.service_id !== 0));
    out.responses.push(...raw.responses);
    out.serviceResponses.push(...raw.responses.filter((r) => r.service_id !== 0));
  }
  return { cells: numeric(out.cells), responses: numeric(out.responses), serviceCells: numeric(out.serviceCells), serviceResponses: numeric(out.serviceResponses) };
}
