import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonResponse } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";
import { assertCanReport, buildSummary, parseSummaryQuery } from "~/server/report.server";
import { buildRoundSummary } from "~/server/round-summary.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    const params = new URL(request.url).searchParams;
    // A survey round's own, design-weighted figures (issue 11).
    if (params.has("round")) return jsonResponse(await buildRoundSummary(services.db, params, principal));
    assertCanReport(principal);
    const query = parseSummaryQuery(new URL(request.url).searchParams);
    return jsonResponse(await buildSummary(await services.reads(), query, { unitId: principal.unitId }));
  });
}
