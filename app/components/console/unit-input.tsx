import { useTranslation } from "~/i18n/use-translation";
import { levelKey, unitPickLabel } from "~/org/levels";
import { ariaFor, FieldError, type Errors } from "./field";

/**
 * A unit searched by name or code and picked from the list: a plain <datalist> of
 * "Name (CODE)" (works without JavaScript); the server reads the code in brackets, or a bare code.
 */
export function UnitInput(props: { name: string; label: string; units: Array<{ code: string; name: string }>; errors: Errors; defaultValue?: string; required?: boolean }) {
  const { t } = useTranslation();
  const listId = `units-${props.name}`;
  const current = props.units.find((u) => u.code === props.defaultValue);
  return (
    <label className="field">
      <span>{props.label}</span>
      <input
        name={props.name}
        type="search"
        list={listId}
        defaultValue={current ? unitPickLabel(current) : props.defaultValue}
        placeholder={t("console.unitPicker")}
        required={props.required}
        autoComplete="off"
        {...ariaFor(props.name, props.errors)}
      />
      <datalist id={listId}>
        {props.units.map((u) => (
          <option key={u.code} value={unitPickLabel(u)} />
        ))}
      </datalist>
      <FieldError name={props.name} errors={props.errors} />
    </label>
  );
}

export function RoleSelect({ name, label, labels, defaultValue, errors }: { name: string; label: string; labels: Record<string, string>; defaultValue?: string; errors: Errors }) {
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={defaultValue} {...ariaFor(name, errors)}>
        {Object.entries(labels).map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError name={name} errors={errors} />
    </label>
  );
}

/** A level chosen from the list (codes stored, names shown); `levels` decides which are offered. */
export function LevelSelect({ name, label, levels, defaultValue, errors }: { name: string; label: string; levels: readonly string[]; defaultValue?: string; errors: Errors }) {
  const { t } = useTranslation();
  const offered = defaultValue && !levels.includes(defaultValue) ? [...levels, defaultValue] : levels;
  return (
    <label className="field">
      <span>{label}</span>
      <select name={name} defaultValue={defaultValue ?? ""} required {...ariaFor(name, errors)}>
        <option value="" disabled>
          {t("org.chooseLevel")}
        </option>
        {offered.map((l) => (
          <option key={l} value={l}>
            {t(levelKey(l))}
          </option>
        ))}
      </select>
      <FieldError name={name} errors={errors} />
    </label>
  );
}
