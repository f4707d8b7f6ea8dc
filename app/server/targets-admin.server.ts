import { data } from "@remix-run/node";
import { actorOf } from "./console.server";
import { z } from "zod";
import { appendAudit } from "../../db/queries/credentials";
import { deleteTarget, getTarget, insertTarget, listTargets, updateTarget } from "../../db/queries/targets";
import type { Db } from "../../db/index";
import type { SessionUser } from "./session.server";

const year = z.coerce.number().int().min(2000, "reports.validation.yearRange").max(2100, "reports.validation.yearRange");
const targetFields = z.strictObject({
  year,
  scope: z.enum(["overall", "element", "unit", "service"], "validation.invalid"),
  scopeKey: z.string().trim().max(64, "validation.invalid").default(""),
  survey: z.string().trim().max(64).default(""),
  value: z.coerce.number("reports.validation.targetRange").min(0, "reports.validation.targetRange").max(100, "reports.validation.targetRange"),
  source: z.string().trim().max(300, "validation.invalid").default(""),
});

const form = z.discriminatedUnion("intent", [
  targetFields.extend({ intent: z.literal("add"), csrf: z.string() }),
  targetFields.extend({ intent: z.literal("edit"), id: z.coerce.number().int().positive(), csrf: z.string() }),
  z.strictObject({ intent: z.literal("delete"), id: z.coerce.number().int().positive(), csrf: z.string() }),
]);

export type TargetFieldErrors = Partial<Record<"year" | "scope" | "scopeKey" | "survey" | "value" | "source", string>>;

export async function loadTargetsPage(db: Db) {
  const [targets, surveys] = await Promise.all([listTargets(db), db.selectFrom("survey").select(["id", "slug", "title_vi"]).orderBy("slug").execute()]);
  return { targets, surveys };
}

/**
 * Adds, changes or deletes a target: parsed with zod, checked against the catalogues, written
 * with its audit row in one transaction. A bad form changes nothing and says why per field.
 */
export async function saveTarget(db: Db, user: SessionUser, formData: FormData) {
  const parsed = form.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors: TargetFieldErrors = {};
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "scope") as keyof TargetFieldErrors;
      errors[key] ??= /^(reports\.)?validation\./.test(issue.message) ? issue.message : "validation.invalid";
    }
    return data({ ok: false as const, errors }, { status: 400 });
  }
  const input = parsed.data;
  const now = new Date().toISOString();
  if (input.intent === "delete") {
    const before = await getTarget(db, input.id);
    if (!before) throw new Response("Not found", { status: 404 });
    await db.transaction().execute(async (trx) => {
      await deleteTarget(trx, input.id);
      await appendAudit(trx, { actor: actorOf(user), action: "target.delete", entity: "target", entityId: String(input.id), before }, now);
    });
    return data({ ok: true as const, errors: {} as TargetFieldErrors });
  }
  const errors: TargetFieldErrors = {};
  const survey = input.survey ? await db.selectFrom("survey").select("id").where("slug", "=", input.survey).executeTakeFirst() : null;
  if (input.survey && !survey) errors.survey = "validation.unknownSurvey";
  if (input.scope !== "overall" && !input.scopeKey) errors.scopeKey = "validation.required";
  if (input.scope === "unit" && input.scopeKey && !(await db.selectFrom("unit").select("id").where("code", "=", input.scopeKey).executeTakeFirst())) errors.scopeKey = "validation.unknownUnit";
  if (input.scope === "service" && input.scopeKey && !(await db.selectFrom("service").select("id").where("code", "=", input.scopeKey).executeTakeFirst())) errors.scopeKey = "validation.unknownService";
  if (Object.keys(errors).length) return data({ ok: false as const, errors }, { status: 400 });
  const row = { year: input.year, scope: input.scope, scopeKey: input.scope === "overall" ? "" : input.scopeKey, surveyId: survey?.id ?? null, value: input.value, source: input.source || null };
  if (input.intent === "edit") {
    const before = await getTarget(db, input.id);
    if (!before) throw new Response("Not found", { status: 404 });
    await db.transaction().execute(async (trx) => {
      await updateTarget(trx, input.id, row);
      await appendAudit(trx, { actor: actorOf(user), action: "target.update", entity: "target", entityId: String(input.id), before, after: row }, now);
    });
  } else {
    await db.transaction().execute(async (trx) => {
      const id = await insertTarget(trx, row);
      await appendAudit(trx, { actor: actorOf(user), action: "target.create", entity: "target", entityId: String(id), after: row }, now);
    });
  }
  return data({ ok: true as const, errors: {} as TargetFieldErrors });
}
