import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";
import type { RankedRow } from "~/metrics/summary";
import { indexBars } from "./chart-data";
import { ReportChart } from "./report-chart";
import { TargetStatus, useFormat, type Ci } from "./report-bits";

export type RankingRow = RankedRow & { ci95?: Ci; target?: number | null; meetsTarget?: boolean | null };

/** A ranking with its chart (units by name, services by code), or a note when empty. */
export function RankingSection({ rows, change, drill }: { rows: RankingRow[]; change: Record<string, number | null>; drill: "unit" | "service" }) {
  const { t } = useTranslation();
  const title = t(drill === "unit" ? "reports.units" : "reports.services");
  return (
    <>
      <h2>{title}</h2>
      {rows.length ? (
        <>
          <ReportChart spec={indexBars(title, rows.map((r) => ({ label: drill === "unit" ? r.name : r.code, index: r.index })), t("reports.index"))} />
          <RankingTable rows={rows} change={change} drill={drill} caption={t("reports.tableOf", { what: title })} />
        </>
      ) : (
        <p>{t(drill === "unit" ? "reports.noChildren" : "reports.noServices")}</p>
      )}
    </>
  );
}

/** Ranked units or services with n, interval, change and target status; names drill down. */
export function RankingTable({ rows, change, drill, caption }: { rows: RankingRow[]; change: Record<string, number | null>; drill: "unit" | "service"; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { search } = useLocation();
  const link = (code: string) => {
    const q = new URLSearchParams(search);
    q.set(drill, code);
    return `${drill === "unit" ? "/quan-tri/bao-cao/don-vi" : "/quan-tri/bao-cao"}?${q}`;
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="num">{t("reports.rank")}</th>
            <th scope="col">{t(drill === "unit" ? "reports.unit" : "reports.service")}</th>
            <th scope="col" className="num">{t("reports.index")}</th>
            {drill === "unit" ? <th scope="col">{t("reports.ci95")}</th> : null}
            <th scope="col" className="num">{t("reports.responses")}</th>
            <th scope="col" className="num">{t("reports.change")}</th>
            {drill === "unit" ? <th scope="col">{t("reports.target")}</th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.code}>
              <td className="num">{r.rank ?? "—"}</td>
              <th scope="row"><a href={link(r.code)}>{r.name}</a> <span className="code">{r.code}</span></th>
              <td className="num">
                {f.pct(r.index)}
                {r.smallSample && r.n > 0 ? <span className="badge muted"> ({t("reports.smallSample")})</span> : null}
              </td>
              {drill === "unit" ? <td>{f.ci(r.ci95)}</td> : null}
              <td className="num">{f.count(r.n)}</td>
              {/* A change between two thin samples is noise: "ít mẫu" rows show none. */}
              <td className="num">{r.smallSample ? "—" : f.delta(change[r.code])}</td>
              {drill === "unit" ? <td>{r.target === null || r.target === undefined ? "—" : f.pct(r.target)} <TargetStatus meets={r.meetsTarget ?? null} n={r.n} /></td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="note">{t("reports.smallSampleNote")}</p>
    </div>
  );
}
