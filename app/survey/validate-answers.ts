import { evaluateCondition } from "./conditions";
import type { AnswerSet, AnswerValue, Question, SurveyDefinition } from "./types";

/** A message key of public/locales/{vi,en}/common.json with its parameters. */
export interface FieldError {
  key: string;
  params?: Record<string, string | number>;
}

export type AnswerValidation =
  | { ok: true; answers: AnswerSet }
  | { ok: false; errors: Record<string, FieldError> };

export const DEFAULT_TEXT_MAX = 1000;
export const NOT_APPLICABLE = "na";

type Checked = { value: AnswerValue } | { empty: true } | { error: FieldError };

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

function checkRange(v: unknown, min: number, max: number): Checked {
  return isInt(v) && v >= min && v <= max
    ? { value: v }
    : { error: { key: "validation.range", params: { min, max } } };
}

function checkValue(q: Question, raw: unknown): Checked {
  if (raw === null || raw === undefined) return { empty: true };
  switch (q.type) {
    case "scale5":
      if (raw === NOT_APPLICABLE) {
        return q.allowNA ? { value: NOT_APPLICABLE } : { error: { key: "validation.notApplicableNotAllowed" } };
      }
      return checkRange(raw, 1, 5);
    case "stars":
      return checkRange(raw, 1, q.max);
    case "smiley":
      return checkRange(raw, 1, q.levels);
    case "number": {
      if (typeof raw !== "number" || !Number.isFinite(raw)) return { error: { key: "validation.number" } };
      if (q.integer && !Number.isInteger(raw)) return { error: { key: "validation.integer" } };
      if ((q.min !== undefined && raw < q.min) || (q.max !== undefined && raw > q.max)) {
        return { error: { key: "validation.range", params: { min: q.min ?? "", max: q.max ?? "" } } };
      }
      return { value: raw };
    }
    case "single":
      return typeof raw === "string" && q.options.some((o) => o.id === raw)
        ? { value: raw }
        : { error: { key: "validation.option" } };
    case "multi": {
      if (!Array.isArray(raw)) return { error: { key: "validation.option" } };
      if (raw.length === 0) return { empty: true };
      const ids = new Set(q.options.map((o) => o.id));
      if (raw.some((v) => typeof v !== "string" || !ids.has(v)) || new Set(raw).size !== raw.length) {
        return { error: { key: "validation.option" } };
      }
      if (q.maxSelected && raw.length > q.maxSelected) {
        return { error: { key: "validation.maxSelected", params: { max: q.maxSelected } } };
      }
      return { value: raw as string[] };
    }
    case "text": {
      if (typeof raw !== "string") return { error: { key: "validation.text" } };
      // Control characters have no place in a comment and break CSV consumers.
      const cleaned = raw.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "").trim(); // eslint-disable-line no-control-regex
      if (!cleaned) return { empty: true };
      const max = q.maxLength ?? DEFAULT_TEXT_MAX;
      return cleaned.length > max ? { error: { key: "validation.tooLong", params: { max } } } : { value: cleaned };
    }
    case "yesno":
    case "consent":
      if (raw === true || raw === "yes") return { value: "yes" };
      if (raw === false || raw === "no") return { value: "no" };
      return { error: { key: "validation.yesno" } };
  }
}

/**
 * Checks an answer set against a published definition. Questions are visited in form
 * order, so a condition sees exactly the earlier answers the respondent gave.
 */
export function validateAnswers(def: SurveyDefinition, raw: unknown): AnswerValidation {
  // A Map, not an object literal: an answer keyed "__proto__" must become an error entry,
  // not silently replace the prototype of the error object.
  const errors = new Map<string, FieldError>();
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    return { ok: false, errors: { answers: { key: "validation.answersObject" } } };
  }
  const input = raw as Record<string, unknown>;
  const known = new Set(def.sections.flatMap((s) => s.questions.map((q) => q.id)));
  for (const key of Object.keys(input)) {
    if (!known.has(key)) errors.set(key, { key: "validation.unknownQuestion" });
  }

  const answers: AnswerSet = {};
  let personalGiven = false;
  for (const section of def.sections) {
    const sectionVisible = evaluateCondition(section.visibleIf, answers);
    for (const q of section.questions) {
      const visible = sectionVisible && evaluateCondition(q.visibleIf, answers);
      const checked = checkValue(q, input[q.id]);
      if ("error" in checked) {
        errors.set(q.id, checked.error);
      } else if ("value" in checked) {
        if (!visible) errors.set(q.id, { key: "validation.hidden" });
        else {
          answers[q.id] = checked.value;
          if (q.type === "text" && q.personal) personalGiven = true;
        }
      } else if (visible && q.required) {
        errors.set(q.id, { key: "validation.required" });
      }
    }
  }
  if (personalGiven) {
    const consent = def.sections.flatMap((s) => s.questions).find((q) => q.type === "consent");
    if (consent && answers[consent.id] !== "yes") errors.set(consent.id, { key: "validation.consent" });
  }
  return errors.size ? { ok: false, errors: Object.fromEntries(errors) } : { ok: true, answers };
}

export function allQuestions(def: SurveyDefinition): Question[] {
  return def.sections.flatMap((s) => s.questions);
}
