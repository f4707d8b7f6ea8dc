import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, jsonResponse, readJsonBody } from "~/server/api-error.server";
import { handleApi, methodNotAllowed } from "~/server/api-route.server";
import { FEDERATION_BODY_LIMIT, receiveSnapshot } from "~/server/federation.server";

// POST /api/v1/federation/snapshots — a province's roll-up snapshot (federation token only).

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async () => methodNotAllowed());
}

export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    if (principal.kind !== "federation") throw new ApiError(principal.kind === "anonymous" ? "unauthorized" : "forbidden", "errors.forbidden");
    const stored = await receiveSnapshot(services, await readJsonBody(request, FEDERATION_BODY_LIMIT), principal);
    return jsonResponse({ status: "stored", cells: stored });
  });
}
