import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";
import { fieldName } from "~/survey/form-steps";
import type { MultiQuestion, Question, Scale5Question, SingleQuestion, SmileyQuestion, StarsQuestion } from "~/survey/types";
import { NOT_APPLICABLE, type FieldError } from "~/survey/validate-answers";
import { Face } from "./face";
import { ChoiceFieldset, describedBy, useLocalized } from "./field-shell";

interface FieldProps<Q extends Question> {
  q: Q;
  value: string | string[] | undefined;
  error?: FieldError;
}

const has = (value: string | string[] | undefined, v: string) => (Array.isArray(value) ? value.includes(v) : value === v);

/** One large, fully clickable option row (≥ 48 px) holding a native radio or checkbox. */
function OptionRow(props: { q: Question; type: "radio" | "checkbox"; value: string; checked: boolean; error?: FieldError; className?: string; children: ReactNode }) {
  const { q } = props;
  return (
    <label className={`option ${props.className ?? ""}`}>
      <input
        type={props.type}
        name={fieldName(q.id)}
        value={props.value}
        defaultChecked={props.checked}
        aria-invalid={props.type === "checkbox" && props.error ? true : undefined}
        aria-describedby={props.type === "checkbox" ? describedBy(q.id, !!q.help, !!props.error) : undefined}
      />
      <span className="option-text">{props.children}</span>
    </label>
  );
}

/** Word keys of the official 5-level scale (a literal map: the i18n test reads literals). */
export const SCALE_WORDS: Record<number, string> = {
  1: "form.scale.1",
  2: "form.scale.2",
  3: "form.scale.3",
  4: "form.scale.4",
  5: "form.scale.5",
};
const SMILEY3_WORDS: Record<number, string> = { 1: "form.smiley3.1", 2: "form.smiley3.2", 3: "form.smiley3.3" };

export function Scale5Field({ q, value, error }: FieldProps<Scale5Question>) {
  const { t } = useTranslation();
  return (
    <ChoiceFieldset id={q.id} label={q.label} help={q.help} required={q.required} error={error} className="scale5" radio>
      {[1, 2, 3, 4, 5].map((level) => (
        <OptionRow key={level} q={q} type="radio" value={String(level)} checked={has(value, String(level))} className={`level-${level}`}>
          <Face level={level} />
          <span className="level-number" aria-hidden="true">{level}</span>
          <span>{t(SCALE_WORDS[level])}</span>
        </OptionRow>
      ))}
      {q.allowNA ? (
        <OptionRow q={q} type="radio" value={NOT_APPLICABLE} checked={has(value, NOT_APPLICABLE)} className="not-applicable">
          {t("form.notApplicable")}
        </OptionRow>
      ) : null}
    </ChoiceFieldset>
  );
}

export function SmileyField({ q, value, error }: FieldProps<SmileyQuestion>) {
  const { t } = useTranslation();
  const levels = Array.from({ length: q.levels }, (_, i) => i + 1);
  return (
    <ChoiceFieldset id={q.id} label={q.label} help={q.help} required={q.required} error={error} className="scale5" radio>
      {levels.map((level) => (
        <OptionRow key={level} q={q} type="radio" value={String(level)} checked={has(value, String(level))} className={`level-${level}`}>
          <Face level={level} of={q.levels} />
          <span>{t(q.levels === 3 ? SMILEY3_WORDS[level] : SCALE_WORDS[level])}</span>
        </OptionRow>
      ))}
    </ChoiceFieldset>
  );
}

export function StarsField({ q, value, error }: FieldProps<StarsQuestion>) {
  const { t } = useTranslation();
  const levels = Array.from({ length: q.max }, (_, i) => i + 1);
  return (
    <ChoiceFieldset id={q.id} label={q.label} help={q.help} required={q.required} error={error} className="stars" radio>
      {levels.map((n) => (
        <OptionRow key={n} q={q} type="radio" value={String(n)} checked={has(value, String(n))}>
          <span className="star-glyphs" aria-hidden="true">
            {"★".repeat(n)}
            {"☆".repeat(q.max - n)}
          </span>
          <span>{t("form.stars", { count: n, max: q.max })}</span>
        </OptionRow>
      ))}
    </ChoiceFieldset>
  );
}

export function SingleField({ q, value, error }: FieldProps<SingleQuestion>) {
  const local = useLocalized();
  return (
    <ChoiceFieldset id={q.id} label={q.label} help={q.help} required={q.required} error={error} radio>
      {q.options.map((o) => (
        <OptionRow key={o.id} q={q} type="radio" value={o.id} checked={has(value, o.id)}>
          {local(o.label)}
        </OptionRow>
      ))}
    </ChoiceFieldset>
  );
}

export function MultiField({ q, value, error }: FieldProps<MultiQuestion>) {
  const { t } = useTranslation();
  const local = useLocalized();
  const help = q.maxSelected ? { vi: t("form.maxSelected", { max: q.maxSelected }), en: t("form.maxSelected", { max: q.maxSelected }) } : q.help;
  return (
    <ChoiceFieldset id={q.id} label={q.label} help={help} required={q.required} error={error}>
      {q.options.map((o) => (
        <OptionRow key={o.id} q={{ ...q, help }} type="checkbox" value={o.id} checked={has(value, o.id)} error={error}>
          {local(o.label)}
        </OptionRow>
      ))}
    </ChoiceFieldset>
  );
}

export function YesNoField({ q, value, error }: FieldProps<Question>) {
  const { t } = useTranslation();
  return (
    <ChoiceFieldset id={q.id} label={q.label} help={q.help} required={q.required} error={error} className="yesno" radio>
      <OptionRow q={q} type="radio" value="yes" checked={has(value, "yes")}>
        {t("form.yes")}
      </OptionRow>
      <OptionRow q={q} type="radio" value="no" checked={has(value, "no")}>
        {t("form.no")}
      </OptionRow>
    </ChoiceFieldset>
  );
}

export function ConsentField({ q, value, error }: FieldProps<Question>) {
  const { t } = useTranslation();
  return (
    <ChoiceFieldset id={q.id} label={q.label} help={q.help} required={q.required} error={error} className="consent">
      <OptionRow q={q} type="checkbox" value="yes" checked={has(value, "yes")} error={error}>
        {t("form.consentAgree")}
      </OptionRow>
    </ChoiceFieldset>
  );
}
