import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonResponse } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";
import { roundFor, roundProgress } from "~/server/rounds.server";

/** GET /api/v1/rounds/:id/progress — per stratum N, n, drawn, invited, responded, rate. */
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ services, principal, params }) => {
    const { round } = await roundFor(services.db, principal, params.id, false);
    return jsonResponse(await roundProgress(services.db, round));
  });
}
