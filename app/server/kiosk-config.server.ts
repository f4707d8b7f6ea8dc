import { getKiosk, reportQueue } from "../../db/queries/kiosks";
import { serviceUseAtUnit, servicesOfUnit } from "../../db/queries/services";
import type { Db } from "../../db/index";
import { orderByUse } from "~/kiosk/service-pages";
import { ApiError } from "./api-error.server";
import { cancelBindings, currentBinding } from "./kiosk-binding.server";
import { DEFAULT_KIOSK_SURVEY } from "./kiosks.server";
import type { Principal } from "./principal.server";
import type { AppServices } from "./services.server";
import { loadPublishedVersion } from "./survey-versions.server";
import type { KioskConfigView } from "~/kiosk/types";

/** How often the device polls (seconds): a pushed binding shows up within this delay. */
export const KIOSK_POLL_SECONDS = 4;

/** The device's view (app/kiosk/types.ts), plus the server's clock. */
export type KioskConfig = KioskConfigView & { serverTime: string };

/** Use changes slowly and the device polls every few seconds: count it every ten minutes. */
const USE_TTL_MS = 10 * 60_000;
const useCache = new WeakMap<Db, Map<number, { at: number; uses: Promise<Map<number, number>> }>>();

function recentUse(db: Db, unitId: number): Promise<Map<number, number>> {
  const byUnit = useCache.get(db) ?? new Map<number, { at: number; uses: Promise<Map<number, number>> }>();
  useCache.set(db, byUnit);
  const hit = byUnit.get(unitId);
  if (hit && Date.now() - hit.at < USE_TTL_MS) return hit.uses;
  const since = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 7);
  const uses = serviceUseAtUnit(db, unitId, since);
  byUnit.set(unitId, { at: Date.now(), uses });
  uses.catch(() => byUnit.delete(unitId));
  return uses;
}

function headerInt(request: Request, name: string, max: number): number | null {
  const raw = request.headers.get(name);
  if (raw === null || !/^\d{1,9}$/.test(raw.trim())) return null;
  const n = Number(raw);
  return n <= max ? n : null;
}

/**
 * The device's configuration, read on every poll. The poll also carries the device's
 * state: `X-Kiosk-Queue` (responses waiting on the device) and `X-Kiosk-Binding-Done`
 * (the binding its last rating used, now spent).
 */
export async function kioskConfig(services: AppServices, principal: Principal, request: Request): Promise<KioskConfig> {
  if (principal.kind !== "kiosk") throw new ApiError("unauthorized", "errors.kioskTokenRequired");
  const kiosk = await getKiosk(services.db, principal.kioskId);
  if (!kiosk) throw new ApiError("unauthorized", "errors.unauthorized");

  const queued = headerInt(request, "x-kiosk-queue", 10_000_000);
  if (queued !== null) await reportQueue(services.db, kiosk.id, queued);
  const done = headerInt(request, "x-kiosk-binding-done", 2_000_000_000);
  if (done !== null) await cancelBindings(services, kiosk.id, done);

  const version = await loadPublishedVersion(services.db, kiosk.survey_slug ?? DEFAULT_KIOSK_SURVEY);
  if (!version) throw new ApiError("not_found", "kiosk.errors.noSurvey");

  const [offered, uses] = await Promise.all([servicesOfUnit(services.db, kiosk.unit_id), recentUse(services.db, kiosk.unit_id)]);
  const fixed = kiosk.service_id === null ? null : offered.find((s) => s.id === kiosk.service_id)?.code ?? null;
  return {
    kiosk: { id: kiosk.id, name: kiosk.name, counter: kiosk.counter },
    unit: { code: kiosk.unit_code, name: kiosk.unit_name },
    survey: { slug: version.slug, version: version.version, definition: version.definition },
    // Most used here in the last year first, so the kiosk's first page holds what people came for.
    services: orderByUse(offered.map((s) => ({ code: s.code, name: s.name, field: s.field, uses: uses.get(s.id) ?? 0 }))),
    service: fixed,
    binding: await currentBinding(services, kiosk.id),
    pollSeconds: KIOSK_POLL_SECONDS,
    serverTime: new Date().toISOString(),
  };
}
