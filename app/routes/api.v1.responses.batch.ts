import type { ActionFunctionArgs } from "@remix-run/node";
import { apiLocale, translator } from "~/i18n/i18n.server";
import { ApiError, BATCH_BODY_LIMIT, errorBody, jsonResponse, readJsonBody } from "~/server/api-error.server";
import { BATCH_LIMIT } from "~/server/api-contract.server";
import { handleApi } from "~/server/api-route.server";
import { ingestMany } from "~/server/ingest.server";
import { throttleResponses } from "~/server/principal.server";
import { assertMayBatch } from "~/server/submission-channel.server";


export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    assertMayBatch(principal);
    const body = (await readJsonBody(request, BATCH_BODY_LIMIT)) as { responses?: unknown } | null;
    const list = body && typeof body === "object" ? body.responses : undefined;
    if (!Array.isArray(list) || list.length === 0 || list.length > BATCH_LIMIT) {
      throw new ApiError("invalid", "errors.invalid", { responses: { key: "validation.batchSize", params: { max: BATCH_LIMIT } } });
    }
    if (list.some((item) => encodedLength(item) > 64 * 1024)) throw new ApiError("too_large", "errors.tooLarge");
    throttleResponses(principal, services, list.length);
    const t = translator(apiLocale(request));
    const results = await ingestMany(services, list, principal);
    return jsonResponse({
      results: results.map((r) => ("error" in r ? { id: r.id, error: errorBody(r.error, t) } : { id: r.id, status: r.status })),
    });
  });
}

/** An item's JSON size; nesting deep enough to overflow the stack is no response at all (400). */
function encodedLength(item: unknown): number {
  try {
    return JSON.stringify(item ?? null).length;
  } catch {
    throw new ApiError("invalid", "errors.invalid");
  }
}
