import { z } from "zod";
import { insertInvitation } from "../../db/queries/invitations";
import { takenDossiers } from "../../db/queries/responses";
import { getServiceByCode, unitOffersService } from "../../db/queries/services";
import { getUnitByCode, isInSubtree } from "../../db/queries/units";
import { vnDate } from "~/metrics/periods";
import type { FieldError } from "~/survey/validate-answers";
import { ApiError, zodFields } from "./api-error.server";
import { normalizeDossier } from "./ingest.server";
import { hasRole, type Principal } from "./principal.server";
import { newToken } from "./secrets.server";
import type { AppServices } from "./services.server";
import { loadPublishedVersion } from "./survey-versions.server";
import { qrSvg } from "./qr.server";

/** Who may hand out invitations: the one-stop system's token, or a manager of the unit. */
export const INVITATION_ROLES = ["admin", "unit-manager"] as const;
export const DEFAULT_INVITATION_DAYS = 30;
const MAX_INVITATION_DAYS = 366;
const DAY_MS = 24 * 3600 * 1000;

export const invitationSchema = z.strictObject({
  survey: z.string().trim().min(1).max(64),
  unit: z.string().trim().min(1).max(64),
  service: z.string().trim().min(1).max(64),
  dossier: z.string().trim().min(1).max(100),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export interface CreatedInvitation {
  token: string;
  url: string;
  qrSvg: string;
  expiresAt: string;
}

/** The absolute base for links printed on receipts: PUBLIC_URL, else the request's own origin. */
export function publicBase(services: AppServices, request: Request): string {
  return (services.env.PUBLIC_URL ?? new URL(request.url).origin).replace(/\/+$/, "");
}

export async function createInvitation(
  services: AppServices,
  request: Request,
  principal: Principal,
  body: unknown,
  now = new Date(),
): Promise<CreatedInvitation> {
  if (principal.kind === "anonymous") throw new ApiError("unauthorized", "errors.unauthorized");
  if (!hasRole(principal, INVITATION_ROLES)) throw new ApiError("forbidden", "errors.forbidden");
  const parsed = invitationSchema.safeParse(body);
  if (!parsed.success) throw new ApiError("invalid", "errors.invalid", zodFields(parsed.error.issues));
  const input = parsed.data;

  const fields: Record<string, FieldError> = {};
  const version = await loadPublishedVersion(services.db, input.survey);
  if (!version) fields.survey = { key: "validation.surveyNotPublished" };
  const unit = await getUnitByCode(services.db, input.unit);
  if (!unit) fields.unit = { key: "validation.unknownUnit" };
  else if (unit.valid_to && unit.valid_to <= vnDate(now.toISOString())) fields.unit = { key: "validation.unitClosed" };
  const service = await getServiceByCode(services.db, input.service);
  if (!service) fields.service = { key: "validation.unknownService" };
  else if (unit && !(await unitOffersService(services.db, unit.id, service.id))) fields.service = { key: "validation.serviceNotOffered" };
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : new Date(now.getTime() + DEFAULT_INVITATION_DAYS * DAY_MS);
  if (expiresAt.getTime() <= now.getTime()) fields.expiresAt = { key: "form.api.expiresPast" };
  else if (expiresAt.getTime() > now.getTime() + MAX_INVITATION_DAYS * DAY_MS) fields.expiresAt = { key: "form.api.expiresTooFar" };
  if (Object.keys(fields).length || !version || !unit || !service) throw new ApiError("invalid", "errors.invalid", fields);

  if (principal.unitId !== null && !(await isInSubtree(services.db, principal.unitId, unit.id))) {
    throw new ApiError("forbidden", "errors.otherUnit");
  }
  const dossierHash = services.hasher.hash("dossier", normalizeDossier(input.dossier));
  const taken = await takenDossiers(services.db, [{ surveyId: version.surveyId, dossierHash }]);
  if (taken.size) throw new ApiError("conflict", "errors.dossierRated");

  const token = newToken("hli");
  await insertInvitation(
    services.db,
    {
      tokenHash: services.hasher.hash("invitation", token),
      surveyId: version.surveyId,
      unitId: unit.id,
      serviceId: service.id,
      dossierHash,
      expiresAt: expiresAt.toISOString(),
    },
    now.toISOString(),
  );
  const url = `${publicBase(services, request)}/moi/${token}`;
  return { token, url, qrSvg: await qrSvg(url), expiresAt: expiresAt.toISOString() };
}
