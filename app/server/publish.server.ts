import { createHash } from "node:crypto";
import type { Db } from "../../db/index";
import { appendAudit } from "../../db/queries/credentials";
import { publishVersion } from "../../db/queries/surveys";
import { parseSurveyDefinition } from "~/survey/definition-schema.server";
import { deriveIndexModel } from "~/survey/index-model";

export type PublishResult =
  | { ok: true; slug: string; version: number; created: boolean }
  | { ok: false; errors: { path: string; message: string }[] };

/**
 * Validates a definition and publishes it as the next immutable version, with its audit
 * row, in one transaction. Publishing content identical to the latest version is a no-op.
 */
export async function publishDefinition(db: Db, input: unknown, actor: string): Promise<PublishResult> {
  const parsed = parseSurveyDefinition(input);
  if (!parsed.ok) return parsed;
  const def = parsed.definition;
  const definition = JSON.stringify(def);
  const indexModel = JSON.stringify(deriveIndexModel(def));
  const contentHash = createHash("sha256").update(definition).digest("base64url");
  const now = new Date().toISOString();
  const result = await db.transaction().execute(async (trx) => {
    const published = await publishVersion(
      trx,
      { slug: def.slug, titleVi: def.title.vi, titleEn: def.title.en, definition, indexModel, contentHash, publishedBy: actor },
      now,
    );
    if (published.created) {
      await appendAudit(trx, { actor, action: "survey.publish", entity: "survey_version", entityId: `${def.slug}@${published.version}`, after: { contentHash } }, now);
    }
    return published;
  });
  return { ok: true, slug: def.slug, version: result.version, created: result.created };
}
