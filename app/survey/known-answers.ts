// Answers a form link already knows. A unit/procedure link fixes the procedure's field and the
// government level, so the citizen is not asked them again: the questions are taken out of the
// form shown, and their answers are added back when the form is sent (the index and the exports
// still read them).
import type { AnswerSet, Question, SurveyDefinition } from "./types";

/** What the link is bound to: the procedure's field (free text) and the unit's level code. */
export interface LinkFacts {
  serviceField: string | null;
  unitLevel: string | null;
}

/** Question ids of the SIPAS form that a link can answer. */
export const FIELD_QUESTION = "linh-vuc";
export const LEVEL_QUESTION = "cap-chinh-quyen";

/** Unit level codes → the form's government level option. */
const GOVERNMENT_LEVEL: Record<string, string> = { tinh: "tinh", so: "tinh", ban: "tinh", xa: "xa", phuong: "xa", "dac-khu": "xa" };

const fold = (s: string) =>
  s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();

function questionOf(def: SurveyDefinition, id: string): Question | undefined {
  for (const s of def.sections) for (const q of s.questions) if (q.id === id) return q;
  return undefined;
}

/** The option a procedure's field names: its id, or a Vietnamese label that starts with it ("Hộ tịch" → "Hộ tịch (khai sinh…)"). */
function fieldOption(q: Question, field: string): string | undefined {
  if (q.type !== "single" || !field.trim()) return undefined;
  const wanted = fold(field);
  return q.options.find((o) => o.id === wanted || fold(o.label.vi) === wanted || fold(o.label.vi).startsWith(`${wanted} `) || fold(o.label.vi).startsWith(`${wanted},`))?.id;
}

/** The answers the link fixes; a question is left to the citizen when the link's value matches no option. */
export function knownAnswers(def: SurveyDefinition, facts: LinkFacts): AnswerSet {
  const known: AnswerSet = {};
  const field = questionOf(def, FIELD_QUESTION);
  const fieldAnswer = field && facts.serviceField ? fieldOption(field, facts.serviceField) : undefined;
  if (fieldAnswer) known[FIELD_QUESTION] = fieldAnswer;
  const level = questionOf(def, LEVEL_QUESTION);
  const levelAnswer = facts.unitLevel ? GOVERNMENT_LEVEL[facts.unitLevel] : undefined;
  if (level?.type === "single" && levelAnswer && level.options.some((o) => o.id === levelAnswer)) known[LEVEL_QUESTION] = levelAnswer;
  return known;
}

/** The form as shown: without the known questions, and without a section left empty by them. */
export function withoutKnown(def: SurveyDefinition, known: AnswerSet): SurveyDefinition {
  if (!Object.keys(known).length) return def;
  const sections = def.sections
    .map((s) => ({ ...s, questions: s.questions.filter((q) => known[q.id] === undefined) }))
    .filter((s) => s.questions.length > 0);
  return { ...def, sections };
}
