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

export const meta: MetaFunction = () => [{ title: "Thủ tục hành chính — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/reports.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return reportPage(context.services, request, { previous: true });
}

export default function ReportServices() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const services = data.summary.services;
  return (
    <section className="report">
      <h1>{t("reports.tabs.services")}</h1>
      <ReportTabs />
      <ReportFilters data={data} />
      <ReportHeadline data={data} />
      <h2>{t("reports.services")}</h2>
      {services.length ? (
        <>
          <ReportChart spec={indexBars(t("reports.services"), services.map((u) => ({ label: u.code, index: u.index })), t("reports.index"))} />
          <RankingTable rows={services} change={data.change.services} drill="service" caption={t("reports.tableOf", { what: t("reports.services") })} />
        </>
      ) : (
        <p>{t("reports.noServices")}</p>
      )}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
