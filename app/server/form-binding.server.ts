import { findInvitation } from "../../db/queries/invitations";
import { takenDossiers } from "../../db/queries/responses";
import { getServiceByCode, unitOffersService } from "../../db/queries/services";
import { getUnitByCode } from "../../db/queries/units";
import { vnDate } from "~/metrics/periods";
import type { AppServices } from "./services.server";

/** Survey of a unit link when the link does not name one (`?phieu=`). */
export const DEFAULT_ONLINE_SURVEY = "sipas-2017";

/** A kind page instead of the form; the key picks its wording in form.json. */
export type NoticeKind =
  | "unitUnknown" | "unitClosed" | "serviceNotOffered" | "surveyUnavailable" | "invitationUnknown" | "invitationUsed"
  | "invitationExpired" | "dossierRated" | "tampered" | "versionRetired" | "rateLimited" | "invalid";

export const NOTICE_STATUS: Record<NoticeKind, number> = {
  unitUnknown: 404, unitClosed: 410, serviceNotOffered: 404, surveyUnavailable: 404, invitationUnknown: 404,
  invitationUsed: 410, invitationExpired: 410, dossierRated: 409, tampered: 400, versionRetired: 409, rateLimited: 429, invalid: 400,
};

export class FormNotice extends Error {
  constructor(readonly notice: NoticeKind, readonly restartUrl: string | null = null) {
    super(notice);
  }
}

/** What a form link is bound to. The browser never chooses these: they come from the link. */
export interface FormBinding {
  /** Signed into the form state, so a state cannot be replayed on another link. */
  key: string;
  slug: string;
  /** The path the steps post to (with `?phieu=` for unit links). */
  path: string;
  unit: { id: number; code: string; name: string };
  service: { id: number; code: string; name: string } | null;
  invitation: { id: number; dossierHash: string | null; expiresAt: string; usedAt: string | null } | null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,62}$/;

export async function bindUnitService(services: AppServices, unitCode: string, serviceCode: string, phieu: string | null, now = new Date()): Promise<FormBinding> {
  const unit = await getUnitByCode(services.db, unitCode);
  if (!unit) throw new FormNotice("unitUnknown");
  if (unit.valid_to && unit.valid_to <= vnDate(now)) throw new FormNotice("unitClosed");
  const unitPath = `/danh-gia/${encodeURIComponent(unit.code)}`;
  const service = await getServiceByCode(services.db, serviceCode);
  if (!service || !(await unitOffersService(services.db, unit.id, service.id))) throw new FormNotice("serviceNotOffered", unitPath);
  const slug = phieu && SLUG.test(phieu) ? phieu : DEFAULT_ONLINE_SURVEY;
  const query = slug === DEFAULT_ONLINE_SURVEY ? "" : `?phieu=${slug}`;
  return {
    key: `u:${unit.code}|s:${service.code}|p:${slug}`,
    slug,
    path: `${unitPath}/${encodeURIComponent(service.code)}${query}`,
    unit: { id: unit.id, code: unit.code, name: unit.name },
    service: { id: service.id, code: service.code, name: service.name },
    invitation: null,
  };
}

/**
 * An invitation link: unknown, used or expired ones get a kind page, never the form.
 * `sending` (the final post) lets a used invitation through: a resend of the same answers
 * must get the same thank-you, and the dossier's single rating is enforced by the insert.
 */
export async function bindInvitation(services: AppServices, token: string, sending = false, now = new Date()): Promise<FormBinding> {
  const row = token.length <= 100 ? await findInvitation(services.db, services.hasher.hash("invitation", token)) : undefined;
  if (!row) throw new FormNotice("invitationUnknown");
  if (row.used_at && !sending) throw new FormNotice("invitationUsed");
  if (!row.used_at && Date.parse(row.expires_at) <= now.getTime()) throw new FormNotice("invitationExpired");
  if (!sending && row.dossier_hash && (await takenDossiers(services.db, [{ surveyId: row.survey_id, dossierHash: row.dossier_hash }])).size) {
    throw new FormNotice("dossierRated");
  }
  return {
    key: `i:${row.id}`,
    slug: row.survey_slug,
    path: `/moi/${token}`,
    unit: { id: row.unit_id, code: row.unit_code, name: row.unit_name },
    service: row.service_id !== null && row.service_code && row.service_name ? { id: row.service_id, code: row.service_code, name: row.service_name } : null,
    invitation: { id: row.id, dossierHash: row.dossier_hash, expiresAt: row.expires_at, usedAt: row.used_at },
  };
}
