import { useTranslation } from "~/i18n/use-translation";
import { autoAdvances, isAnswered } from "~/kiosk/flow";
import type { AnswerValue, Locale, Question } from "~/survey/types";
import { Faces } from "./faces";

interface Props {
  question: Question;
  value: AnswerValue | undefined;
  locale: Locale;
  isLast: boolean;
  busy: boolean;
  onAnswer: (value: AnswerValue | undefined, advance: boolean) => void;
  onNext: () => void;
  onBack: () => void;
}

function Choices({ options, value, multi, onPick }: { options: Array<{ id: string; label: string }>; value: AnswerValue | undefined; multi: boolean; onPick: (id: string) => void }) {
  const chosen = Array.isArray(value) ? value : value === undefined ? [] : [String(value)];
  return (
    <div className={`choices${options.length > 4 ? " choices-grid" : ""}`} role="group" aria-labelledby="kiosk-q">
      {options.map((o) => (
        <button key={o.id} type="button" className="choice" aria-pressed={chosen.includes(o.id)} onClick={() => onPick(o.id)}>
          {multi ? <span aria-hidden="true" className="tick">{chosen.includes(o.id) ? "✓" : ""}</span> : null}
          {o.label}
        </button>
      ))}
    </div>
  );
}

export function QuestionScreen({ question: q, value, locale, isLast, busy, onAnswer, onNext, onBack }: Props) {
  const { t } = useTranslation();
  const pick = (v: AnswerValue) => onAnswer(v, autoAdvances(q));
  let input: JSX.Element;
  switch (q.type) {
    case "smiley":
    case "scale5":
    case "stars": {
      const levels = q.type === "smiley" ? q.levels : q.type === "stars" ? q.max : 5;
      input = (
        <>
          <Faces levels={levels} value={typeof value === "number" ? value : undefined} onPick={pick} labelledBy="kiosk-q" />
          {q.type === "scale5" && q.allowNA ? (
            <button type="button" className="choice na" aria-pressed={value === "na"} onClick={() => pick("na")}>
              {t("kiosk.flow.notApplicable")}
            </button>
          ) : null}
        </>
      );
      break;
    }
    case "single":
      input = <Choices options={q.options.map((o) => ({ id: o.id, label: o.label[locale] }))} value={value} multi={false} onPick={pick} />;
      break;
    case "yesno":
    case "consent":
      input = <Choices options={[{ id: "yes", label: t("kiosk.flow.yes") }, { id: "no", label: t("kiosk.flow.no") }]} value={value} multi={false} onPick={pick} />;
      break;
    case "multi": {
      const list = Array.isArray(value) ? value : [];
      const toggle = (id: string) => onAnswer(list.includes(id) ? list.filter((x) => x !== id) : [...list, id], false);
      input = <Choices options={q.options.map((o) => ({ id: o.id, label: o.label[locale] }))} value={list} multi onPick={toggle} />;
      break;
    }
    case "text":
      input = (
        <textarea
          className="kiosk-text"
          aria-labelledby="kiosk-q"
          aria-describedby={q.help ? "kiosk-help" : undefined}
          maxLength={q.maxLength ?? 1000}
          rows={3}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onAnswer(e.target.value || undefined, false)}
        />
      );
      break;
    case "number":
      input = (
        <input
          className="kiosk-number"
          type="number"
          inputMode="numeric"
          aria-labelledby="kiosk-q"
          min={q.min}
          max={q.max}
          value={typeof value === "number" ? value : ""}
          onChange={(e) => onAnswer(e.target.value === "" ? undefined : Number(e.target.value), false)}
        />
      );
      break;
  }
  const canGoOn = !q.required || isAnswered(value);
  return (
    <section className="kiosk-screen kiosk-question" aria-labelledby="kiosk-q">
      <h1 id="kiosk-q" className="kiosk-prompt">
        {q.label[locale]}
        {q.required ? <span className="required"> *</span> : null}
      </h1>
      {q.help ? <p id="kiosk-help" className="kiosk-help">{q.help[locale]}</p> : null}
      <div className="kiosk-input">{input}</div>
      <div className="kiosk-nav">
        <button type="button" className="secondary" onClick={onBack}>
          {t("kiosk.flow.back")}
        </button>
        {!autoAdvances(q) || isAnswered(value) ? (
          // Moving on with an answer is the main action; skipping without one is secondary.
          <button type="button" className={isAnswered(value) || isLast ? undefined : "secondary"} onClick={onNext} disabled={!canGoOn || busy}>
            {isLast ? t("kiosk.flow.submit") : isAnswered(value) ? t("kiosk.flow.next") : t("kiosk.flow.skip")}
          </button>
        ) : null}
      </div>
    </section>
  );
}
