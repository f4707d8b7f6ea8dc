import type { Kysely } from "kysely";
import type { Database } from "../schema";

type Db = Kysely<Database>;

/**
 * Drafts are survey_version rows with status "draft" and version 0: at most one per survey,
 * never served to respondents, and not numbered until published (publishing inserts the
 * next real version and the draft row goes away).
 */
export const DRAFT_VERSION = 0;

export function listSurveyVersions(db: Db) {
  return db
    .selectFrom("survey_version as v")
    .innerJoin("survey as s", "s.id", "v.survey_id")
    .select(["v.id", "v.version", "v.status", "v.created_at", "v.published_at", "v.published_by", "v.retired_at", "s.id as survey_id", "s.slug", "s.title_vi", "s.title_en"])
    .orderBy("s.slug")
    .orderBy("v.version", "desc")
    .execute();
}

export function getVersionById(db: Db, id: number) {
  return db
    .selectFrom("survey_version as v")
    .innerJoin("survey as s", "s.id", "v.survey_id")
    .selectAll("v")
    .select(["s.slug", "s.title_vi", "s.title_en"])
    .where("v.id", "=", id)
    .executeTakeFirst();
}

export function findDraft(db: Db, surveyId: number) {
  return db.selectFrom("survey_version").selectAll().where("survey_id", "=", surveyId).where("status", "=", "draft").executeTakeFirst();
}

/** The survey row a first draft needs (its titles are replaced when a version is published). */
export async function ensureSurvey(db: Db, s: { slug: string; titleVi: string; titleEn: string }, now: string): Promise<number> {
  const existing = await db.selectFrom("survey").select("id").where("slug", "=", s.slug).executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto("survey")
    .values({ slug: s.slug, title_vi: s.titleVi, title_en: s.titleEn, created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDraft(db: Db, surveyId: number, definition: string, now: string): Promise<number> {
  const row = await db
    .insertInto("survey_version")
    .values({ survey_id: surveyId, version: DRAFT_VERSION, status: "draft", definition, index_model: "{}", content_hash: "", created_at: now })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Only a draft can change; returns false for a published or retired version. */
export async function updateDraft(db: Db, id: number, definition: string): Promise<boolean> {
  const result = await db.updateTable("survey_version").set({ definition }).where("id", "=", id).where("status", "=", "draft").executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function deleteDraft(db: Db, id: number): Promise<boolean> {
  const result = await db.deleteFrom("survey_version").where("id", "=", id).where("status", "=", "draft").executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
