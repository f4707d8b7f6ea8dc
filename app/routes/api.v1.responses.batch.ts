import type { ActionFunctionArgs } from "@remix-run/node";
import { apiLocale, translator } from "~/i18n/i18n.server";
import { ApiError, errorBody, jsonResponse, readJsonBody } from "~/server/api-error.server";
import { BATCH_LIMIT } from "~/server/api-contract.server";
import { handleApi } from "~/server/api-route.server";
import { ingestMany } from "~/server/ingest.server";

/** 500 responses of up to 64 KiB would be 32 MiB; real kiosk batches are far smaller. */
const BATCH_BODY_LIMIT = 4 * 1024 * 1024;

export async function action(args: ActionFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    if (request.method !== "POST") throw new ApiError("not_found", "errors.notFound");
    const body = (await readJsonBody(request, BATCH_BODY_LIMIT)) as { responses?: unknown } | null;
    const list = body && typeof body === "object" ? body.responses : undefined;
    if (!Array.isArray(list) || list.length === 0 || list.length > BATCH_LIMIT) {
      throw new ApiError("invalid", "errors.invalid", { responses: { key: "validation.batchSize", params: { max: BATCH_LIMIT } } });
    }
    const oversized = list.findIndex((item) => JSON.stringify(item ?? null).length > 64 * 1024);
    if (oversized >= 0) throw new ApiError("too_large", "errors.tooLarge");
    const t = translator(apiLocale(request));
    const results = await ingestMany(services, list, principal);
    return jsonResponse({
      results: results.map((r) => ("error" in r ? { id: r.id, error: errorBody(r.error, t) } : { id: r.id, status: r.status })),
    });
  });
}
