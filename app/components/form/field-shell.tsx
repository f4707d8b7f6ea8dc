import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import type { LocalizedText } from "~/survey/types";
import type { FieldError } from "~/survey/validate-answers";

/** Picks the page's language from a definition's { vi, en } text. */
export function useLocalized() {
  const { i18n } = useTranslation();
  const lang = i18n.language === "en" ? "en" : "vi";
  return (text: LocalizedText | undefined) => (text ? text[lang] : "");
}

export const questionDomId = (id: string) => `q-${id}`;
export const errorDomId = (id: string) => `${id}-error`;
export const helpDomId = (id: string) => `${id}-help`;

/** aria-describedby of a question's control(s): its help and its error, when present. */
export function describedBy(id: string, help: boolean, error: boolean): string | undefined {
  return [help ? helpDomId(id) : "", error ? errorDomId(id) : ""].filter(Boolean).join(" ") || undefined;
}

export function FieldMessages({ id, help, error }: { id: string; help?: LocalizedText; error?: FieldError }) {
  const { t } = useTranslation();
  const local = useLocalized();
  return (
    <>
      {help ? (
        <p className="field-help" id={helpDomId(id)}>
          {local(help)}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorDomId(id)}>
          {t(error.key, error.params ?? {})}
        </p>
      ) : null}
    </>
  );
}

export function RequiredMark({ required }: { required?: boolean }) {
  const { t } = useTranslation();
  return required ? <span className="required"> ({t("form.required")})</span> : null;
}

/** A question answered with several controls: a fieldset whose legend is the question. */
export function ChoiceFieldset(props: {
  id: string;
  label: LocalizedText;
  help?: LocalizedText;
  required?: boolean;
  error?: FieldError;
  className?: string;
  radio?: boolean;
  children: ReactNode;
}) {
  const local = useLocalized();
  return (
    <fieldset
      className={`question ${props.className ?? ""}`}
      role={props.radio ? "radiogroup" : undefined}
      aria-required={props.radio && props.required ? true : undefined}
      aria-invalid={props.radio && props.error ? true : undefined}
      aria-describedby={describedBy(props.id, !!props.help, !!props.error)}
    >
      <legend>
        {local(props.label)}
        <RequiredMark required={props.required} />
      </legend>
      <FieldMessages id={props.id} help={props.help} error={props.error} />
      <div className="options">{props.children}</div>
    </fieldset>
  );
}
