import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { indexBars } from "~/components/reports/chart-data";
import { RankingTable } from "~/components/reports/ranking-table";
import { ReportChart } from "~/components/reports/report-chart";
import { ReportHeadline } from "~/components/reports/report-bits";
import { ReportFilters, ReportTabs } from "~/components/reports/report-filters";
import { reportPage } from "~/server/report-page.server";

export const meta: MetaFunction = () => [{ title: "Xếp hạng đơn vị — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/reports.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return reportPage(context.services, request, { previous: true });
}

export default function ReportUnits() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const units = data.summary.units;
  return (
    <section className="report">
      <h1>{t("reports.unitsTitle", { unit: data.summary.scope.unit })}</h1>
      <ReportTabs />
      <ReportFilters data={data} />
      <ReportHeadline data={data} />
      <h2>{t("reports.units")}</h2>
      {units.length ? (
        <>
          <ReportChart spec={indexBars(t("reports.units"), units.map((u) => ({ label: u.name, index: u.index })), t("reports.index"))} />
          <RankingTable rows={units} change={data.change.units} drill="unit" caption={t("reports.tableOf", { what: t("reports.units") })} />
        </>
      ) : (
        <p>{t("reports.noChildren")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
