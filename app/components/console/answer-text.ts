import type { Question, SurveyDefinition } from "~/survey/types";

export interface StoredAnswer {
  question_id: string;
  code: number | null;
  text: string | null;
}

/** Answers in the order of their version's questions, labelled from that version (old versions stay readable). */
export function readableAnswers(def: SurveyDefinition, answers: StoredAnswer[], scale: string[]) {
  const byId = new Map(answers.map((a) => [a.question_id, a]));
  const questions: Question[] = def.sections.flatMap((s) => s.questions);
  const known = new Set(questions.map((q) => q.id));
  const rows = questions
    .filter((q) => byId.has(q.id))
    .map((q) => ({ id: q.id, label: q.label.vi, value: describe(q, byId.get(q.id)!, scale) }));
  // An answer whose question is not in the definition is still shown, raw.
  for (const a of answers) if (!known.has(a.question_id)) rows.push({ id: a.question_id, label: a.question_id, value: a.text ?? String(a.code) });
  return rows;
}

function describe(q: Question, a: StoredAnswer, scale: string[]): string {
  if (a.text === "na") return "Không áp dụng";
  if (a.code !== null) return q.type === "scale5" ? `${a.code} — ${scale[a.code - 1] ?? ""}` : String(a.code);
  const text = a.text ?? "";
  if (q.type === "single") return q.options.find((o) => o.id === text)?.label.vi ?? text;
  if (q.type === "multi") return text.split(";").map((id) => q.options.find((o) => o.id === id)?.label.vi ?? id).join("; ");
  if (q.type === "yesno" || q.type === "consent") return text === "yes" ? "Có" : text === "no" ? "Không" : text;
  return text;
}
