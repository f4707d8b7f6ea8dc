import type { Kysely } from "kysely";
import type { Database, FollowupStatus } from "../schema";

type Db = Kysely<Database>;

/** Which answers of a version count: free-text questions, and items whose low codes (≤ 2) count. */
export interface VersionRule {
  versionId: number;
  textIds: string[];
  lowIds: string[];
}

export interface CommentFilter {
  rules: VersionRule[];
  /** Subtree root; null = every unit. */
  rootUnitId: number | null;
  status?: FollowupStatus;
  from?: string;
  to?: string;
}

/** Responses with a comment or a low score, newest first, with their follow-up. */
export function listCommentResponses(db: Db, f: CommentFilter, limit: number, offset: number) {
  // No rules → `or([])`, which kysely writes as 1 = 0: nothing matches.
  const rules = f.rules.filter((r) => r.textIds.length || r.lowIds.length);
  let q = db
    .selectFrom("response as r")
    .innerJoin("unit as u", "u.id", "r.unit_id")
    .innerJoin("survey as s", "s.id", "r.survey_id")
    .leftJoin("service as sv", "sv.id", "r.service_id")
    .leftJoin("comment_followup as f", "f.response_id", "r.id")
    .select(["r.id", "r.survey_version_id", "r.submitted_at", "r.submitted_date", "r.channel", "u.code as unit_code", "u.name as unit_name", "sv.name as service_name", "s.slug", "s.title_vi", "f.status", "f.note", "f.updated_at", "f.updated_by"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("answer as a")
          .select("a.response_id")
          .whereRef("a.response_id", "=", "r.id")
          .where((w) =>
            w.or(
              rules.flatMap((rule) => [
                ...(rule.textIds.length ? [w.and([w("r.survey_version_id", "=", rule.versionId), w("a.question_id", "in", rule.textIds), w("a.text", "is not", null), w("a.text", "<>", ""), w("a.text", "<>", "na")])] : []),
                ...(rule.lowIds.length ? [w.and([w("r.survey_version_id", "=", rule.versionId), w("a.question_id", "in", rule.lowIds), w("a.code", "<=", 2)])] : []),
              ]),
            ),
          ),
      ),
    );
  if (f.rootUnitId !== null) q = q.where("r.unit_id", "in", (eb) => eb.selectFrom("unit_closure").select("descendant_id").where("ancestor_id", "=", f.rootUnitId!));
  if (f.status === "new") q = q.where((eb) => eb.or([eb("f.status", "is", null), eb("f.status", "=", "new")]));
  else if (f.status) q = q.where("f.status", "=", f.status);
  if (f.from) q = q.where("r.submitted_date", ">=", f.from);
  if (f.to) q = q.where("r.submitted_date", "<=", f.to);
  return q.orderBy("r.submitted_at", "desc").limit(limit).offset(offset).execute();
}

export function answersOf(db: Db, responseIds: string[]) {
  if (!responseIds.length) return Promise.resolve([]);
  return db.selectFrom("answer").select(["response_id", "question_id", "code", "text"]).where("response_id", "in", responseIds).execute();
}

export function getFollowup(db: Db, responseId: string) {
  return db.selectFrom("comment_followup").selectAll().where("response_id", "=", responseId).executeTakeFirst();
}

export async function saveFollowup(db: Db, row: { responseId: string; status: FollowupStatus; note: string | null; by: string; now: string }): Promise<void> {
  await db
    .insertInto("comment_followup")
    .values({ response_id: row.responseId, status: row.status, note: row.note, updated_at: row.now, updated_by: row.by })
    .onConflict((oc) => oc.column("response_id").doUpdateSet({ status: row.status, note: row.note, updated_at: row.now, updated_by: row.by }))
    .execute();
}

/** Every version that may hold responses, with its definition (drafts never do). */
export function versionDefinitions(db: Db) {
  return db.selectFrom("survey_version").select(["id", "definition"]).where("status", "in", ["published", "retired"]).execute();
}
