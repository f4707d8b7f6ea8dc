import { ariaFor, FieldError, type Errors } from "./field";

/** A unit code typed or picked from the list (a plain <datalist>: works without JavaScript). */
export function UnitInput(props: { name: string; label: string; units: Array<{ code: string; name: string }>; errors: Errors; defaultValue?: string; required?: boolean }) {
  const listId = `units-${props.name}`;
  return (
    <label className="field">
      <span>{props.label}</span>
      <input name={props.name} list={listId} defaultValue={props.defaultValue} required={props.required} autoComplete="off" {...ariaFor(props.name, props.errors)} />
      <datalist id={listId}>
        {props.units.map((u) => (
          <option key={u.code} value={u.code}>
            {u.name}
          </option>
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
