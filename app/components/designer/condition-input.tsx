import { useTranslation } from "~/i18n/use-translation";
import { DraftError, aria, fieldId, type DraftErrors } from "./inputs";

export const CONDITION_OPS = ["eq", "ne", "lt", "lte", "gt", "gte", "in", "answered", "not-answered"] as const;
const OP_KEYS: Record<(typeof CONDITION_OPS)[number], string> = {
  eq: "designer.ops.eq", ne: "designer.ops.ne", lt: "designer.ops.lt", lte: "designer.ops.lte", gt: "designer.ops.gt",
  gte: "designer.ops.gte", in: "designer.ops.in", answered: "designer.ops.answered", "not-answered": "designer.ops.not-answered",
};

type Loose = Record<string, unknown>;

/**
 * A show/hide condition as question → comparison → value (plain selects, no JavaScript),
 * saved as the same structured JSON. Combined conditions (all/any) keep the JSON box.
 * `questions`: the questions before this place in the form (a condition reads earlier answers).
 */
export function ConditionInput({ name, value, errors, questions }: { name: string; value: unknown; errors: DraftErrors; questions: Array<{ id: string; label: string }> }) {
  const { t } = useTranslation();
  const issues = Object.keys(errors).filter((k) => k.startsWith(`${name}.`));
  const cond = (value && typeof value === "object" && !Array.isArray(value) ? value : {}) as Loose;
  const combined = value !== undefined && (typeof value === "string" || "all" in cond || "any" in cond);
  if (combined) {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    return (
      <label className="field wide">
        <span>{t("designer.conditionJson")}</span>
        <textarea id={fieldId(name)} name={name} rows={1} defaultValue={text} spellCheck={false} {...aria([name, ...issues], errors)} />
        <DraftError name={name} errors={errors} />
        {issues.map((k) => (
          <DraftError key={k} name={k} errors={errors} />
        ))}
      </label>
    );
  }
  // A condition naming a question not before it (an error the validation reports) keeps its question.
  const named = String(cond.q ?? "");
  const choices = named && !questions.some((q) => q.id === named) ? [...questions, { id: named, label: "" }] : questions;
  const shown = Array.isArray(cond.value) ? cond.value.join(", ") : cond.value === undefined ? "" : String(cond.value);
  return (
    <fieldset className="condition" id={fieldId(name)}>
      <legend>{t("designer.condition")}</legend>
      <label className="field">
        <span>{t("designer.conditionQuestion")}</span>
        <select name={`${name}.q`} defaultValue={String(cond.q ?? "")} {...aria([name, `${name}.q`], errors)}>
          <option value="">{t("designer.conditionAlways")}</option>
          {choices.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label ? `${q.label} (${q.id})` : q.id}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("designer.conditionOp")}</span>
        <select name={`${name}.op`} defaultValue={String(cond.op ?? "eq")} {...aria([`${name}.op`], errors)}>
          {CONDITION_OPS.map((op) => (
            <option key={op} value={op}>
              {t(OP_KEYS[op])}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t("designer.conditionValue")}</span>
        <input name={`${name}.value`} defaultValue={shown} placeholder={t("designer.conditionValueHint")} {...aria([`${name}.value`], errors)} />
      </label>
      <DraftError name={name} errors={errors} />
      {issues.map((k) => (
        <DraftError key={k} name={k} errors={errors} />
      ))}
    </fieldset>
  );
}
