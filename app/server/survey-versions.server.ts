import type { Db } from "../../db/index";
import { getPublishedVersion } from "../../db/queries/surveys";
import type { IndexModel, SurveyDefinition } from "~/survey/types";

export interface LoadedVersion {
  id: number;
  surveyId: number;
  slug: string;
  version: number;
  publishedAt: string | null;
  definition: SurveyDefinition;
  indexModel: IndexModel;
}

// Published versions never change, so their parsed JSON can be kept (keyed by content
// hash, which also holds across databases); the status is still read every time because
// a version can be retired.
const parsed = new Map<string, { definition: SurveyDefinition; indexModel: IndexModel }>();

export async function loadPublishedVersion(db: Db, slug: string, version?: number): Promise<LoadedVersion | undefined> {
  const row = await getPublishedVersion(db, slug, version);
  if (!row) return undefined;
  let cached = parsed.get(row.content_hash);
  if (!cached) {
    cached = { definition: JSON.parse(row.definition), indexModel: JSON.parse(row.index_model) };
    if (parsed.size > 1000) parsed.clear();
    parsed.set(row.content_hash, cached);
  }
  return {
    id: row.id,
    surveyId: row.survey_id,
    slug: row.slug,
    version: row.version,
    publishedAt: row.published_at,
    ...cached,
  };
}
