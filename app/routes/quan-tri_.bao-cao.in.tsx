import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DocumentLinks } from "~/components/reports/document-settings-form";
import { TargetStatus, useFormat } from "~/components/reports/report-bits";
import { vnDate } from "~/metrics/periods";
import { reportPage } from "~/server/report-page.server";

export const meta: MetaFunction = () => [{ title: "Bản in báo cáo — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/reports.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return reportPage(context.services, request, "routes/quan-tri_.bao-cao.in");
}

/** The report on A4 paper, with the state header, for signing and filing. */
export default function ReportPrint() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const f = useFormat();
  const s = data.summary;
  const survey = data.options.surveys.find((x) => x.slug === s.survey)?.title ?? s.survey;
  const unitName = data.options.units.find((u) => u.code === s.scope.unit)?.name ?? s.scope.unit;
  const title = (id: string) => data.titles[id] ?? id;
  return (
    <article className="print-page">
      <header className="state-header">
        <p className="state-name">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p>
        <p className="state-motto">Độc lập - Tự do - Hạnh phúc</p>
      </header>
      <h1>{t("reports.print.title", { unit: unitName })}</h1>
      <p className="print-meta">
        {survey} · {f.date(s.period.from)} – {f.date(s.period.to)} · {t(s.scope.mapping === "current" ? "reports.mapping.current" : "reports.mapping.as-was")}
      </p>
      <p className="method">{t("reports.methodNote")}</p>
      <table>
        <tbody>
          <tr><th scope="row">{t("reports.index")}</th><td className="num" data-testid="print-index">{f.pct(s.index)}</td></tr>
          <tr><th scope="row">{t("reports.ci95")}</th><td className="num">{f.ci(s.ci95)}</td></tr>
          <tr><th scope="row">{t("reports.responses")}</th><td className="num">{f.count(s.n)}</td></tr>
          <tr><th scope="row">{t("reports.target")}</th><td className="num">{f.pct(s.target)} <TargetStatus meets={s.meetsTarget} n={s.n} /></td></tr>
        </tbody>
      </table>
      <h2>{t("reports.elements")}</h2>
      <table>
        <thead><tr><th scope="col">{t("reports.element")}</th><th scope="col" className="num">{t("reports.index")}</th><th scope="col">{t("reports.ci95")}</th><th scope="col" className="num">{t("reports.responses")}</th></tr></thead>
        <tbody>
          {s.elements.map((e) => (
            <tr key={e.id}><th scope="row">{title(e.id)}</th><td className="num">{f.pct(e.index)}</td><td>{f.ci(e.ci95)}</td><td className="num">{f.count(e.n)}</td></tr>
          ))}
        </tbody>
      </table>
      {s.units.length ? (
        <>
          <h2>{t("reports.units")}</h2>
          <table>
            <thead><tr><th scope="col" className="num">{t("reports.rank")}</th><th scope="col">{t("reports.unit")}</th><th scope="col" className="num">{t("reports.index")}</th><th scope="col" className="num">{t("reports.responses")}</th></tr></thead>
            <tbody>
              {s.units.map((u) => (
                <tr key={u.code}><td className="num">{u.rank ?? "—"}</td><th scope="row">{u.name}</th><td className="num">{f.pct(u.index)}{u.smallSample && u.n > 0 ? ` (${t("reports.smallSample")})` : ""}</td><td className="num">{f.count(u.n)}</td></tr>
              ))}
            </tbody>
          </table>
          <p className="note">{t("reports.smallSampleNote")}</p>
        </>
      ) : null}
      <footer className="signature">
        <p>{t("reports.print.date", { date: f.date(vnDate(new Date())) })}</p>
        <p className="signer">{t("reports.print.signer")}</p>
      </footer>
      <p className="no-print"><button type="button" onClick={() => window.print()}>{t("reports.print.button")}</button></p>
      <div className="no-print"><DocumentLinks query={data.exportQuery} /></div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
