import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Channel, Database } from "../schema";

// What a report counts: a survey, a unit subtree (or explicit units), a period, optionally a
// service and a channel. Shared by the roll-up counts, raw rows and exports.

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
  /** One survey version only (figures of each version apart, when a period holds several models). */
  versionId?: number;
  channel?: Channel;
  /** Whole months ("YYYY-MM"), read from roll-ups; contiguous. */
  months: string[];
  /** Leftover day ranges, read from raw rows. */
  days: Array<{ from: string; to: string }>;
  /** Raw rows received up to this instant only (an export's snapshot: count and rows agree). */
  receivedBefore?: string;
}

/** Whether a unit column lies in the scope (subtree, explicit list, or everything). */
export function unitCondition(s: CountScope, column: string): Expression<SqlBool> {
  if (s.unitIds) return s.unitIds.length ? sql<SqlBool>`${sql.ref(column)} in (${sql.join(s.unitIds)})` : sql<SqlBool>`1 = 0`;
  if (s.wholeTree) return sql<SqlBool>`1 = 1`;
  return sql<SqlBool>`${sql.ref(column)} in (select descendant_id from unit_closure where ancestor_id = ${s.rootUnitId})`;
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
  if (s.versionId !== undefined) q = q.where("p.survey_version_id", "=", s.versionId);
  if (s.channel) q = q.where("p.channel", "=", s.channel);
  if (s.receivedBefore) q = q.where("p.received_at", "<=", s.receivedBefore);
  return q;
}
