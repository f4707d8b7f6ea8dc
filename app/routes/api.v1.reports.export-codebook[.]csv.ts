import type { LoaderFunctionArgs } from "@remix-run/node";
import { handleApi } from "~/server/api-route.server";
import { codebookExport } from "~/server/export.server";
import { assertCanReport, parseSummaryQuery } from "~/server/report.server";

// Same parameters and rights as /api/v1/reports/summary (API tokens or the session cookie).
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    assertCanReport(principal);
    const query = parseSummaryQuery(new URL(request.url).searchParams);
    return codebookExport(await services.reads(), query, { unitId: principal.unitId });
  });
}
