import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/use-translation";

export const TARGET_SCOPE_KEYS = {
  overall: "reports.targets.scopes.overall",
  element: "reports.targets.scopes.element",
  unit: "reports.targets.scopes.unit",
  service: "reports.targets.scopes.service",
} as const;

type Field = "year" | "scope" | "scopeKey" | "survey" | "value" | "source";

interface Props {
  csrf: string;
  surveys: Array<{ slug: string; title_vi: string }>;
  editing?: { id: number; year: number; scope: keyof typeof TARGET_SCOPE_KEYS; scope_key: string; survey_slug: string | null; value: number; source: string | null };
  errors: Partial<Record<Field, string>>;
}

/** Add or edit one target; every field says what is wrong with it, next to it. */
export function TargetForm({ csrf, surveys, editing, errors }: Props) {
  const { t } = useTranslation();
  const err = (f: Field) => (errors[f] ? { "aria-invalid": true, "aria-describedby": `target-${f}-error` } : {});
  const message = (f: Field) =>
    errors[f] ? (
      <span id={`target-${f}-error`} className="form-error">
        {t(errors[f]!)}
      </span>
    ) : null;
  return (
    <Form method="post" className="target-form">
      <h2>{t(editing ? "reports.targets.editTitle" : "reports.targets.addTitle")}</h2>
      <input type="hidden" name="csrf" value={csrf} />
      <input type="hidden" name="intent" value={editing ? "edit" : "add"} />
      {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
      <label>
        {t("reports.targets.year")}
        <input name="year" type="number" min={2000} max={2100} required defaultValue={editing?.year ?? new Date().getFullYear()} {...err("year")} />
        {message("year")}
      </label>
      <label>
        {t("reports.targets.scope")}
        <select name="scope" defaultValue={editing?.scope ?? "overall"} {...err("scope")}>
          {Object.entries(TARGET_SCOPE_KEYS).map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
        {message("scope")}
      </label>
      <label>
        {t("reports.targets.scopeKey")}
        <input name="scopeKey" defaultValue={editing?.scope_key ?? ""} aria-describedby="target-scopeKey-help" {...err("scopeKey")} />
        <span id="target-scopeKey-help" className="note">{t("reports.targets.scopeKeyHelp")}</span>
        {message("scopeKey")}
      </label>
      <label>
        {t("reports.targets.survey")}
        <select name="survey" defaultValue={editing?.survey_slug ?? ""} {...err("survey")}>
          <option value="">{t("reports.targets.allSurveys")}</option>
          {surveys.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.title_vi}
            </option>
          ))}
        </select>
        {message("survey")}
      </label>
      <label>
        {t("reports.targets.value")}
        <input name="value" type="number" step="0.01" min={0} max={100} required defaultValue={editing?.value ?? ""} {...err("value")} />
        {message("value")}
      </label>
      <label>
        {t("reports.targets.source")}
        <input name="source" maxLength={300} defaultValue={editing?.source ?? ""} {...err("source")} />
        {message("source")}
      </label>
      <button type="submit">{t(editing ? "reports.targets.saveEdit" : "reports.targets.add")}</button>
    </Form>
  );
}
