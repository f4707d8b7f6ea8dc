import { Form } from "@remix-run/react";
import { useMemo, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { FIELD_PREFIX, isQuestionVisible, parseValue, type RawValues } from "~/survey/form-steps";
import type { AnswerSet } from "~/survey/types";
import { ErrorSummary } from "./error-summary";
import { useLocalized } from "./field-shell";
import { QuestionField } from "./question-field";
import { StepNav } from "./step-nav";
import { StepProgress } from "./step-progress";
import { useStepFocus } from "./use-step-focus";
import type { StepView } from "./view";

function readControls(form: HTMLFormElement): RawValues {
  const raw: RawValues = {};
  for (const [name, value] of new FormData(form).entries()) {
    if (!name.startsWith(FIELD_PREFIX) || typeof value !== "string") continue;
    const id = name.slice(FIELD_PREFIX.length);
    const prev = raw[id];
    raw[id] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return raw;
}

const noSubscription = () => () => {};

/**
 * One section of the survey as a plain form post. With JavaScript the conditional questions
 * appear as soon as they apply; without it the server shows them after "Tiếp tục".
 */
export function StepForm({ view }: { view: StepView }) {
  const { t } = useTranslation();
  const local = useLocalized();
  const [values, setValues] = useState<RawValues>(view.values);
  // true once React runs in the browser (false in the server's HTML): tells the server JS is on.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const summary = useRef<HTMLDivElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { section } = view;

  useStepFocus(summary, heading, view.displayChanged);

  const answers = useMemo(() => {
    const merged: AnswerSet = { ...view.context };
    for (const q of section.questions) {
      const v = parseValue(q, values[q.id]);
      if (v !== undefined) merged[q.id] = v;
    }
    return merged;
  }, [values, view.context, section]);
  const visible = section.questions.filter((q) => isQuestionVisible(section, q, answers));

  return (
    <div className="citizen-form">
      <StepProgress header={view.header} step={view.progress.step} total={view.progress.total} />
      <ErrorSummary ref={summary} questions={visible} errors={view.errors} formError={view.formError} />
      {view.moreQuestions ? (
        <p className="form-notice" role="status">
          {t("form.moreQuestions")}
        </p>
      ) : null}
      <Form
        method="post"
        action={view.header.path}
        noValidate
        onChange={(e: FormEvent<HTMLFormElement>) => setValues(readControls(e.currentTarget))}
      >
        <h2 ref={heading} tabIndex={-1} className="section-title">
          {local(section.title)}
        </h2>
        {section.description ? <p className="section-description">{local(section.description)}</p> : null}
        <input type="hidden" name="state" value={view.state} />
        <input type="hidden" name="section" value={section.id} />
        {hydrated ? <input type="hidden" name="js" value="1" /> : null}
        {section.questions.map((q) => (
          <QuestionField key={q.id} q={q} value={view.values[q.id]} error={view.errors[q.id]} visible={visible.includes(q)} />
        ))}
        <StepNav intent="next" label={t("form.next")} back={view.isFirst ? null : "back"} />
      </Form>
    </div>
  );
}
