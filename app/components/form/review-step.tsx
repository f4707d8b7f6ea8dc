import { Form } from "@remix-run/react";
import { useRef } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { AnswerValue, Question } from "~/survey/types";
import { NOT_APPLICABLE } from "~/survey/validate-answers";
import { SCALE_WORDS } from "./choice-fields";
import { useLocalized } from "./field-shell";
import { StepNav } from "./step-nav";
import { StepProgress } from "./step-progress";
import { useStepFocus } from "./use-step-focus";
import type { ReviewView } from "./view";

/** An answer in words, as the citizen chose it (never a bare code). */
function useAnswerText() {
  const { t, i18n } = useTranslation();
  const local = useLocalized();
  return (q: Question, value: AnswerValue): string => {
    if (value === NOT_APPLICABLE) return t("form.notApplicable");
    switch (q.type) {
      case "scale5":
        return `${value} · ${t(SCALE_WORDS[Number(value)] ?? "form.scale.3")}`;
      case "smiley":
        return q.levels === 5 ? t(SCALE_WORDS[Number(value)] ?? "form.scale.3") : `${value}/3`;
      case "stars":
        return t("form.stars", { count: Number(value), max: q.max });
      case "single":
      case "multi": {
        const ids = Array.isArray(value) ? value : [String(value)];
        return ids.map((id) => local(q.options.find((o) => o.id === id)?.label) || id).join("; ");
      }
      case "yesno":
        return value === "yes" ? t("form.yes") : t("form.no");
      case "consent":
        return value === "yes" ? t("form.consentAgree") : t("form.no");
      case "number":
        return typeof value === "number" ? value.toLocaleString(i18n.language === "en" ? "en-US" : "vi-VN") : String(value);
      default:
        return String(value);
    }
  };
}

export function ReviewStep({ view }: { view: ReviewView }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const answerText = useAnswerText();
  const heading = useRef<HTMLHeadingElement>(null);
  const noSummary = useRef<HTMLElement>(null);
  useStepFocus(noSummary, heading, view.displayChanged);
  const last = view.sections[view.sections.length - 1];
  return (
    <div className="citizen-form">
      <StepProgress header={view.header} step={view.progress.step} total={view.progress.total} />
      <Form method="post" action={view.header.path} noValidate>
        <h2 ref={heading} tabIndex={-1} className="section-title">
          {t("form.review.title")}
        </h2>
        <p>{t("form.review.intro")}</p>
        <input type="hidden" name="state" value={view.state} />
        {view.sections.map((s) => (
          <section key={s.id} className="review-section" aria-labelledby={`review-${s.id}`}>
            <h3 id={`review-${s.id}`}>{local(s.title)}</h3>
            {s.questions.length ? (
              <dl>
                {s.questions.map((q) => (
                  <div key={q.id} className="review-item">
                    <dt>{local(q.label)}</dt>
                    <dd>{answerText(q, view.answers[q.id])}</dd>
                  </div>
                ))}
              </dl>
            ) : (
              <p className="muted">{t("form.review.noAnswers")}</p>
            )}
            <button type="submit" name="intent" value={`edit:${s.id}`} className="secondary">
              {t("form.review.edit")}
              <span className="visually-hidden">: {local(s.title)}</span>
            </button>
          </section>
        ))}
        <p className="privacy-note">{t("form.review.privacy")}</p>
        <StepNav intent="submit" label={t("form.review.send")} back={last ? `edit:${last.id}` : null} />
      </Form>
    </div>
  );
}
