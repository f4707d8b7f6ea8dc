import { useTranslation } from "~/i18n/use-translation";
import type { FormHeader } from "./view";
import { useLocalized } from "./field-shell";

/**
 * Where the citizen is rating and "Bước 2/6" with a bar. The survey's long official title is
 * shown once, on the first step; later steps carry a short heading so the question stays in view.
 */
export function StepProgress({ header, step, total }: { header: FormHeader; step: number; total: number }) {
  const { t } = useTranslation();
  const local = useLocalized();
  return (
    <header className="form-header">
      {step === 1 ? <h1 className="form-title">{local(header.surveyTitle)}</h1> : <h1>{t("form.shortTitle")}</h1>}
      <p className="form-where">
        {[header.unitName, header.serviceName].filter(Boolean).join(" · ")}
      </p>
      <p className="form-progress">{t("form.progress", { step, total })}</p>
      <div className="progress-bar" aria-hidden="true">
        <span style={{ width: `${Math.round((step / total) * 100)}%` }} />
      </div>
    </header>
  );
}
