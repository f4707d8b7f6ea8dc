import { evaluateCondition } from "~/survey/conditions";
import { pruneHidden } from "~/survey/form-steps";
import type { AnswerSet, AnswerValue, Question, SurveyDefinition } from "~/survey/types";

// The kiosk's walk through a survey, one question per screen (pure, unit-tested).

/** The question the attract screen offers as big faces: a leading smiley, 5-level scale or ≤5 stars. */
export function faceQuestion(def: SurveyDefinition): { id: string; levels: number } | null {
  const first = def.sections[0]?.questions[0];
  if (!first || def.sections[0].visibleIf || first.visibleIf) return null;
  if (first.type === "smiley") return { id: first.id, levels: first.levels };
  if (first.type === "scale5") return { id: first.id, levels: 5 };
  if (first.type === "stars" && first.max <= 5) return { id: first.id, levels: first.max };
  return null;
}

/** Visible questions in form order, given the answers so far (conditions read earlier answers). */
export function visibleQuestions(def: SurveyDefinition, answers: AnswerSet): Question[] {
  const out: Question[] = [];
  for (const section of def.sections) {
    if (!evaluateCondition(section.visibleIf, answers)) continue;
    for (const q of section.questions) if (evaluateCondition(q.visibleIf, answers)) out.push(q);
  }
  return out;
}

/** The visible question after `currentId` (null = from the start), skipping `skipId`; null when done. */
export function nextQuestion(def: SurveyDefinition, answers: AnswerSet, currentId: string | null, skipId?: string): Question | null {
  const list = visibleQuestions(def, answers).filter((q) => q.id !== skipId);
  if (currentId === null) return list[0] ?? null;
  const at = list.findIndex((q) => q.id === currentId);
  return at < 0 ? null : list[at + 1] ?? null;
}

export function previousQuestion(def: SurveyDefinition, answers: AnswerSet, currentId: string, skipId?: string): Question | null {
  const list = visibleQuestions(def, answers).filter((q) => q.id !== skipId);
  const at = list.findIndex((q) => q.id === currentId);
  return at > 0 ? list[at - 1] : null;
}


export function isAnswered(value: AnswerValue | undefined): boolean {
  if (value === undefined) return false;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value !== "string" || value.trim() !== "";
}

/**
 * A citizen who walks away mid-way has still answered: on idle, a draft with any visible
 * answer is stored as it is (procedure unknown when not chosen yet); an empty one is wiped.
 */
export function keptOnIdle(def: SurveyDefinition, draft: SessionDraft | null): boolean {
  return draft !== null && Object.values(pruneHidden(def, draft.answers)).some(isAnswered);
}

/** One tap is the whole answer: the screen moves on by itself. */
export function autoAdvances(q: Question): boolean {
  return q.type === "smiley" || q.type === "scale5" || q.type === "stars" || q.type === "single" || q.type === "yesno";
}

export interface SessionDraft {
  id: string;
  startedAt: string;
  answers: AnswerSet;
  service: string | null;
  dossier: string | null;
  bindingId: number | null;
}

/** The POST /api/v1/responses body of a finished session. */
export function submissionBody(draft: SessionDraft, def: SurveyDefinition, survey: { slug: string; version: number }, unit: string, locale: "vi" | "en", now: Date) {
  const body: Record<string, unknown> = {
    id: draft.id,
    survey: survey.slug,
    version: survey.version,
    unit,
    channel: "kiosk",
    locale,
    startedAt: draft.startedAt,
    submittedAt: now.toISOString(),
    answers: pruneHidden(def, draft.answers),
  };
  if (draft.service) body.service = draft.service;
  if (draft.dossier) body.dossier = draft.dossier;
  return body;
}
