import { data } from "@remix-run/node";
import { getKiosk, listKiosks } from "../../db/queries/kiosks";
import { servicesOfUnit } from "../../db/queries/services";
import { listPublished } from "../../db/queries/surveys";
import { isInSubtree, listUnits, subtreeIds } from "../../db/queries/units";
import { KIOSK_ADMIN_ROLES } from "./kiosk-access.server";
import { publicBase, registerKiosk, revokeKioskAudited, type FieldErrors } from "./kiosks.server";
import type { AppServices } from "./services.server";
import { assertCsrf, requireUser, type SessionUser } from "./session.server";
import { qrSvg } from "./qr.server";

// The console's kiosk pages: what they load and what their forms do. Routes stay thin.

export async function requireKioskAdmin(services: AppServices, request: Request): Promise<SessionUser> {
  return requireUser(services, request, KIOSK_ADMIN_ROLES);
}

export async function loadKioskList(services: AppServices, user: SessionUser) {
  const scope = user.unitId === null ? null : await subtreeIds(services.db, user.unitId);
  const units = (await listUnits(services.db)).filter((u) => !u.valid_to && (scope === null || scope.includes(u.id)));
  const surveys = new Map<string, { slug: string; title: { vi: string; en: string } }>();
  for (const s of await listPublished(services.db)) surveys.set(s.slug, { slug: s.slug, title: { vi: s.title_vi, en: s.title_en } });
  return {
    csrf: user.csrfToken,
    kiosks: await listKiosks(services.db, scope),
    units: units.map((u) => ({ code: u.code, name: u.name })),
    surveys: [...surveys.values()],
  };
}

export type KioskListAction =
  | { intent: "register"; created: { kioskId: number; setupUrl: string; setupQr: string; expiresAt: string } }
  | { intent: "register"; errors: FieldErrors; values: Record<string, string> }
  | { intent: "revoke"; revoked: number };

export async function kioskListAction(services: AppServices, request: Request) {
  const user = await requireKioskAdmin(services, request);
  const form = await request.formData();
  assertCsrf(request, user, form);
  const field = (name: string) => String(form.get(name) ?? "");
  const actor = `user:${user.username}`;
  if (field("intent") === "revoke") {
    const id = Number(field("kiosk"));
    const done = Number.isSafeInteger(id) && (await revokeKioskAudited(services, id, { actor, scopeUnitId: user.unitId }));
    if (!done) throw new Response("Not Found", { status: 404 });
    return data<KioskListAction>({ intent: "revoke", revoked: id });
  }
  const values = { unit: field("unit"), counter: field("counter"), survey: field("survey") };
  const result = await registerKiosk(services, values, { actor, baseUrl: publicBase(services, request), scopeUnitId: user.unitId });
  if (!result.ok) return data<KioskListAction>({ intent: "register", errors: result.errors, values }, { status: 400 });
  const { kioskId, setupUrl, expiresAt } = result.kiosk;
  // The set-up link as a QR code too: the tablet's camera opens it, nobody types it.
  return data<KioskListAction>({ intent: "register", created: { kioskId, setupUrl, setupQr: await qrSvg(setupUrl), expiresAt } }, { headers: { "Cache-Control": "no-store" } });
}

/** A kiosk of the user's subtree, with its unit's services, for the counter page; 404 otherwise. */
export async function loadCounterKiosk(services: AppServices, user: SessionUser, rawId: string | undefined) {
  const id = Number(rawId);
  const kiosk = Number.isSafeInteger(id) ? await getKiosk(services.db, id) : undefined;
  if (!kiosk || (user.unitId !== null && !(await isInSubtree(services.db, user.unitId, kiosk.unit_id)))) {
    throw new Response("Not Found", { status: 404 });
  }
  const offered = await servicesOfUnit(services.db, kiosk.unit_id);
  return { kiosk, services: offered.map((s) => ({ code: s.code, name: s.name })) };
}
