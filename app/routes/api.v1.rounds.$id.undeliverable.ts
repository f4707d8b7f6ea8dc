import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { markUndeliverable } from "../../db/queries/rounds";
import { ApiError, jsonResponse, readJsonBody, zodFields } from "~/server/api-error.server";
import { handleApi, methodNotAllowed } from "~/server/api-route.server";
import { normalizeRoundCode, roundCodeHash } from "~/server/round-codes.server";
import { undeliverableSchema } from "~/server/round-schemas.server";
import { assertDrawn, roundFor } from "~/server/rounds.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async () => methodNotAllowed());
}

/** POST /api/v1/rounds/:id/undeliverable `{ codes }` — letters returned by VNPost, bounced e-mail. */
export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal, params }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    const { round } = await roundFor(services.db, principal, params.id, true);
    assertDrawn(round);
    const parsed = undeliverableSchema.safeParse(await readJsonBody(request, 4 * 1024 * 1024));
    if (!parsed.success) throw new ApiError("invalid", "errors.invalid", zodFields(parsed.error.issues));
    const hashes = parsed.data.codes.map((c) => roundCodeHash(services, normalizeRoundCode(c)));
    return jsonResponse({ marked: await markUndeliverable(services.db, round.id, hashes, new Date().toISOString()) });
  });
}
