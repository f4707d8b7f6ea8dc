import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { ApiError, jsonResponse, readJsonBody } from "~/server/api-error.server";
import { handleApi, methodNotAllowed } from "~/server/api-route.server";
import { ingestOne } from "~/server/ingest.server";
import { ingestByCode } from "~/server/round-codes.server";
import { throttleResponses } from "~/server/principal.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async () => methodNotAllowed());
}

export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    const body = await readJsonBody(request);
    throttleResponses(principal, services, 1);
    // A survey round's short code (issue 11) decides unit, service and dossier itself.
    const byCode = body !== null && typeof body === "object" && "code" in body;
    const result = byCode ? await ingestByCode(services, body, principal, args.context.clientAddress) : await ingestOne(services, body, principal);
    if ("error" in result) throw result.error;
    return jsonResponse({ id: result.id, status: result.status }, result.status === "created" ? 201 : 200);
  });
}
