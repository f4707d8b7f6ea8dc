import { useTranslation } from "~/i18n/use-translation";

type Loose = Record<string, unknown>;
type Lng = "vi" | "en";
const arr = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : []);
const text = (v: unknown, lng: Lng) => {
  const l = (v ?? {}) as { vi?: string; en?: string };
  return l[lng] || l.vi || "";
};

/** Answer labels in the preview's language (the page's own language may differ). */
export interface PreviewLabels {
  scale: string[];
  na: string;
  yes: string;
  no: string;
}
const SMILEYS = ["😠", "🙁", "😐", "🙂", "😄"];

function Answer({ q, lng, kiosk, labels }: { q: Loose; lng: Lng; kiosk: boolean; labels: PreviewLabels }) {
  const choices = (labels: string[]) => (
    <ul className={kiosk ? "pv-choices pv-big" : "pv-choices"}>
      {labels.map((l, i) => (
        <li key={i}>
          <span className="pv-choice">{l}</span>
        </li>
      ))}
    </ul>
  );
  switch (q.type) {
    case "scale5":
      return choices([...labels.scale.map((l, i) => `${i + 1}. ${l}`), ...(q.allowNA ? [labels.na] : [])]);
    case "single":
    case "multi":
      return choices(arr(q.options).map((o) => text(o.label, lng)));
    case "yesno":
    case "consent":
      return choices([labels.yes, labels.no]);
    case "smiley":
      return choices((Number(q.levels) === 3 ? [0, 2, 4] : [0, 1, 2, 3, 4]).map((i) => SMILEYS[i]));
    case "stars":
      return choices(Array.from({ length: Math.min(Number(q.max) || 5, 10) }, (_, i) => "★".repeat(i + 1)));
    case "number":
      return <span className="pv-input">0 {text(q.unit, lng)}</span>;
    default:
      return <span className={q.multiline ? "pv-input pv-area" : "pv-input"} />;
  }
}

/** The draft as a respondent would see it, on a phone or on a counter kiosk (static; no answers). */
export function SurveyPreview({ doc, mode, lng, labels }: { doc: Loose; mode: "phone" | "kiosk"; lng: Lng; labels: PreviewLabels }) {
  const { t } = useTranslation();
  return (
    <div className={`preview preview-${mode}`} lang={lng} tabIndex={0} aria-label={t(mode === "phone" ? "designer.previewPhone" : "designer.previewKiosk")} role="region">
      <h2 className="pv-title">{text(doc.title, lng)}</h2>
      {doc.description ? <p>{text(doc.description, lng)}</p> : null}
      {arr(doc.sections).map((s, si) => (
        <section key={si} className="pv-section">
          <h3>{text(s.title, lng)}</h3>
          {s.visibleIf ? <p className="note">{t("designer.conditional")}</p> : null}
          {arr(s.questions).map((q, qi) => (
            <div key={qi} className="pv-question">
              <p className="pv-label">
                {text(q.label, lng)}
                {q.required ? <span className="pv-required"> *</span> : null}
              </p>
              {q.help ? <p className="note">{text(q.help, lng)}</p> : null}
              {q.visibleIf ? <p className="note">{t("designer.conditional")}</p> : null}
              <Answer q={q} lng={lng} kiosk={mode === "kiosk"} labels={labels} />
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
