import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, jsonResponse, readJsonBody } from "~/server/api-error.server";
import { handleApi, methodNotAllowed } from "~/server/api-route.server";
import { pushBinding } from "~/server/kiosk-binding.server";
import { hasRole, principalActor } from "~/server/principal.server";
import { KIOSK_ADMIN_ROLES } from "~/server/kiosk-access.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async () => methodNotAllowed());
}

/** POST /api/v1/kiosks/:id/next — "next citizen: dossier X, service Y" for that kiosk (README.md). */
export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal, params }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    if (principal.kind === "anonymous" || principal.kind === "kiosk") throw new ApiError("unauthorized", "errors.apiTokenRequired");
    if (!hasRole(principal, KIOSK_ADMIN_ROLES)) throw new ApiError("forbidden", "errors.forbidden");
    const id = Number(params.id);
    if (!Number.isSafeInteger(id) || id <= 0) throw new ApiError("not_found", "errors.notFound");
    const actor = principalActor(principal);
    const binding = await pushBinding(services, id, await readJsonBody(request), { actor, scopeUnitId: principal.unitId });
    return jsonResponse({ binding: { id: binding.id, kiosk: id, service: binding.service, expiresAt: binding.expiresAt } }, 201);
  });
}
