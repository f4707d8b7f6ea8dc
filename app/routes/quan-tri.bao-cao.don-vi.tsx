import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RankingSection } from "~/components/reports/ranking-table";
import { ReportHeadline } from "~/components/reports/report-bits";
import { ReportFilters, ReportTabs } from "~/components/reports/report-filters";
import { DocumentLinks } from "~/components/reports/document-settings-form";
import { reportPage } from "~/server/report-page.server";

export const meta: MetaFunction = () => [{ title: "Xếp hạng đơn vị — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/reports.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return reportPage(context.services, request, "routes/quan-tri.bao-cao.don-vi", { previous: true });
}

export default function ReportUnits() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  return (
    <section className="report">
      <h1>{t("reports.unitsTitle", { unit: data.options.units.find((u) => u.code === data.summary.scope.unit)?.name ?? data.summary.scope.unit })}</h1>
      <ReportTabs />
      <ReportFilters data={data} />
      <DocumentLinks query={data.exportQuery} />
      <ReportHeadline data={data} />
      <RankingSection rows={data.summary.units} change={data.change.units} drill="unit" />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
