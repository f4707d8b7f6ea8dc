import { forwardRef } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { Question } from "~/survey/types";
import type { FieldError } from "~/survey/validate-answers";
import { questionDomId, useLocalized } from "./field-shell";

interface Props {
  questions: Question[];
  errors: Record<string, FieldError>;
  formError: string | null;
}

/** The list of problems at the top of a step; it takes focus so the problem is announced. */
export const ErrorSummary = forwardRef<HTMLDivElement, Props>(function ErrorSummary({ questions, errors, formError }, ref) {
  const { t } = useTranslation();
  const local = useLocalized();
  const failed = questions.filter((q) => errors[q.id]);
  if (!failed.length && !formError) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} autoFocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{formError ? t("form.errors.summaryTitle") : t("form.errors.count", { count: failed.length })}</h2>
      {formError ? <p>{t(formError)}</p> : null}
      {failed.length ? (
        <ul>
          {failed.map((q) => (
            <li key={q.id}>
              <a href={`#${questionDomId(q.id)}`}>
                <span className="summary-question">{local(q.label)}</span>
                <span className="summary-message">{t(errors[q.id].key, errors[q.id].params ?? {})}</span>
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
});
