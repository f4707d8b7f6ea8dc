import { useTranslation } from "~/i18n/use-translation";
import { HAS_OPTIONS, QUESTION_TYPES, TYPE_FIELDS } from "~/survey/draft-form";
import { BoolInput, DraftError, LocalizedInputs, OpButton, TextInput, fieldId, type DraftErrors } from "./inputs";
import { ConditionInput } from "./condition-input";

type Loose = Record<string, unknown>;

/** Message keys of the question types and type-specific fields (literal for the key check). */
export const TYPE_LABEL_KEYS: Record<string, string> = {
  scale5: "designer.types.scale5",
  single: "designer.types.single",
  multi: "designer.types.multi",
  text: "designer.types.text",
  number: "designer.types.number",
  stars: "designer.types.stars",
  smiley: "designer.types.smiley",
  yesno: "designer.types.yesno",
  consent: "designer.types.consent",
};
const FIELD_LABEL_KEYS: Record<string, string> = {
  allowNA: "designer.fields.allowNA",
  index: "designer.fields.index",
  maxSelected: "designer.fields.maxSelected",
  multiline: "designer.fields.multiline",
  maxLength: "designer.fields.maxLength",
  personal: "designer.fields.personal",
  min: "designer.fields.min",
  max: "designer.fields.max",
  integer: "designer.fields.integer",
  unit: "designer.fields.unit",
  levels: "designer.fields.levels",
};

export function QuestionEditor({ q, path, si, qi, errors, earlier }: { q: Loose; path: string; si: number; qi: number; errors: DraftErrors; earlier: Array<{ id: string; label: string }> }) {
  const { t } = useTranslation();
  const type = String(q.type ?? "");
  const options = Array.isArray(q.options) ? (q.options as Loose[]) : [];
  return (
    <fieldset className="question" id={fieldId(path)}>
      <legend>
        {t("designer.question")} {qi + 1}: <code>{String(q.id ?? "")}</code>
      </legend>
      <DraftError name={path} errors={errors} />
      <div className="grid-2">
        <TextInput name={`${path}.id`} label={t("designer.id")} value={q.id} errors={errors} />
        <label className="field">
          <span>{t("designer.type")}</span>
          <select id={fieldId(`${path}.type`)} name={`${path}.type`} defaultValue={type}>
            {QUESTION_TYPES.map((ty) => (
              <option key={ty} value={ty}>
                {t(TYPE_LABEL_KEYS[ty])}
              </option>
            ))}
          </select>
          <DraftError name={`${path}.type`} errors={errors} />
        </label>
      </div>
      <LocalizedInputs name={`${path}.label`} label={t("designer.label")} value={q.label} errors={errors} multiline />
      <LocalizedInputs name={`${path}.help`} label={t("designer.help")} value={q.help} errors={errors} />
      <BoolInput name={`${path}.required`} label={t("designer.required")} value={q.required === true} present={"required" in q} errors={errors} />
      {(TYPE_FIELDS[type] ?? []).map((f) =>
        f.kind === "bool" ? (
          <BoolInput key={f.key} name={`${path}.${f.key}`} label={t(FIELD_LABEL_KEYS[f.key])} value={f.key in q ? q[f.key] === true : (f.default ?? false)} present={f.key in q} errors={errors} />
        ) : f.kind === "number" ? (
          <TextInput key={f.key} name={`${path}.${f.key}`} label={t(FIELD_LABEL_KEYS[f.key])} value={q[f.key]} errors={errors} />
        ) : (
          <LocalizedInputs key={f.key} name={`${path}.${f.key}`} label={t(FIELD_LABEL_KEYS[f.key])} value={q[f.key]} errors={errors} />
        ),
      )}
      {HAS_OPTIONS.has(type) ? (
        <fieldset className="options">
          <legend>{t("designer.options")}</legend>
          <DraftError name={`${path}.options`} errors={errors} />
          {options.map((o, oi) => (
            <div key={oi} className="option-row">
              <TextInput name={`${path}.options.${oi}.id`} label={t("designer.id")} value={o.id} errors={errors} />
              <LocalizedInputs name={`${path}.options.${oi}.label`} label={`${t("designer.option")} ${oi + 1}`} value={o.label} errors={errors} />
              <OpButton op={`remove-option:${si}:${qi}:${oi}`}>{t("designer.removeOption")}</OpButton>
            </div>
          ))}
          <OpButton op={`add-option:${si}:${qi}`}>{t("designer.addOption")}</OpButton>
        </fieldset>
      ) : null}
      <ConditionInput name={`${path}.visibleIf`} value={q.visibleIf} errors={errors} questions={earlier} />
      <div className="op-row">
        <OpButton op={`up-question:${si}:${qi}`}>{t("designer.up")}</OpButton>
        <OpButton op={`down-question:${si}:${qi}`}>{t("designer.down")}</OpButton>
        <OpButton op={`remove-question:${si}:${qi}`}>{t("designer.removeQuestion")}</OpButton>
      </div>
    </fieldset>
  );
}
