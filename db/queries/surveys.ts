import type { Kysely } from "kysely";
import type { Database, Survey, SurveyVersion } from "../schema";

type Db = Kysely<Database>;

export interface PublishInput {
  slug: string;
  titleVi: string;
  titleEn: string;
  definition: string;
  indexModel: string;
  contentHash: string;
  publishedBy: string;
}

export function getSurveyBySlug(db: Db, slug: string): Promise<Survey | undefined> {
  return db.selectFrom("survey").selectAll().where("slug", "=", slug).executeTakeFirst();
}

/** Who published a survey's newest version (null: no version yet). */
export async function latestPublisher(db: Db, surveyId: number): Promise<string | null> {
  const row = await db
    .selectFrom("survey_version")
    .select("published_by")
    .where("survey_id", "=", surveyId)
    .where("status", "!=", "draft")
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  return row?.published_by ?? null;
}

/** A published version (the latest when `version` is omitted); drafts and retired ones are not served. */
/** Every stored version of a survey (published or retired: old responses keep theirs), by content hash. */
export function versionHashes(db: Db, surveyId: number) {
  return db.selectFrom("survey_version").select(["id", "content_hash"]).where("survey_id", "=", surveyId).where("status", "!=", "draft").execute();
}

export function versionJson(db: Db, id: number) {
  return db.selectFrom("survey_version").select(["definition", "index_model"]).where("id", "=", id).executeTakeFirstOrThrow();
}

export function getPublishedVersion(
  db: Db,
  slug: string,
  version?: number,
): Promise<(SurveyVersion & { slug: string }) | undefined> {
  let q = db
    .selectFrom("survey_version as v")
    .innerJoin("survey as s", "s.id", "v.survey_id")
    .selectAll("v")
    .select("s.slug")
    .where("s.slug", "=", slug)
    .where("v.status", "=", "published");
  if (version !== undefined) q = q.where("v.version", "=", version);
  return q.orderBy("v.version", "desc").limit(1).executeTakeFirst();
}

export function getVersion(db: Db, slug: string, version: number) {
  return db
    .selectFrom("survey_version as v")
    .innerJoin("survey as s", "s.id", "v.survey_id")
    .selectAll("v")
    .where("s.slug", "=", slug)
    .where("v.version", "=", version)
    .executeTakeFirst();
}

export function listPublished(db: Db) {
  return db
    .selectFrom("survey_version as v")
    .innerJoin("survey as s", "s.id", "v.survey_id")
    .select(["s.slug", "s.title_vi", "s.title_en", "v.version", "v.published_at", "v.id"])
    .where("v.status", "=", "published")
    .orderBy("s.slug")
    .orderBy("v.version", "desc")
    .execute();
}

/**
 * Publishes a definition as the next version of its survey (creating the survey on first
 * publish). Publishing the same content as the latest version again is a no-op, so
 * start-up can publish the shipped questionnaires every time. Call inside a transaction.
 */
export async function publishVersion(
  db: Db,
  input: PublishInput,
  now: string,
): Promise<{ surveyId: number; versionId: number; version: number; created: boolean }> {
  let survey = await getSurveyBySlug(db, input.slug);
  if (!survey) {
    survey = await db
      .insertInto("survey")
      .values({ slug: input.slug, title_vi: input.titleVi, title_en: input.titleEn, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
  } else {
    await db.updateTable("survey").set({ title_vi: input.titleVi, title_en: input.titleEn }).where("id", "=", survey.id).execute();
  }
  const latest = await db
    .selectFrom("survey_version")
    .select(["id", "version", "content_hash", "status"])
    .where("survey_id", "=", survey.id)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (latest && latest.content_hash === input.contentHash && latest.status === "published") {
    return { surveyId: survey.id, versionId: latest.id, version: latest.version, created: false };
  }
  const version = (latest?.version ?? 0) + 1;
  const row = await db
    .insertInto("survey_version")
    .values({
      survey_id: survey.id,
      version,
      status: "published",
      definition: input.definition,
      index_model: input.indexModel,
      content_hash: input.contentHash,
      created_at: now,
      published_at: now,
      published_by: input.publishedBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { surveyId: survey.id, versionId: row.id, version, created: true };
}

/** Retiring is the only change a published version allows. */
export async function retireVersion(db: Db, versionId: number, now: string): Promise<boolean> {
  const result = await db
    .updateTable("survey_version")
    .set({ status: "retired", retired_at: now })
    .where("id", "=", versionId)
    .where("status", "=", "published")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The version whose index model reports use: the newest that was ever published. */
export function getReportVersion(db: Db, slug: string) {
  return db
    .selectFrom("survey_version as v")
    .innerJoin("survey as s", "s.id", "v.survey_id")
    .select(["v.id", "v.survey_id", "v.version", "v.index_model", "v.content_hash", "s.slug", "s.title_vi", "s.title_en"])
    .where("s.slug", "=", slug)
    .where("v.status", "in", ["published", "retired"])
    .orderBy("v.version", "desc")
    .limit(1)
    .executeTakeFirst();
}
