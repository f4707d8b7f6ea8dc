import { useTranslation } from "~/i18n/use-translation";
import { formatCount, formatDate, formatPercent } from "~/metrics/format";
import type { AppLocale } from "~/i18n/config";
import type { ItemAggregation } from "~/survey/types";

export interface SummaryViewData {
  period: { from: string; to: string };
  n: number;
  index: number | null;
  target: number | null;
  meetsTarget: boolean | null;
  method: { aggregation: ItemAggregation };
  elements: Array<{ id: string; title: string; index: number | null; n: number }>;
  units: Array<{ code: string; name: string; index: number | null; n: number; rank: number | null; smallSample: boolean; target?: number | null; meetsTarget?: boolean | null }>;
  /** 95% interval of the index (respondent bootstrap), when known. */
  ci95?: [number, number] | null;
}

const METHOD_KEY: Record<ItemAggregation, string> = { "mean-of-items": "summary.method", pooled: "summary.methodPooled", "pooled-all": "summary.methodPooledAll" };

/** The figures of a report as plain tables: readable without JavaScript, printable, accessible. */
export function SummaryView({ data }: { data: SummaryViewData }) {
  const { t, i18n } = useTranslation();
  const locale = (i18n.language === "en" ? "en" : "vi") as AppLocale;
  const pct = (v: number | null) => (v === null ? t("summary.noData") : formatPercent(v, locale));
  return (
    <div className="summary">
      <dl className="headline">
        <div>
          <dt>{t("summary.index")}</dt>
          <dd className="big-number" data-testid="overall-index">{pct(data.index)}</dd>
          {data.ci95 ? (
            <dd className="note">
              {t("reports.ci95")}: {formatPercent(data.ci95[0], locale)} – {formatPercent(data.ci95[1], locale)}
            </dd>
          ) : null}
        </div>
        <div>
          <dt>{t("summary.responses")}</dt>
          <dd>{formatCount(data.n, locale)}</dd>
        </div>
        <div>
          <dt>{t("summary.period")}</dt>
          <dd>
            {formatDate(data.period.from)} – {formatDate(data.period.to)}
          </dd>
        </div>
        {data.target !== null ? (
          <div>
            <dt>{t("summary.target")}</dt>
            <dd>
              {formatPercent(data.target, locale)}
              {data.meetsTarget === null ? null : (
                <span className={data.meetsTarget ? "badge ok" : "badge warn"}>
                  {" "}
                  {t(data.meetsTarget ? "summary.meetsTarget" : "summary.missesTarget")}
                </span>
              )}
            </dd>
          </div>
        ) : null}
      </dl>
      <p className="method">{t(METHOD_KEY[data.method.aggregation])}</p>

      <h2>{t("summary.elements")}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t("summary.element")}</th>
            <th scope="col" className="num">{t("summary.index")}</th>
            <th scope="col" className="num">{t("summary.responses")}</th>
          </tr>
        </thead>
        <tbody>
          {data.elements.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.title}</th>
              <td className="num">{pct(e.index)}</td>
              <td className="num">{formatCount(e.n, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      {data.units.length ? (
        <>
          <h2>{t("summary.units")}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">{t("summary.rank")}</th>
                <th scope="col">{t("summary.unit")}</th>
                <th scope="col" className="num">{t("summary.index")}</th>
                <th scope="col" className="num">{t("summary.responses")}</th>
                {data.units.some((u) => u.target !== undefined) ? <th scope="col" className="num">{t("summary.target")}</th> : null}
              </tr>
            </thead>
            <tbody>
              {data.units.map((u) => (
                <tr key={u.code}>
                  <td className="num">{u.rank ?? "—"}</td>
                  <th scope="row">{u.name}</th>
                  <td className="num">
                    {pct(u.index)}
                    {u.smallSample && u.n > 0 ? <span className="badge muted"> ({t("summary.smallSample")})</span> : null}
                  </td>
                  <td className="num">{formatCount(u.n, locale)}</td>
                  {u.target !== undefined ? (
                    <td className="num">
                      {u.target === null ? "—" : formatPercent(u.target, locale)}
                      {u.meetsTarget === null || u.meetsTarget === undefined ? null : (
                        <span className={u.meetsTarget ? "badge ok" : "badge warn"}> {t(u.meetsTarget ? "summary.meetsTarget" : "summary.missesTarget")}</span>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="note">{t("summary.smallSampleNote")}</p>
        </>
      ) : null}
    </div>
  );
}
