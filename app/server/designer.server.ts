import { createHash } from "node:crypto";
import { z } from "zod";
import { appendAudit } from "../../db/queries/credentials";
import { deleteDraft, ensureSurvey, findDraft, getVersionById, insertDraft, updateDraft } from "../../db/queries/drafts";
import { retireVersion } from "../../db/queries/surveys";
import type { Db } from "../../db/index";
import { surveyDefinitionSchema } from "~/survey/definition-schema.server";
import { skeletonDefinition } from "~/survey/draft-ops";
import { flatDiff } from "~/survey/flat-diff";
import { nowIso } from "./console.server";
import { publishDefinition } from "./publish.server";

export type DraftErrors = Record<string, string>;
type Doc = Record<string, unknown>;

/** Our wording for the commonest problems, zod's Vietnamese locale for the rest. */
function viMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "too_small" && issue.origin === "string") return "Vui lòng nhập nội dung";
  if (issue.code === "invalid_type" && issue.input === undefined) return "Thiếu trường bắt buộc";
  if (issue.code === "invalid_union" && issue.path?.at(-1) === "visibleIf") return "Điều kiện không hợp lệ (xem ví dụ)";
  return z.locales.vi().localeError(issue) as string | undefined;
}

/** Validates a draft: errors keyed by JSON path (= the editor's field names), in Vietnamese. */
export function validateDraft(doc: unknown): DraftErrors {
  const result = surveyDefinitionSchema.safeParse(doc, { error: viMessage });
  const errors: DraftErrors = {};
  if (!result.success) for (const i of result.error.issues) errors[i.path.map(String).join(".") || "form"] ??= i.message;
  return errors;
}

export const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const newSurveySchema = z.object({
  slug: z.string().trim().regex(SLUG, "designer.errors.slug"),
  titleVi: z.string().trim().min(1, "console.errors.required").max(2000),
  titleEn: z.string().trim().min(1, "console.errors.required").max(2000),
});

/** One draft per survey: a second "new draft" opens the existing one. */
async function putDraft(db: Db, slug: string, title: { vi: string; en: string }, doc: Doc, actor: string, action: string): Promise<number> {
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const surveyId = await ensureSurvey(trx, { slug, titleVi: title.vi || slug, titleEn: title.en || slug }, now);
    const existing = await findDraft(trx, surveyId);
    const definition = JSON.stringify(doc);
    if (existing) {
      await updateDraft(trx, existing.id, definition);
      await appendAudit(trx, { actor, action, entity: "survey_version", entityId: `${slug}@draft`, ...flatDiff(JSON.parse(existing.definition), doc) }, now);
      return existing.id;
    }
    const id = await insertDraft(trx, surveyId, definition, now);
    await appendAudit(trx, { actor, action, entity: "survey_version", entityId: `${slug}@draft`, after: { from: action } }, now);
    return id;
  });
}

export function createSurveyDraft(db: Db, input: z.infer<typeof newSurveySchema>, actor: string) {
  return putDraft(db, input.slug, { vi: input.titleVi, en: input.titleEn }, skeletonDefinition(input.slug, { vi: input.titleVi, en: input.titleEn }), actor, "survey.draft.create");
}

/** A JSON file of survey-definitions/ becomes the draft of its survey (validated when published). */
export function importDraft(db: Db, doc: Doc, actor: string) {
  const title = (doc.title ?? {}) as { vi?: string; en?: string };
  return putDraft(db, String(doc.slug), { vi: title.vi ?? "", en: title.en ?? "" }, doc, actor, "survey.draft.import");
}

/** Published versions are never edited: they are copied to a new draft. */
export async function copyToDraft(db: Db, versionId: number, actor: string): Promise<number | null> {
  const version = await getVersionById(db, versionId);
  if (!version || version.status === "draft") return null;
  const surveyId = version.survey_id;
  const existing = await findDraft(db, surveyId);
  if (existing) return existing.id;
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const id = await insertDraft(trx, surveyId, version.definition, now);
    await appendAudit(trx, { actor, action: "survey.draft.copy", entity: "survey_version", entityId: `${version.slug}@draft`, after: { from: `${version.slug}@${version.version}` } }, now);
    return id;
  });
}

export async function saveDraft(db: Db, versionId: number, doc: Doc, actor: string): Promise<boolean> {
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const draft = await getVersionById(trx, versionId);
    if (!draft || draft.status !== "draft" || doc.slug !== draft.slug) return false;
    const diff = flatDiff(JSON.parse(draft.definition), doc);
    if (!diff.changed) return true;
    await updateDraft(trx, versionId, JSON.stringify(doc));
    await appendAudit(trx, { actor, action: "survey.draft.save", entity: "survey_version", entityId: `${draft.slug}@draft`, before: diff.before, after: diff.after }, now);
    return true;
  });
}

export type PublishOutcome = { ok: true; version: number; created: boolean } | { ok: false; errors: DraftErrors };

/**
 * Publishes a draft as the next immutable version (publishDefinition: validation, index
 * model, audit), then removes the draft. Identical content to the latest version is a no-op.
 */
export async function publishDraft(db: Db, versionId: number, actor: string): Promise<PublishOutcome> {
  const draft = await getVersionById(db, versionId);
  if (!draft || draft.status !== "draft") return { ok: false, errors: { form: "Bản nháp không còn tồn tại" } };
  const doc = JSON.parse(draft.definition);
  const errors = validateDraft(doc);
  if (Object.keys(errors).length) return { ok: false, errors };
  const result = await publishDefinition(db, doc, actor);
  if (!result.ok) return { ok: false, errors: Object.fromEntries(result.errors.map((e) => [e.path || "form", e.message])) };
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await deleteDraft(trx, versionId);
    await appendAudit(trx, { actor, action: "survey.draft.publish", entity: "survey_version", entityId: `${draft.slug}@draft`, after: { version: result.version, created: result.created } }, now);
  });
  return { ok: true, version: result.version, created: result.created };
}

export async function discardDraft(db: Db, versionId: number, actor: string): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const draft = await getVersionById(trx, versionId);
    if (!draft || !(await deleteDraft(trx, versionId))) return;
    await appendAudit(trx, { actor, action: "survey.draft.discard", entity: "survey_version", entityId: `${draft.slug}@draft`, before: { definitionSize: draft.definition.length } }, now);
  });
}

/** Retired versions stop taking responses; their answers stay readable in reports. */
export async function retire(db: Db, versionId: number, actor: string): Promise<boolean> {
  const now = nowIso();
  return db.transaction().execute(async (trx) => {
    const version = await getVersionById(trx, versionId);
    if (!version || !(await retireVersion(trx, versionId, now))) return false;
    await appendAudit(trx, { actor, action: "survey.retire", entity: "survey_version", entityId: `${version.slug}@${version.version}`, before: { status: "published" }, after: { status: "retired" } }, now);
    return true;
  });
}

/** Changes whenever the stored draft does: the editor is re-mounted with the saved values. */
export function revisionOf(definition: string): string {
  return createHash("sha1").update(definition).digest("hex").slice(0, 16);
}
