import { sql, type Kysely } from "kysely";
import type { Database } from "../schema";
import { periodBuckets } from "../../app/metrics/periods";
import { RawTally } from "../../app/metrics/raw-tally";
import type { EmitCell } from "../../app/survey/rollup-cells";
import { scopePages } from "./report-rows";
import { rawResponses, unitCondition, type CountScope } from "./report-scope";

export { rawResponses, unitCondition, type CountScope };

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
function unitRollup(db: Db, s: CountScope, questionIds: string[]): Promise<CountCell[]> {
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
function serviceRollup(db: Db, s: CountScope, questionIds: string[]): Promise<CountCell[]> {
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


/** Emits the roll-up cells of one stored response (its version, its folded answers), as its insert did. */
export type CellsOf = (versionId: number, folded: string, emit: EmitCell) => void;

/** Days outside whole months: the scope's responses read once and counted like the roll-ups. */
async function rawCounts(db: Db, s: CountScope, range: { from: string; to: string }, questionIds: string[], cellsOf: CellsOf) {
  const tally = new RawTally(questionIds);
  for await (const page of scopePages(db, s, range, 5000)) {
    for (const r of page) {
      tally.response(r.unit_id, r.service_id);
      cellsOf(r.survey_version_id, r.answers, tally.cell);
    }
  }
  return tally.result();
}

const numeric = <T extends { count: number | string; code?: number | string }>(rows: T[]): T[] =>
  rows.map((r) => ({ ...r, count: Number(r.count), ...(r.code === undefined ? {} : { code: Number(r.code) }) }));

/** push(...rows) passes every row as an argument: a province's raw cells overflow the stack. */
function append<T>(target: T[], rows: readonly T[]): void {
  for (const row of rows) target.push(row);
}

/**
 * Counts for a summary: answers (codes 1..5 only — missing answers never count) and
 * respondents per unit and per service, whole months from roll-ups, leftover days from
 * raw rows counted with `rawCells` (the same cells, so any date range is exact).
 */
export async function summaryCounts(db: Db, s: CountScope, itemIds: string[], groups: ParticipationGroup[], rawCells: () => Promise<CellsOf>): Promise<SummaryCounts> {
  const out: SummaryCounts = { cells: [], responses: [], serviceCells: [], serviceResponses: [] };
  const questionIds = [...itemIds, ...groups.map((g) => g.key)];
  const none = () => Promise.resolve([] as CountCell[]);
  if (s.months.length) {
    const [cells, serviceCells, responses] = await Promise.all([
      questionIds.length ? unitRollup(db, s, questionIds) : none(),
      questionIds.length ? serviceRollup(db, s, questionIds) : none(),
      responseRollups(db, s),
    ]);
    append(out.cells, cells);
    append(out.serviceCells, serviceCells);
    append(out.responses, responses.units);
    append(out.serviceResponses, responses.services);
  }
  const cellsOf = s.days.length ? await rawCells() : null;
  for (const range of s.days) {
    const raw = await rawCounts(db, s, range, questionIds, cellsOf!);
    append(out.cells, raw.cells);
    append(out.serviceCells, raw.serviceCells);
    append(out.responses, raw.responses);
    append(out.serviceResponses, raw.serviceResponses);
  }
  return { cells: numeric(out.cells), responses: numeric(out.responses), serviceCells: numeric(out.serviceCells), serviceResponses: numeric(out.serviceResponses) };
}
