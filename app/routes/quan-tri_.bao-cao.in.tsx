import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DocumentLinks } from "~/components/reports/document-settings-form";
import { TargetStatus, useFormat } from "~/components/reports/report-bits";
import { reportPrintPage } from "~/server/report-print.server";

export const meta: MetaFunction = () => [{ title: "Bản in báo cáo — Hài Lòng" }];
export const links: LinksFunction = () => [{ rel: "stylesheet", href: "/styles/reports.css" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  return reportPrintPage(context.services, request);
}

/** The report on A4 paper in the NĐ 30/2020 form, with the issuer and signer of the DOCX/PDF. */
export default function ReportPrint() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const f = useFormat();
  const s = data.summary;
  const survey = data.options.surveys.find((x) => x.slug === s.survey)?.title ?? s.survey;
  const unitName = data.options.units.find((u) => u.code === s.scope.unit)?.name ?? s.scope.unit;
  const title = (id: string) => data.titles[id] ?? id;
  const { header, recipientsHead, recipients, signer } = data.frame;
  return (
    <article className="print-page">
      <header className="doc-header">
        <div className="issuer">
          {header.parentBody ? <p className="parent-body">{header.parentBody}</p> : null}
          <p className="issuer-name">{header.issuer}</p>
          <p className="doc-number">{header.number}</p>
        </div>
        <div className="state-header">
          <p className="state-name">{header.motto[0]}</p>
          <p className="state-motto">{header.motto[1]}</p>
          <p className="place-date">{header.placeDate}</p>
        </div>
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
        </>
      ) : null}
      {/* The closing note and the signature travel together: a signature never stands alone on a page. */}
      <div className="closing">
        {s.units.length ? <p className="note">{t("reports.smallSampleNote")}</p> : null}
        <footer className="signature">
          <div className="recipients">
            <p className="recipients-head">{recipientsHead}</p>
            <ul>
              {recipients.map((r) => (
                <li key={r}>{`- ${r};`}</li>
              ))}
            </ul>
          </div>
          <div className="signer">
            <p className="signer-title">{signer.title}</p>
            <p className="signer-name">{signer.name}</p>
          </div>
        </footer>
      </div>
      <p className="no-print"><button type="button" onClick={() => window.print()}>{t("reports.print.button")}</button></p>
      <div className="no-print"><DocumentLinks query={data.exportQuery} /></div>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
