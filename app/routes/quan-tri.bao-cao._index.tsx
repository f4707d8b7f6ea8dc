import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { indexBars, trendLine } from "~/components/reports/chart-data";
import { CounterSection } from "~/components/reports/counter-section";
import { ReportChart } from "~/components/reports/report-chart";
import { FiguresTable, ReportHeadline } from "~/components/reports/report-bits";
import { CHANNEL_KEYS, ReportFilters, ReportTabs } from "~/components/reports/report-filters";
import { DocumentLinks } from "~/components/reports/document-settings-form";
import { reportPage } from "~/server/report-page.server";

export const meta: MetaFunction = () => [{ title: "Báo cáo — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/reports.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return reportPage(context.services, request, "routes/quan-tri.bao-cao._index", { previous: true, trend: true, channels: true, counter: true });
}

export default function ReportOverview() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const trend = (data.trend ?? []).map((p) => ({ label: `${p.month.slice(5)}/${p.month.slice(0, 4)}`, index: p.index, n: p.n }));
  const channels = (data.channels ?? []).map((c) => ({ label: t(CHANNEL_KEYS[c.channel]), index: c.index, n: c.n }));
  return (
    <section className="report">
      <h1>{t("reports.title")}</h1>
      <ReportTabs />
      <ReportFilters data={data} />
      <DocumentLinks query={data.exportQuery} />
      <p className="method">{t(data.summary.scope.mapping === "current" ? "reports.mapping.currentNote" : "reports.mapping.as-wasNote")} {t("reports.methodNote")}</p>
      <ReportHeadline data={data} />
      <p className="export-links">
        <a href={`/api/v1/reports/export.xlsx?${data.exportQuery}`}>{t("reports.export.xlsx")}</a>
        <a href={`/api/v1/reports/export.csv?${data.exportQuery}`}>{t("reports.export.csv")}</a>
        <a href={`/api/v1/reports/export-codebook.csv?${data.exportQuery}`}>{t("reports.export.codebook")}</a>
      </p>

      <h2>{t("reports.trend")}</h2>
      <ReportChart spec={trendLine(t("reports.trend"), trend, t("reports.index"), data.summary.target, t("reports.target"))} />
      <FiguresTable caption={t("reports.tableOf", { what: t("reports.trend") })} head={t("reports.month")} rows={trend} />

      <h2>{t("reports.channels")}</h2>
      <ReportChart spec={indexBars(t("reports.channels"), channels, t("reports.index"))} />
      <FiguresTable caption={t("reports.tableOf", { what: t("reports.channels") })} head={t("reports.filters.channel")} rows={channels} />
      {data.counter ? <CounterSection counter={data.counter} /> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
