import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { z } from "zod";
import { closeBindings, getKiosk, insertBinding, pendingBinding } from "../../db/queries/kiosks";
import { getServiceByCode, unitOffersService } from "../../db/queries/services";
import { isInSubtree } from "../../db/queries/units";
import { ApiError, zodFields } from "./api-error.server";
import type { KioskConfigView } from "~/kiosk/types";
import type { FieldError } from "~/survey/validate-answers";
import type { AppServices } from "./services.server";

// A pending binding must give the kiosk the dossier code itself (it is sent as `dossier`
// with the rating, docs/api.md), so it cannot be a one-way hash like everything else. It is
// sealed with AES-256-GCM under a key derived from SECRET_KEY and erased once done.

export const BINDING_DEFAULT_MINUTES = 15;

function sealKey(services: AppServices): Buffer {
  return Buffer.from(services.hasher.hash("token", "\u0000kiosk-binding-seal-key"), "base64url");
}

export function sealDossier(services: AppServices, dossier: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealKey(services), iv);
  const body = Buffer.concat([cipher.update(dossier, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

export function unsealDossier(services: AppServices, sealed: string): string | null {
  try {
    const [iv, tag, body] = sealed.split(".").map((p) => Buffer.from(p, "base64url"));
    const decipher = createDecipheriv("aes-256-gcm", sealKey(services), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    return null; // another SECRET_KEY: the binding is simply not offered
  }
}

export const bindingSchema = z.strictObject({
  dossier: z.string().trim().min(1).max(100),
  service: z.string().trim().max(64).nullish().transform((v) => v || null),
  expiresInMinutes: z.coerce.number().int().min(1).max(240).optional(),
});

/** A pending binding as the device receives it. */
export type BindingView = NonNullable<KioskConfigView["binding"]>;

/**
 * Stores "next citizen: dossier X, service Y" for a kiosk the caller may manage
 * (`scopeUnitId` null = whole tree). Replaces any earlier pending binding.
 * Throws ApiError (404 out of scope, 400 with fields).
 */
export async function pushBinding(
  services: AppServices,
  kioskId: number,
  body: unknown,
  opts: { actor: string; scopeUnitId: number | null },
): Promise<BindingView> {
  const kiosk = await getKiosk(services.db, kioskId);
  if (!kiosk || (opts.scopeUnitId !== null && !(await isInSubtree(services.db, opts.scopeUnitId, kiosk.unit_id)))) {
    throw new ApiError("not_found", "errors.notFound");
  }
  if (kiosk.status !== "active") throw new ApiError("conflict", "kiosk.errors.revoked");
  const parsed = bindingSchema.safeParse(body);
  if (!parsed.success) throw new ApiError("invalid", "errors.invalid", zodFields(parsed.error.issues));
  const { dossier, service: serviceCode, expiresInMinutes } = parsed.data;
  let serviceId: number | null = null;
  if (serviceCode) {
    const service = await getServiceByCode(services.db, serviceCode);
    const fields: Record<string, FieldError> = {};
    if (!service) fields.service = { key: "validation.unknownService" };
    else if (!(await unitOffersService(services.db, kiosk.unit_id, service.id))) fields.service = { key: "validation.serviceNotOffered" };
    if (!service || fields.service) throw new ApiError("invalid", "errors.invalid", fields);
    serviceId = service.id;
  }
  const now = new Date();
  const expiresAt = new Date(now.getTime() + (expiresInMinutes ?? BINDING_DEFAULT_MINUTES) * 60_000).toISOString();
  await services.db.transaction().execute((trx) =>
    insertBinding(trx, { kioskId, dossierSealed: sealDossier(services, dossier), serviceId, createdBy: opts.actor, expiresAt }, now.toISOString()),
  );
  const view = await currentBinding(services, kioskId);
  if (!view) throw new ApiError("internal", "errors.internal");
  return view;
}

export async function currentBinding(services: AppServices, kioskId: number): Promise<BindingView | null> {
  const row = await pendingBinding(services.db, kioskId, new Date().toISOString());
  const dossier = row?.dossier_sealed ? unsealDossier(services, row.dossier_sealed) : null;
  if (!row || !dossier) return null;
  return { id: row.id, dossier, service: row.service_code, serviceName: row.service_name, expiresAt: row.expires_at };
}

export function cancelBindings(services: AppServices, kioskId: number, bindingId?: number): Promise<void> {
  return closeBindings(services.db, kioskId, new Date().toISOString(), bindingId);
}
