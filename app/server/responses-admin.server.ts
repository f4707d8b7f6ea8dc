import { z } from "zod";
import { appendAudit } from "../../db/queries/credentials";
import { deleteResponse } from "../../db/queries/responses";
import type { Db } from "../../db/index";
import { monthOf } from "~/metrics/periods";
import type { AnswerSet, IndexModel, SurveyDefinition } from "~/survey/types";
import { nowIso } from "./console.server";
import { reachOf } from "./scope.server";
import { rollupCells } from "~/survey/rollup-cells";

export const deleteSchema = z.object({
  id: z.string().trim().toLowerCase().uuid("console.errors.invalid"),
  reason: z.string().trim().normalize("NFC").min(10, "responses.errors.reason").max(1000),
  confirm: z.literal("on", { error: "responses.errors.confirm" }),
});

/**
 * A response with its answers and the definition of the version it was given on (any status);
 * only within the caller's subtree (`scopeUnitId`, null = the whole province).
 */
export async function loadResponse(db: Db, id: string, scopeUnitId: number | null) {
  const response = await db
    .selectFrom("response as r")
    .innerJoin("survey_version as v", "v.id", "r.survey_version_id")
    .innerJoin("survey as s", "s.id", "r.survey_id")
    .innerJoin("unit as u", "u.id", "r.unit_id")
    .leftJoin("service as sv", "sv.id", "r.service_id")
    .selectAll("r")
    .select(["v.definition", "v.index_model", "v.version", "v.status as version_status", "s.slug", "u.code as unit_code", "u.name as unit_name", "sv.code as service_code", "sv.name as service_name"])
    .where("r.id", "=", id)
    .executeTakeFirst();
  if (!response || !(await reachOf(db, scopeUnitId))(response.unit_id)) return undefined;
  const answers = await db.selectFrom("answer").select(["question_id", "code", "text"]).where("response_id", "=", id).execute();
  return { response, answers, definition: JSON.parse(response.definition) as SurveyDefinition, indexModel: JSON.parse(response.index_model) as IndexModel };
}

/** Stored answers back to the values the insert saw (codes as numbers, the rest as text). */
function answerSet(answers: Array<{ question_id: string; code: number | null; text: string | null }>): AnswerSet {
  return Object.fromEntries(answers.map((a) => [a.question_id, a.code !== null ? Number(a.code) : (a.text ?? "")]));
}

/**
 * Responses are never edited. Deleting one (a legal request) takes it out of the roll-ups in
 * the same transaction and leaves an audit row with the reason; its answers are not logged.
 */
export async function deleteResponseForLegalRequest(db: Db, id: string, reason: string, actor: string, scopeUnitId: number | null): Promise<boolean> {
  const loaded = await loadResponse(db, id, scopeUnitId);
  if (!loaded) return false;
  const { response: r, answers, definition, indexModel } = loaded;
  const cells = rollupCells(definition, indexModel, answerSet(answers));
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await deleteResponse(trx, { response: r, month: monthOf(r.submitted_date), cells });
    await appendAudit(trx, {
      actor, action: "response.delete", entity: "response", entityId: r.id,
      before: { survey: `${r.slug}@${r.version}`, unit: r.unit_code, service: r.service_code, channel: r.channel, submittedAt: r.submitted_at, answers: answers.length },
      after: { reason },
    }, now);
  });
  return true;
}
