import { CHANNELS } from "../../db/schema";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { PreparedInsert } from "../../db/queries/responses";
import { monthOf, vnDate } from "~/metrics/periods";
import { foldAnswers } from "~/survey/folded-answers";
import type { AnswerSet } from "~/survey/types";
import { rollupCells } from "~/survey/rollup-cells";
import { validateAnswers, type FieldError } from "~/survey/validate-answers";
import { ApiError, zodFields } from "./api-error.server";
import type { CommitOutcome } from "./group-commit.server";
import type { Principal } from "./principal.server";
import type { AppServices } from "./services.server";
import { assertChannel, submittedAtOf } from "./submission-channel.server";

const isoInstant = z.iso.datetime({ offset: true });

export const submissionSchema = z.strictObject({
  id: z.uuid(),
  survey: z.string().min(1).max(64),
  version: z.number().int().positive().optional(),
  unit: z.string().trim().min(1).max(64),
  service: z.string().trim().min(1).max(64).nullish(),
  channel: z.enum(CHANNELS),
  dossier: z.string().trim().min(1).max(100).nullish(),
  locale: z.enum(["vi", "en"]).default("vi"),
  startedAt: isoInstant.nullish(),
  submittedAt: isoInstant.optional(),
  answers: z.record(z.string(), z.unknown()),
});
export type Submission = z.infer<typeof submissionSchema>;

/** Clock skew we tolerate from devices before a time counts as "in the future". */
const FUTURE_SLACK_MS = 10 * 60 * 1000;

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Same body → same hash, whatever the key order: a resend is recognised as a duplicate. */
export function contentHash(body: unknown): string {
  return createHash("sha256").update(canonical(body)).digest("base64url");
}

export function normalizeDossier(code: string): string {
  return code.trim().toUpperCase();
}

export function answerRows(responseId: string, answers: AnswerSet) {
  return Object.entries(answers).map(([question_id, value]) => ({
    response_id: responseId,
    question_id,
    code: typeof value === "number" ? value : null,
    text: typeof value === "number" ? null : Array.isArray(value) ? value.join(";") : value,
  }));
}

/**
 * Checks a submission against its published version, the caller's rights and the unit
 * and service catalogues, and prepares the rows. Reads only; nothing is written here.
 */
export async function prepareSubmission(
  services: AppServices,
  body: unknown,
  principal: Principal,
  now = new Date(),
): Promise<PreparedInsert> {
  const parsed = submissionSchema.safeParse(body);
  if (!parsed.success) throw new ApiError("invalid", "errors.invalid", zodFields(parsed.error.issues));
  const s = parsed.data;

  assertChannel(principal, s.channel, s.dossier);

  const fields: Record<string, FieldError> = {};
  const version = await services.catalog.publishedVersion(s.survey, s.version);
  if (!version) fields[s.version === undefined ? "survey" : "version"] = { key: "validation.surveyNotPublished" };

  const submittedAt = submittedAtOf(principal, s.submittedAt, now);
  if (Date.parse(submittedAt) > now.getTime() + FUTURE_SLACK_MS) fields.submittedAt = { key: "validation.future" };
  if (s.startedAt && Date.parse(s.startedAt) > Date.parse(submittedAt)) fields.startedAt = { key: "validation.startedAfterSubmitted" };
  const date = vnDate(submittedAt);

  const unit = await services.catalog.unit(s.unit);
  if (!unit) fields.unit = { key: "validation.unknownUnit" };
  else if (unit.valid_to && unit.valid_to <= date) fields.unit = { key: "validation.unitClosed" };

  const service = s.service ? await services.catalog.service(s.service) : undefined;
  if (s.service && !service) fields.service = { key: "validation.unknownService" };
  if (unit && service && !(await services.catalog.offers(unit.id, service.id))) {
    fields.service = { key: "validation.serviceNotOffered" };
  }

  let answers: AnswerSet = {};
  if (version) {
    // The raw object, not zod's copy: zod drops keys such as "__proto__", which must be
    // refused as unknown questions like any other.
    const checked = validateAnswers(version.definition, (body as { answers: unknown }).answers);
    if (checked.ok) answers = checked.answers;
    else for (const [id, error] of Object.entries(checked.errors)) fields[`answers.${id}`] = error;
  }
  if (Object.keys(fields).length || !version || !unit) throw new ApiError("invalid", "errors.invalid", fields);

  if (principal.kind === "kiosk" && principal.unitId !== unit.id) throw new ApiError("forbidden", "errors.otherUnit");
  if ((principal.kind === "token" || principal.kind === "user") && principal.unitId !== null && !(await services.catalog.inSubtree(principal.unitId, unit.id))) {
    throw new ApiError("forbidden", "errors.otherUnit");
  }

  return {
    response: {
      id: s.id.toLowerCase(),
      survey_id: version.surveyId,
      survey_version_id: version.id,
      unit_id: unit.id,
      service_id: service?.id ?? null,
      channel: s.channel,
      kiosk_id: principal.kind === "kiosk" ? principal.kioskId : null,
      dossier_hash: s.dossier ? services.hasher.hash("dossier", normalizeDossier(s.dossier)) : null,
      locale: s.locale,
      started_at: s.startedAt ?? null,
      submitted_at: new Date(submittedAt).toISOString(),
      submitted_date: date,
      received_at: now.toISOString(),
      content_hash: contentHash(body),
      answers_folded: foldAnswers(version.definition, answers),
    },
    answers: answerRows(s.id.toLowerCase(), answers),
    month: monthOf(date),
    cells: rollupCells(version.definition, version.indexModel, answers),
  };
}

export type IngestResult = { id: string; status: "created" | "duplicate" } | { id: string; error: ApiError };

function toResult(id: string, outcome: CommitOutcome): IngestResult {
  if (outcome.status !== "conflict") return { id, status: outcome.status };
  return { id, error: new ApiError("conflict", outcome.reason === "dossier" ? "errors.dossierRated" : "errors.idReused") };
}

export async function ingestOne(services: AppServices, body: unknown, principal: Principal): Promise<IngestResult> {
  const prepared = await prepareSubmission(services, body, principal);
  return toResult(prepared.response.id, await services.committer.submit(prepared));
}

/** Each item on its own: one bad item does not reject the others. All good ones share a commit. */
export async function ingestMany(services: AppServices, bodies: unknown[], principal: Principal): Promise<IngestResult[]> {
  const prepared = await Promise.all(
    bodies.map(async (body) => {
      try {
        return await prepareSubmission(services, body, principal);
      } catch (error) {
        if (error instanceof ApiError) return error;
        throw error;
      }
    }),
  );
  return Promise.all(
    prepared.map(async (p, i) => {
      if (p instanceof ApiError) {
        const rawId = (bodies[i] as { id?: unknown } | null)?.id;
        return { id: typeof rawId === "string" ? rawId : "", error: p };
      }
      return toResult(p.response.id, await services.committer.submit(p));
    }),
  );
}
