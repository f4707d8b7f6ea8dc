import { z } from "zod";
import { answersOf, getFollowup, listCommentResponses, saveFollowup, versionDefinitions, type VersionRule } from "../../db/queries/comments";
import { appendAudit } from "../../db/queries/credentials";
import type { Db } from "../../db/index";
import type { SurveyDefinition } from "~/survey/types";
import { nowIso } from "./console.server";
import { COMMENT_STATUSES, type CommentStatus } from "~/comment-statuses";

/** Question ids that hold comments in the shipped questionnaires, whatever their type. */
export const COMMENT_QUESTION_IDS = ["gop-y", "y-kien", "y-kien-khac", "kien-nghi", "de-xuat"];

/** Comments: text questions (never personal data) and known ids; low scores: scale5 or smiley ≤ 2. */
export function ruleOf(versionId: number, def: SurveyDefinition): VersionRule {
  const questions = def.sections.flatMap((s) => s.questions);
  return {
    versionId,
    textIds: questions.filter((q) => (q.type === "text" && !q.personal) || (COMMENT_QUESTION_IDS.includes(q.id) && q.type !== "scale5")).map((q) => q.id),
    lowIds: questions.filter((q) => q.type === "scale5" || q.type === "smiley").map((q) => q.id),
  };
}


export const followupSchema = z.object({
  id: z.string().trim().toLowerCase().uuid("console.errors.invalid"),
  status: z.enum(COMMENT_STATUSES, "comments.errors.status"),
  note: z.string().trim().normalize("NFC").max(2000, "comments.errors.noteLong").default(""),
}).refine((v) => v.status !== "answered" || v.note.length > 0, { path: ["note"], message: "comments.errors.noteRequired" });

export async function listComments(db: Db, filter: { rootUnitId: number | null; status?: CommentStatus; from?: string; to?: string }, page: number) {
  const versions = await versionDefinitions(db);
  const defs = new Map(versions.map((v) => [v.id, JSON.parse(v.definition) as SurveyDefinition]));
  const rules = [...defs].map(([id, def]) => ruleOf(id, def));
  const rows = await listCommentResponses(db, { ...filter, rules }, 51, page * 50);
  const answers = await answersOf(db, rows.slice(0, 50).map((r) => r.id));
  const ruleById = new Map(rules.map((r) => [r.versionId, r]));
  const items = rows.slice(0, 50).map((r) => {
    const rule = ruleById.get(r.survey_version_id)!;
    const def = defs.get(r.survey_version_id)!;
    const label = (id: string) => def.sections.flatMap((s) => s.questions).find((q) => q.id === id)?.label.vi ?? id;
    const mine = answers.filter((a) => a.response_id === r.id);
    return {
      ...r,
      texts: mine.filter((a) => rule.textIds.includes(a.question_id) && a.text && a.text !== "na").map((a) => ({ question: label(a.question_id), text: a.text! })),
      lows: mine.filter((a) => rule.lowIds.includes(a.question_id) && a.code !== null && a.code <= 2).map((a) => ({ question: label(a.question_id), code: Number(a.code) })),
    };
  });
  return { items, more: rows.length > 50 };
}

export async function updateFollowup(db: Db, input: z.infer<typeof followupSchema>, actor: string): Promise<void> {
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const before = await getFollowup(trx, input.id);
    await saveFollowup(trx, { responseId: input.id, status: input.status, note: input.note || null, by: actor, now });
    await appendAudit(trx, { actor, action: "comment.status", entity: "response", entityId: input.id, before: { status: before?.status ?? "new", note: before?.note ?? null }, after: { status: input.status, note: input.note || null } }, now);
  });
}
