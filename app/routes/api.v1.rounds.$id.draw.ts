import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, jsonResponse } from "~/server/api-error.server";
import { handleApi, methodNotAllowed } from "~/server/api-route.server";
import { drawRound } from "~/server/round-draw.server";
import { roundFor } from "~/server/rounds.server";
import { principalActor } from "~/server/principal.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async () => methodNotAllowed());
}

/** POST /api/v1/rounds/:id/draw — the seeded stratified draw; again → 409. */
export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal, params }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    const { round, principal: p } = await roundFor(services.db, principal, params.id, true);
    return jsonResponse(await drawRound(services, round, principalActor(p)));
  });
}
