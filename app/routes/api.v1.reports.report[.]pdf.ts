import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiLocale } from "~/i18n/i18n.server";
import { handleApi } from "~/server/api-route.server";
import { reportDocumentResponse } from "~/server/report-document.server";
import { assertCanReport, parseSummaryQuery } from "~/server/report.server";

// The report document (NĐ 30/2020 form) as PDF: same parameters and rights as
// /api/v1/reports/summary (API tokens or the session cookie). A survey round (`round=`) joins
// the summary's parameters with the rounds work, and then reaches this route unchanged.
export async function loader(args: LoaderFunctionArgs) {
  return handleApi(args, async ({ request, services, principal }) => {
    assertCanReport(principal);
    const query = parseSummaryQuery(new URL(request.url).searchParams);
    return reportDocumentResponse(services.db, query, { unitId: principal.unitId }, apiLocale(request), "pdf");
  });
}
