import { markInvitationUsed } from "../../db/queries/invitations";
import { sampleOfInvitation } from "../../db/queries/rounds";
import type { AppLocale } from "~/i18n/config";
import type { AnswerSet } from "~/survey/types";
import type { FieldError } from "~/survey/validate-answers";
import { ApiError } from "./api-error.server";
import { FormNotice, type FormBinding } from "./form-binding.server";
import type { FormState } from "./form-state.server";
import { prepareSubmission } from "./ingest.server";
import { throttle } from "./principal.server";
import type { AppServices } from "./services.server";

export type SendOutcome = { ok: true } | { ok: false; answerErrors: Record<string, FieldError> };

/**
 * Sends a finished online form through the same checks and idempotent group commit as the
 * API. The client id was fixed when the form was opened, so a double tap or a resend finds
 * the stored response and ends on the same thank-you page.
 */
export async function sendForm(
  services: AppServices,
  binding: FormBinding,
  state: FormState,
  answers: AnswerSet,
  locale: AppLocale,
  clientAddress: string,
  now = new Date(),
): Promise<SendOutcome> {
  try {
    throttle({ kind: "anonymous" }, services, clientAddress);
  } catch {
    throw new FormNotice("rateLimited");
  }
  const body = {
    id: state.id,
    survey: state.slug,
    version: state.version,
    unit: binding.unit.code,
    service: binding.service?.code ?? null,
    channel: "online",
    locale,
    startedAt: state.startedAt,
    answers,
  };
  let prepared;
  try {
    // Citizens are anonymous here, even when an official happens to be signed in.
    prepared = await prepareSubmission(services, body, { kind: "anonymous" }, now);
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    const fields = error.fields ?? {};
    const answerErrors = Object.fromEntries(
      Object.entries(fields).filter(([k]) => k.startsWith("answers.")).map(([k, v]) => [k.slice("answers.".length), v]),
    );
    if (fields.version || fields.survey) throw new FormNotice("versionRetired", binding.path);
    if (fields.unit) throw new FormNotice("unitClosed");
    if (fields.service) throw new FormNotice("serviceNotOffered");
    if (Object.keys(answerErrors).length) return { ok: false, answerErrors };
    throw new FormNotice("invalid", binding.path);
  }
  // The invitation holds the dossier only as its keyed hash: bind the response to it.
  if (binding.invitation) {
    prepared.response.dossier_hash = binding.invitation.dossierHash;
    // A survey round's letter link: the response joins the round with its insert.
    const sample = await sampleOfInvitation(services.db, binding.invitation.id);
    if (sample) prepared.roundSampleId = sample.id;
  }
  const outcome = await services.committer.submit(prepared);
  if (outcome.status === "conflict" && outcome.reason === "dossier") throw new FormNotice("dossierRated");
  // "changed": this client id is already stored with other answers (an edited resend);
  // the first answers stand and the citizen gets the same thank-you.
  if (binding.invitation && !binding.invitation.usedAt) await markInvitationUsed(services.db, binding.invitation.id, now.toISOString());
  return { ok: true };
}
