import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, jsonResponse, readJsonBody } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";
import { createRound, roundsOf } from "~/server/rounds.server";

/** GET /api/v1/rounds — the rounds of the caller's subtree. */
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ services, principal }) => jsonResponse({ rounds: await roundsOf(services.db, principal) }));
}

/** POST /api/v1/rounds — a new round in draft (README "Run the annual SIPAS survey"). */
export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    return jsonResponse(await createRound(services, principal, await readJsonBody(request)), 201);
  });
}
