// The designer's form ⇄ survey-definition mapping (pure; used by the server and tested on
// every shipped questionnaire). Field names are the JSON paths ("sections.0.questions.2.label.vi"),
// so validation errors (which carry paths) land next to their field. Booleans are checkboxes
// plus a "<name>@" marker saying the key was present, so `"required": false` survives a save.

type Raw = { [key: string]: Raw | string | undefined };
type Obj = Record<string, unknown>;

export const QUESTION_TYPES = ["scale5", "single", "multi", "text", "number", "stars", "smiley", "yesno", "consent"] as const;

/** Type-specific keys, in the order the editor shows them. */
export const TYPE_FIELDS: Record<string, Array<{ key: string; kind: "bool" | "number" | "localized"; default?: boolean }>> = {
  scale5: [{ key: "allowNA", kind: "bool", default: false }, { key: "index", kind: "bool", default: true }],
  single: [],
  multi: [{ key: "maxSelected", kind: "number" }],
  text: [{ key: "multiline", kind: "bool", default: false }, { key: "maxLength", kind: "number" }, { key: "personal", kind: "bool", default: false }],
  number: [{ key: "min", kind: "number" }, { key: "max", kind: "number" }, { key: "integer", kind: "bool", default: false }, { key: "unit", kind: "localized" }],
  stars: [{ key: "max", kind: "number" }],
  smiley: [{ key: "levels", kind: "number" }],
  yesno: [],
  consent: [],
};
export const HAS_OPTIONS = new Set(["single", "multi"]);

function setPath(root: Raw, path: string[], value: string): void {
  let node = root;
  path.forEach((part, i) => {
    if (i === path.length - 1) node[part] = value;
    else {
      const next = node[part];
      node = typeof next === "object" ? next : (node[part] = {});
    }
  });
}

const str = (v: Raw | string | undefined): string => (typeof v === "string" ? v : "");
const obj = (v: Raw | string | undefined): Raw => (typeof v === "object" ? v : {});
/** Numbered children ("0", "1", …) in order; gaps are dropped. */
const list = (v: Raw | string | undefined): Raw[] =>
  Object.entries(obj(v))
    .filter(([k]) => /^\d+$/.test(k))
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([, x]) => obj(x));

function localized(v: Raw | string | undefined) {
  return { vi: str(obj(v).vi), en: str(obj(v).en) };
}
function optionalLocalized(out: Obj, key: string, raw: Raw) {
  const l = localized(raw[key]);
  if (l.vi !== "" || l.en !== "") out[key] = l;
}
function bool(out: Obj, key: string, raw: Raw, fallback: boolean) {
  const value = raw[key] === "on";
  if (value !== fallback || raw[`${key}@`] === "1") out[key] = value;
}
/** Numbers stay text when they are not numbers, so validation reports them in place. */
function number(out: Obj, key: string, raw: Raw) {
  const v = str(raw[key]).trim();
  if (v !== "") out[key] = /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}
const scalar = (s: string): number | string => (/^-?\d+(\.\d+)?$/.test(s) ? Number(s) : s);

/**
 * Conditions come as question → comparison → value (`visibleIf.q/op/value`; no question = no
 * condition; "in" takes a comma-separated list), or, combined, as JSON: text that is not JSON
 * is kept for validation to report.
 */
function condition(out: Obj, raw: Raw) {
  const picked = raw.visibleIf;
  if (picked && typeof picked === "object") {
    const q = str(picked.q).trim();
    if (q === "") return;
    const op = str(picked.op);
    const value = str(picked.value).trim();
    const cmp: Obj = { q, op };
    if (op === "in") cmp.value = value.split(",").map((s) => s.trim()).filter(Boolean).map(scalar);
    else if (op !== "answered" && op !== "not-answered") cmp.value = scalar(value);
    out.visibleIf = cmp;
    return;
  }
  const v = str(raw.visibleIf).trim();
  if (v === "") return;
  try {
    out.visibleIf = JSON.parse(v);
  } catch {
    out.visibleIf = v;
  }
}

function question(raw: Raw): Obj {
  const type = str(raw.type);
  const out: Obj = { id: str(raw.id), type, label: localized(raw.label) };
  optionalLocalized(out, "help", raw);
  bool(out, "required", raw, false);
  condition(out, raw);
  for (const f of TYPE_FIELDS[type] ?? []) {
    if (f.kind === "bool") bool(out, f.key, raw, f.default ?? false);
    else if (f.kind === "number") number(out, f.key, raw);
    else optionalLocalized(out, f.key, raw);
  }
  if (HAS_OPTIONS.has(type)) out.options = list(raw.options).map((o) => ({ id: str(o.id), label: localized(o.label) }));
  return out;
}

function section(raw: Raw): Obj {
  const out: Obj = { id: str(raw.id), title: localized(raw.title) };
  optionalLocalized(out, "description", raw);
  bool(out, "element", raw, false);
  if (str(raw.aspect) !== "") out.aspect = str(raw.aspect);
  condition(out, raw);
  out.questions = list(raw.questions).map(question);
  return out;
}

/** The posted designer form → a definition document (maybe invalid: the caller validates). */
export function formToDefinition(entries: Iterable<[string, FormDataEntryValue]>): Obj {
  const raw: Raw = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string" || name === "csrf" || name === "op") continue;
    setPath(raw, name.split("."), value);
  }
  const out: Obj = { schemaVersion: Number(str(raw.schemaVersion)) || str(raw.schemaVersion), slug: str(raw.slug), title: localized(raw.title) };
  optionalLocalized(out, "description", raw);
  optionalLocalized(out, "source", raw);
  const index = obj(raw.index);
  const idx: Obj = {};
  if (str(index.aggregation)) idx.aggregation = str(index.aggregation);
  if (str(index.parentAggregation)) idx.parentAggregation = str(index.parentAggregation);
  const aspects = list(index.aspects).map((a) => ({ id: str(a.id), title: localized(a.title) }));
  if (aspects.length || index["aspects@"] === "1") idx.aspects = aspects;
  if (Object.keys(idx).length || raw["index@"] === "1") out.index = idx;
  out.sections = list(raw.sections).map(section);
  return out;
}
