import { useTranslation, type Translation } from "~/i18n/use-translation";
import type { CounterFigures } from "~/server/report-counter.server";
import { useFormat } from "./report-bits";

const LEVEL_KEYS: Record<string, string> = {
  "rat-hai-long": "reports.counter.levels.rat-hai-long",
  "hai-long": "reports.counter.levels.hai-long",
  "khong-hai-long": "reports.counter.levels.khong-hai-long",
  "xuat-sac": "reports.counter.bands.xuat-sac",
  tot: "reports.counter.bands.tot",
  kha: "reports.counter.bands.kha",
  "trung-binh": "reports.counter.bands.trung-binh",
  yeu: "reports.counter.bands.yeu",
};

function Shares({ caption, rows }: { caption: string; rows: Array<{ id: string; count: number; share: number | null }> }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table>
      <caption>{caption}</caption>
      <thead><tr><th scope="col">{t("reports.counter.level")}</th><th scope="col" className="num">{t("reports.responses")}</th><th scope="col" className="num">{t("reports.counter.share")}</th></tr></thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}><th scope="row">{LEVEL_KEYS[r.id] ? t(LEVEL_KEYS[r.id]) : r.id}</th><td className="num">{f.count(r.count)}</td><td className="num">{f.pct(r.share)}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** Whether QĐ 766 subtracted complaints, and over how many of the dossiers they were reported. */
function complaintsNote(c: CounterFigures, t: Translation["t"], count: (v: number) => string): string {
  if (!c.complaints) return t("reports.counter.qd766NoComplaints");
  const total = c.coverage?.dossiers ?? c.complaints.dossiers;
  if (c.complaints.dossiers >= total) return t("reports.counter.qd766Complaints", { complaints: count(c.complaints.count) });
  return t("reports.counter.qd766ComplaintsPartial", { complaints: count(c.complaints.count), dossiers: count(c.complaints.dossiers), total: count(total) });
}

/** Counter figures: 3-level and smiley shares, the 18-point score, sample size, QĐ 766. */
export function CounterSection({ counter }: { counter: CounterFigures }) {
  const { t } = useTranslation();
  const f = useFormat();
  const c = counter;
  if (!c.levels && !c.smiley && !c.score && !c.coverage) return null;
  return (
    <>
      <h2>{t("reports.counter.title")}</h2>
      {c.levels ? <Shares caption={t("reports.counter.levelsCaption")} rows={c.levels} /> : null}
      {c.smiley ? <Shares caption={t("reports.counter.smileyCaption")} rows={c.smiley} /> : null}
      {c.score ? (
        <>
          <p>{t("reports.counter.score", { mean: c.score.mean === null ? t("reports.noData") : c.score.mean.toFixed(2).replace(".", ","), n: c.score.n })}</p>
          <Shares caption={t("reports.counter.bandsCaption")} rows={c.score.bands} />
        </>
      ) : null}
      {c.coverage ? (
        <dl className="headline">
          <div><dt>{t("reports.counter.dossiers")}</dt><dd>{f.count(Math.round(c.coverage.dossiers))}</dd><dd className="note">{t("reports.counter.proRata")}</dd></div>
          <div><dt>{t("reports.counter.responseRate")}</dt><dd>{f.pct(c.coverage.responseRate)}</dd></div>
          <div><dt>{t("reports.counter.required")}</dt><dd>{f.count(c.coverage.required)} — {t(c.coverage.reached ? "reports.counter.reached" : "reports.counter.notReached")}</dd></div>
          {c.coverage.units.length || c.coverage.services.length ? (
            <div>
              <dt>{t("reports.counter.partsReached")}</dt>
              <dd data-testid="parts-reached">
                {t("reports.counter.partsReachedValue", {
                  units: c.coverage.units.filter((u) => u.reached).length,
                  unitTotal: c.coverage.units.length,
                  services: c.coverage.services.filter((s) => s.reached).length,
                  serviceTotal: c.coverage.services.length,
                })}
              </dd>
            </div>
          ) : null}
          {c.qd766 !== null ? (
            <div>
              <dt>{t("reports.counter.qd766")}</dt>
              <dd>{f.pct(c.qd766)}</dd>
              <dd className="note" data-testid="qd766-complaints">{complaintsNote(c, t, f.count)}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </>
  );
}
