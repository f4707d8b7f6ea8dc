import type { ReactNode } from "react";
import { fieldName } from "~/survey/form-steps";
import type { NumberQuestion, TextQuestion } from "~/survey/types";
import { DEFAULT_TEXT_MAX, type FieldError } from "~/survey/validate-answers";
import { FieldMessages, RequiredMark, describedBy, useLocalized } from "./field-shell";

interface InputProps<Q> {
  q: Q;
  value: string | string[] | undefined;
  error?: FieldError;
}

/** A question answered in one input: its label, help and error above the control. */
function InputShell({ q, inputId, error, children }: { q: NumberQuestion | TextQuestion; inputId: string; error?: FieldError; children: ReactNode }) {
  const local = useLocalized();
  return (
    <div className="question">
      <label htmlFor={inputId} className="question-label">
        {local(q.label)}
        <RequiredMark required={q.required} />
      </label>
      <FieldMessages id={q.id} help={q.help} error={error} />
      {children}
    </div>
  );
}

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export function NumberField({ q, value, error }: InputProps<NumberQuestion>) {
  const local = useLocalized();
  const inputId = `input-${q.id}`;
  return (
    <InputShell q={q} inputId={inputId} error={error}>
      <div className="number-row">
        <input
          id={inputId}
          name={fieldName(q.id)}
          type="text"
          inputMode={q.integer ? "numeric" : "decimal"}
          autoComplete="off"
          defaultValue={single(value)}
          aria-required={q.required ? true : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(q.id, !!q.help, !!error)}
          className="number-input"
        />
        {q.unit ? <span className="unit">{local(q.unit)}</span> : null}
      </div>
    </InputShell>
  );
}

export function TextField({ q, value, error }: InputProps<TextQuestion>) {
  const inputId = `input-${q.id}`;
  const common = {
    id: inputId,
    name: fieldName(q.id),
    defaultValue: single(value),
    maxLength: q.maxLength ?? DEFAULT_TEXT_MAX,
    "aria-required": q.required ? true : undefined,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy(q.id, !!q.help, !!error),
  } as const;
  return (
    <InputShell q={q} inputId={inputId} error={error}>
      {q.multiline ? <textarea {...common} rows={4} /> : <input {...common} type="text" autoComplete={q.personal ? "on" : "off"} />}
    </InputShell>
  );
}
