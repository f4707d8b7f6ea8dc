import { getKiosk, reportQueue } from "../../db/queries/kiosks";
import { servicesOfUnit } from "../../db/queries/services";
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

  const offered = await servicesOfUnit(services.db, kiosk.unit_id);
  const fixed = kiosk.service_id === null ? null : offered.find((s) => s.id === kiosk.service_id)?.code ?? null;
  return {
    kiosk: { id: kiosk.id, name: kiosk.name, counter: kiosk.counter },
    unit: { code: kiosk.unit_code, name: kiosk.unit_name },
    survey: { slug: version.slug, version: version.version, definition: version.definition },
    services: offered.map((s) => ({ code: s.code, name: s.name })),
    service: fixed,
    binding: await currentBinding(services, kiosk.id),
    pollSeconds: KIOSK_POLL_SECONDS,
    serverTime: new Date().toISOString(),
  };
}
