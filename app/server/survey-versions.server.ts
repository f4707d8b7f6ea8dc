import type { Db } from "../../db/index";
import type { CellsOf } from "./report-counts.server";
import { getPublishedVersion, versionHashes, versionJson } from "../../db/queries/surveys";
import { unfoldAnswers } from "~/survey/folded-answers";
import { cellVisitor, type CellVisitor } from "~/survey/rollup-cells";
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

function remember(hash: string, json: { definition: string; index_model: string }) {
  const cached = { definition: JSON.parse(json.definition) as SurveyDefinition, indexModel: JSON.parse(json.index_model) as IndexModel };
  if (parsed.size > 1000) parsed.clear();
  parsed.set(hash, cached);
  return cached;
}

/** A stored version's definition and index model, parsed once per content. */
export async function parsedVersion(db: Db, id: number, contentHash: string) {
  return parsed.get(contentHash) ?? remember(contentHash, await versionJson(db, id));
}

/**
 * The roll-up cells of a stored response of the survey, from its own version's definition
 * (for counting raw rows exactly as their inserts added to the roll-ups).
 */
export async function versionCells(db: Db, surveyId: number): Promise<CellsOf> {
  const visitors = new Map<number, CellVisitor>();
  for (const v of await versionHashes(db, surveyId)) {
    const { definition, indexModel } = await parsedVersion(db, v.id, v.content_hash);
    visitors.set(v.id, cellVisitor(definition, indexModel));
  }
  return (versionId, folded, emit) => {
    const answers = unfoldAnswers(folded);
    visitors.get(versionId)?.((id) => answers.get(id), emit);
  };
}

export async function loadPublishedVersion(db: Db, slug: string, version?: number): Promise<LoadedVersion | undefined> {
  const row = await getPublishedVersion(db, slug, version);
  if (!row) return undefined;
  const cached = parsed.get(row.content_hash) ?? remember(row.content_hash, row);
  return {
    id: row.id,
    surveyId: row.survey_id,
    slug: row.slug,
    version: row.version,
    publishedAt: row.published_at,
    ...cached,
  };
}
