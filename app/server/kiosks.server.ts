import { z } from "zod";
import { appendAudit, insertKiosk } from "../../db/queries/credentials";
import { findKioskBySetup, getKiosk, redeemSetup, revokeKiosk } from "../../db/queries/kiosks";
import { getSurveyBySlug, getPublishedVersion } from "../../db/queries/surveys";
import { getUnitByCode, isInSubtree } from "../../db/queries/units";
import { newToken } from "./secrets.server";
import type { AppServices } from "./services.server";

/** A set-up link lives a week: long enough to reach the counter, short enough to go stale. */
export const SETUP_DAYS = 7;
export const DEFAULT_KIOSK_SURVEY = "nhanh";

export const registerKioskSchema = z.object({
  unit: z.string().trim().min(1, "kiosk.errors.unitRequired").max(64),
  counter: z.string().trim().max(60, "kiosk.errors.counterTooLong").optional().transform((v) => v || null),
  survey: z.string().trim().max(64).optional().transform((v) => v || DEFAULT_KIOSK_SURVEY),
});
export type RegisterKioskInput = z.input<typeof registerKioskSchema>;

export type FieldErrors = Partial<Record<"unit" | "counter" | "survey", string>>;

export interface RegisteredKiosk {
  kioskId: number;
  /** Absolute one-time set-up URL to open on the device. */
  setupUrl: string;
  expiresAt: string;
  /** The device token, for devices set up by hand (CLI). Redeeming the set-up URL replaces it. */
  token: string;
}

export function setupUrlFor(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/kiosk/setup/${code}`;
}

/** PUBLIC_URL when set, else the origin the request came in on. */
export function publicBase(services: Pick<AppServices, "env">, request?: Request): string {
  return services.env.PUBLIC_URL ?? (request ? new URL(request.url).origin : `http://localhost:${services.env.PORT}`);
}

/**
 * Registers a kiosk and its one-time set-up code, with the audit row, in one transaction.
 * `scopeUnitId` (the caller's subtree root; null = whole tree) is checked against the unit.
 * Shared by the console page and the CLI's `create-kiosk`:
 *   registerKiosk({ db, hasher }, { unit, counter, survey }, { actor: "cli", baseUrl: publicBase({ env }), scopeUnitId: null })
 */
export async function registerKiosk(
  services: Pick<AppServices, "db" | "hasher">,
  raw: RegisterKioskInput,
  opts: { actor: string; baseUrl: string; scopeUnitId: number | null },
): Promise<{ ok: true; kiosk: RegisteredKiosk } | { ok: false; errors: FieldErrors }> {
  const parsed = registerKioskSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: FieldErrors = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as keyof FieldErrors;
      errors[field] ??= issue.message.startsWith("kiosk.") ? issue.message : "kiosk.errors.invalid";
    }
    return { ok: false, errors };
  }
  const input = parsed.data;
  const { db, hasher } = services;
  const unit = await getUnitByCode(db, input.unit);
  const errors: FieldErrors = {};
  if (!unit || (opts.scopeUnitId !== null && !(await isInSubtree(db, opts.scopeUnitId, unit.id)))) errors.unit = "kiosk.errors.unitUnknown";
  const survey = await getSurveyBySlug(db, input.survey);
  if (!survey || !(await getPublishedVersion(db, input.survey))) errors.survey = "kiosk.errors.surveyUnknown";
  if (!unit || !survey || Object.keys(errors).length) return { ok: false, errors };

  const token = newToken("hlk");
  const code = newToken("hls");
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SETUP_DAYS * 86_400_000).toISOString();
  const name = input.counter ? `${unit.code} · ${input.counter}` : unit.code;
  const kioskId = await db.transaction().execute(async (trx) => {
    const id = await insertKiosk(
      trx,
      { unitId: unit.id, counter: input.counter, name, tokenHash: hasher.hash("token", token), setupHash: hasher.hash("token", code), setupExpiresAt: expiresAt, surveyId: survey.id },
      now.toISOString(),
    );
    await appendAudit(trx, { actor: opts.actor, action: "register", entity: "kiosk", entityId: String(id), after: { unit: unit.code, counter: input.counter, survey: survey.slug } }, now.toISOString());
    return id;
  });
  return { ok: true, kiosk: { kioskId, setupUrl: setupUrlFor(opts.baseUrl, code), expiresAt, token } };
}

/** What the set-up page shows before the device confirms; undefined when the code is dead. */
export function describeSetup(services: AppServices, code: string) {
  return findKioskBySetup(services.db, services.hasher.hash("token", code), new Date().toISOString());
}

/** Spends a set-up code once and returns the device's new bearer token, or null if the code is dead. */
export async function redeemSetupCode(services: AppServices, code: string): Promise<string | null> {
  const token = newToken("hlk");
  const id = await redeemSetup(services.db, services.hasher.hash("token", code), services.hasher.hash("token", token), new Date().toISOString());
  return id === null ? null : token;
}

/** Revokes a kiosk of the caller's subtree, audited; false when not found, out of scope or already revoked. */
export async function revokeKioskAudited(services: AppServices, kioskId: number, opts: { actor: string; scopeUnitId: number | null }): Promise<boolean> {
  const kiosk = await getKiosk(services.db, kioskId);
  if (!kiosk || kiosk.status !== "active") return false;
  if (opts.scopeUnitId !== null && !(await isInSubtree(services.db, opts.scopeUnitId, kiosk.unit_id))) return false;
  const now = new Date().toISOString();
  return services.db.transaction().execute(async (trx) => {
    if (!(await revokeKiosk(trx, kioskId, now))) return false;
    await appendAudit(trx, { actor: opts.actor, action: "revoke", entity: "kiosk", entityId: String(kioskId), before: { status: "active" }, after: { status: "revoked" } }, now);
    return true;
  });
}
