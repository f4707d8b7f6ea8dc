import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiLocale } from "~/i18n/i18n.server";
import { handleApi } from "~/server/api-route.server";
import { reportDocumentResponse } from "~/server/report-document.server";
import { roundDocumentResponse } from "~/server/round-document.server";
import { assertCanReport, parseSummaryQuery } from "~/server/report.server";

// The report document (NĐ 30/2020 form) as PDF: same parameters and rights as
// /api/v1/reports/summary (API tokens or the session cookie); with `round=` (and `weighting=`)
// the survey round's document, from the round's summary.
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    const params = new URL(request.url).searchParams;
    if (params.has("round")) return roundDocumentResponse(services.db, params, principal, apiLocale(request), "pdf");
    assertCanReport(principal);
    const query = parseSummaryQuery(params);
    return reportDocumentResponse(services.db, query, { unitId: principal.unitId }, apiLocale(request), "pdf");
  });
}
