import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "~/i18n/use-translation";

export type Errors = Record<string, string> | undefined;

/** The id of a field's error message, for aria-describedby. */
export const errorId = (name: string) => `err-${name.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function FieldError({ name, errors }: { name: string; errors: Errors }) {
  const { t } = useTranslation();
  const key = errors?.[name];
  if (!key) return null;
  return (
    <span className="field-error" id={errorId(name)}>
      {t(key)}
    </span>
  );
}

/** aria props of an input whose error (if any) is shown by <FieldError>. */
export function ariaFor(name: string, errors: Errors) {
  return errors?.[name] ? { "aria-invalid": true as const, "aria-describedby": errorId(name) } : {};
}

type InputProps = InputHTMLAttributes<HTMLInputElement> & { name: string; label: ReactNode; errors: Errors };

/** A labelled input with its error next to it. */
export function Field({ name, label, errors, ...input }: InputProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input name={name} {...ariaFor(name, errors)} {...input} />
      <FieldError name={name} errors={errors} />
    </label>
  );
}

/** Errors a form could not place next to one field. */
export function FormErrors({ errors }: { errors: Errors }) {
  const { t } = useTranslation();
  if (!errors?.form) return null;
  return (
    <p role="alert" className="form-error">
      {t(errors.form)}
    </p>
  );
}

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="csrf" value={token} />;
}
