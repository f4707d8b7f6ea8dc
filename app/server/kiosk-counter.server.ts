import { data } from "@remix-run/node";
import { ApiError } from "./api-error.server";
import { cancelBindings, currentBinding, pushBinding } from "./kiosk-binding.server";
import { actorOf, requireConsoleAction, requireConsoleUser } from "./console.server";
import { loadCounterKiosk } from "./kiosk-console.server";
import type { AppServices } from "./services.server";

// The paired counter page: the officer tells the kiosk who is next (dossier, service).

const ROUTE = "routes/quan-tri.may-danh-gia.$id.quay";

export async function loadCounterPage(services: AppServices, request: Request, id: string | undefined) {
  const user = await requireConsoleUser(services, request, ROUTE);
  const { kiosk, services: offered } = await loadCounterKiosk(services, user, id);
  const binding = await currentBinding(services, kiosk.id);
  return { kiosk, services: offered, binding: binding && { dossier: binding.dossier, service: binding.service, expiresAt: binding.expiresAt }, csrf: user.csrfToken };
}

export async function counterAction(services: AppServices, request: Request, id: string | undefined) {
  const { user, form } = await requireConsoleAction(services, request, ROUTE);
  const { kiosk } = await loadCounterKiosk(services, user, id);
  if (form.get("intent") === "cancel") {
    await cancelBindings(services, kiosk.id);
    return data({ ok: true as const });
  }
  try {
    await pushBinding(services, kiosk.id, { dossier: String(form.get("dossier") ?? ""), service: String(form.get("service") ?? "") }, {
      actor: actorOf(user),
      scopeUnitId: user.unitId,
    });
    return data({ ok: true as const });
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (error.code !== "invalid") throw new Response(error.code, { status: error.code === "not_found" ? 404 : 409 });
    const errors: Record<string, string> = {};
    for (const [field, e] of Object.entries(error.fields ?? {})) errors[field] = field === "dossier" ? "kiosk.counter.dossierInvalid" : e.key;
    return data({ errors }, { status: 400 });
  }
}
