import { useTranslation } from "~/i18n/use-translation";
import { formatCount, formatDate, formatPercent } from "~/metrics/format";

export type Ci = [number, number] | null;

export function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en" : "vi";
  return {
    pct: (v: number | null | undefined) => (v === null || v === undefined ? t("reports.noData") : formatPercent(v, locale)),
    count: (v: number) => formatCount(v, locale),
    ci: (c: Ci | undefined) => (c ? `${formatPercent(c[0], locale)} – ${formatPercent(c[1], locale)}` : "—"),
    /** Change in percentage points, signed: "+1,25" / "−0,50". */
    delta: (v: number | null | undefined) =>
      v === null || v === undefined ? "—" : `${v > 0 ? "+" : v < 0 ? "−" : "±"}${formatPercent(Math.abs(v), locale).replace("%", "")} ${t("reports.points")}`,
    date: formatDate,
  };
}

export function TargetStatus({ meets, n }: { meets: boolean | null; n?: number }) {
  const { t } = useTranslation();
  if (meets === null || n === 0) return <span className="badge muted">—</span>;
  return <span className={meets ? "badge ok" : "badge warn"}>{t(meets ? "reports.meets" : "reports.misses")}</span>;
}

interface HeadlineData {
  summary: { index: number | null; ci95: Ci; n: number; target: number | null; meetsTarget: boolean | null; smallSample: boolean; period: { from: string; to: string }; scope: { unit: string; mapping: string } };
  change: { index: number | null };
}

/** Index against target, with its interval, n, period and change against the previous period. */
export function ReportHeadline({ data }: { data: HeadlineData }) {
  const { t } = useTranslation();
  const f = useFormat();
  const s = data.summary;
  return (
    <dl className="headline">
      <div>
        <dt>{t("reports.index")}</dt>
        <dd className="big-number" data-testid="report-index">{f.pct(s.index)}</dd>
        <dd className="note">{t("reports.ci95")}: {f.ci(s.ci95)}</dd>
      </div>
      <div>
        <dt>{t("reports.target")}</dt>
        <dd>{f.pct(s.target)} <TargetStatus meets={s.meetsTarget} n={s.n} /></dd>
      </div>
      <div>
        <dt>{t("reports.responses")}</dt>
        <dd>{f.count(s.n)}{s.smallSample && s.n > 0 ? <span className="badge muted"> ({t("reports.smallSample")})</span> : null}</dd>
      </div>
      <div>
        <dt>{t("reports.period.label")}</dt>
        <dd>{f.date(s.period.from)} – {f.date(s.period.to)}</dd>
        <dd className="note">{t("reports.change")}: {f.delta(data.change.index)}</dd>
      </div>
    </dl>
  );
}

/** The numbers behind a chart: label, index, responses. */
export function FiguresTable({ caption, head, rows }: { caption: string; head: string; rows: Array<{ label: string; index: number | null; n: number }> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col" className="num">{t("reports.index")}</th>
          <th scope="col" className="num">{t("reports.responses")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <th scope="row">{r.label}</th>
            <td className="num">{f.pct(r.index)}</td>
            <td className="num">{f.count(r.n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
