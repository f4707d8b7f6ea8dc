import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { distributionBars, indexBars, shortLabel } from "~/components/reports/chart-data";
import { ReportChart } from "~/components/reports/report-chart";
import { TargetStatus, useFormat } from "~/components/reports/report-bits";
import { ReportFilters, ReportTabs } from "~/components/reports/report-filters";
import { DocumentLinks } from "~/components/reports/document-settings-form";
import { reportPage } from "~/server/report-page.server";

export const meta: MetaFunction = () => [{ title: "Yếu tố và tiêu chí — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/reports.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return reportPage(context.services, request);
}

const SCALE_KEYS = ["reports.scale.1", "reports.scale.2", "reports.scale.3", "reports.scale.4", "reports.scale.5"] as const;

export default function ReportElements() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const f = useFormat();
  const s = data.summary;
  const title = (id: string) => data.titles[id] ?? id;
  return (
    <section className="report">
      <h1>{t("reports.tabs.elements")}</h1>
      <ReportTabs />
      <ReportFilters data={data} />
      <DocumentLinks query={data.exportQuery} />
      <h2>{t("reports.elements")}</h2>
      <ReportChart spec={indexBars(t("reports.elements"), s.elements.map((e) => ({ label: title(e.id), index: e.index })), t("reports.index"))} />
      <table>
        <caption>{t("reports.tableOf", { what: t("reports.elements") })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("reports.element")}</th>
            <th scope="col" className="num">{t("reports.index")}</th>
            <th scope="col">{t("reports.ci95")}</th>
            <th scope="col" className="num">{t("reports.responses")}</th>
            <th scope="col" className="num">{t("reports.target")}</th>
          </tr>
        </thead>
        <tbody>
          {[...s.aspects.map((a) => ({ ...a, aspect: true, target: null, meetsTarget: null })), ...s.elements.map((e) => ({ ...e, aspect: false }))].map((e) => (
            <tr key={e.id} className={e.aspect ? "aspect-row" : undefined}>
              <th scope="row">{e.aspect ? `${t("reports.aspect")}: ${title(e.id)}` : title(e.id)}</th>
              <td className="num">{f.pct(e.index)}</td>
              <td>{f.ci(e.ci95)}</td>
              <td className="num">{f.count(e.n)}{e.smallSample && e.n > 0 ? <span className="badge muted"> ({t("reports.smallSample")})</span> : null}</td>
              <td className="num">{e.target === null ? "—" : f.pct(e.target)} <TargetStatus meets={e.meetsTarget} n={e.n} /></td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t("reports.items")}</h2>
      <ReportChart spec={distributionBars(t("reports.items"), s.items.map((i) => ({ label: shortLabel(title(i.id)), distribution: i.distribution })), SCALE_KEYS.map((k) => t(k)))} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t("reports.items")}>
        <table>
          <caption>{t("reports.tableOf", { what: t("reports.items") })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("reports.item")}</th>
              <th scope="col" className="num">{t("reports.index")}</th>
              <th scope="col">{t("reports.ci95Wilson")}</th>
              <th scope="col" className="num">{t("reports.valid")}</th>
              {SCALE_KEYS.map((k) => (
                <th key={k} scope="col" className="num">{t(k)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {s.items.map((i) => (
              <tr key={i.id}>
                <th scope="row"><span className="code">{i.id}</span> {title(i.id)}</th>
                <td className="num">{f.pct(i.index)}</td>
                <td>{f.ci(i.ci95)}</td>
                <td className="num">{f.count(i.valid)}{i.smallSample && i.valid > 0 ? <span className="badge muted"> ({t("reports.smallSample")})</span> : null}</td>
                {([1, 2, 3, 4, 5] as const).map((c) => (
                  <td key={c} className="num">{f.count(i.distribution[c])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
