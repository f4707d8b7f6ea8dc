import type { LoaderFunctionArgs } from "@remix-run/node";
import { jsonResponse } from "~/server/api-error.server";
import { handleApi } from "~/server/api-route.server";
import { assertCanReport, buildSummary, parseSummaryQuery } from "~/server/report.server";

export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    assertCanReport(principal);
    const query = parseSummaryQuery(new URL(request.url).searchParams);
    return jsonResponse(await buildSummary(await services.reads(), query, { unitId: principal.unitId }));
  });
}
