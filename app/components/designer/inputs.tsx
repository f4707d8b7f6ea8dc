import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

/** Validation messages of a draft, keyed by JSON path (= field name). Already in Vietnamese. */
export type DraftErrors = Record<string, string>;

export const fieldId = (name: string) => `f-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;
const errId = (name: string) => `e-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function DraftError({ name, errors }: { name: string; errors: DraftErrors }) {
  const message = errors[name];
  return message ? (
    <span className="field-error" id={errId(name)}>
      {message}
    </span>
  ) : null;
}

export function aria(names: string[], errors: DraftErrors) {
  const hit = names.find((n) => errors[n]);
  return hit ? { "aria-invalid": true as const, "aria-describedby": errId(hit) } : {};
}

export function TextInput({ name, label, value, errors, wide }: { name: string; label: ReactNode; value: unknown; errors: DraftErrors; wide?: boolean }) {
  return (
    <label className={wide ? "field wide" : "field"}>
      <span>{label}</span>
      <input id={fieldId(name)} name={name} defaultValue={value === undefined || value === null ? "" : String(value)} {...aria([name], errors)} />
      <DraftError name={name} errors={errors} />
    </label>
  );
}

/** Vietnamese and English side by side. */
export function LocalizedInputs({ name, label, value, errors, multiline }: { name: string; label: ReactNode; value: unknown; errors: DraftErrors; multiline?: boolean }) {
  const { t } = useTranslation();
  const v = (value ?? {}) as { vi?: string; en?: string };
  return (
    <fieldset className="localized">
      <legend>{label}</legend>
      {(["vi", "en"] as const).map((lng) => {
        const n = `${name}.${lng}`;
        const props = { id: fieldId(n), name: n, defaultValue: v[lng] ?? "", lang: lng, ...aria([n, name], errors) };
        return (
          <label key={lng} className="field">
            <span>{lng === "vi" ? t("designer.vi") : t("designer.en")}</span>
            {multiline ? <textarea rows={2} {...props} /> : <input {...props} />}
            <DraftError name={n} errors={errors} />
          </label>
        );
      })}
      <DraftError name={name} errors={errors} />
    </fieldset>
  );
}

/** A checkbox plus a marker that the key was present, so an explicit `false` is kept. */
export function BoolInput({ name, label, value, present, errors }: { name: string; label: ReactNode; value: boolean; present: boolean; errors: DraftErrors }) {
  return (
    <label className="check">
      <input type="checkbox" id={fieldId(name)} name={name} defaultChecked={value} {...aria([name], errors)} />
      {present ? <input type="hidden" name={`${name}@`} value="1" /> : null}
      {label}
      <DraftError name={name} errors={errors} />
    </label>
  );
}

/** Conditions as JSON, e.g. {"all":[{"q":"tc1","op":"lte","value":2}]}. */
export function OpButton({ op, children, secondary = true }: { op: string; children: ReactNode; secondary?: boolean }) {
  return (
    <button type="submit" name="op" value={op} className={secondary ? "secondary small" : "small"} formNoValidate>
      {children}
    </button>
  );
}
