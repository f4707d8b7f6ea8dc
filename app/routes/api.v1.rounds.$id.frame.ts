import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiLocale } from "~/i18n/i18n.server";
import { ApiError, jsonResponse, readBodyBytes } from "~/server/api-error.server";
import { handleApi, methodNotAllowed } from "~/server/api-route.server";
import { FRAME_MAX_BYTES, importFrame } from "~/server/round-frame.server";
import { roundFor } from "~/server/rounds.server";
import { principalActor } from "~/server/principal.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async () => methodNotAllowed());
}

/** POST /api/v1/rounds/:id/frame — body text/csv or XLSX bytes; all or nothing. */
export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal, params }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    const { round, principal: p } = await roundFor(services.db, principal, params.id, true);
    const bytes = await readBodyBytes(request, FRAME_MAX_BYTES);
    const result = await importFrame(services, round, bytes, principalActor(p), apiLocale(request));
    return jsonResponse(result.body, result.ok ? 200 : 400);
  });
}
