import type { Kysely } from "kysely";
import type { Database } from "../schema";
import { rawResponses, unitCondition, type CountScope } from "./report-scope";

type Db = Kysely<Database>;

/** Every non-draft version of a survey with its index model, newest first. */
export function reportVersions(db: Db, surveyId: number) {
  return db
    .selectFrom("survey_version")
    .select(["id", "version", "index_model"])
    .where("survey_id", "=", surveyId)
    .where("status", "in", ["published", "retired"])
    .orderBy("version", "desc")
    .execute();
}

/** The versions with responses in a scope: whole months from the detailed roll-up, leftover days from raw rows. */
export async function versionsInScope(db: Db, s: CountScope): Promise<Set<number>> {
  const out = new Set<number>();
  if (s.months.length) {
    let q = db
      .selectFrom("rollup_response as r")
      .select("r.survey_version_id")
      .distinct()
      .where("r.survey_id", "=", s.surveyId)
      .where("r.month", ">=", s.months[0])
      .where("r.month", "<=", s.months[s.months.length - 1])
      .where(unitCondition(s, "r.unit_id"));
    if (s.serviceId !== undefined) q = q.where("r.service_id", "=", s.serviceId);
    if (s.channel) q = q.where("r.channel", "=", s.channel);
    for (const r of await q.execute()) out.add(Number(r.survey_version_id));
  }
  for (const range of s.days) {
    const rows = await rawResponses(db, s, range).select("p.survey_version_id as v").distinct().execute();
    for (const r of rows) out.add(Number(r.v));
  }
  return out;
}
