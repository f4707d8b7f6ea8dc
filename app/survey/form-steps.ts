import { conditionRefs, evaluateCondition } from "./conditions";
import { deriveIndexModel, indexItems } from "./index-model";
import type { AnswerSet, AnswerValue, Question, Section, SurveyDefinition } from "./types";
import { NOT_APPLICABLE, validateAnswers, type FieldError } from "./validate-answers";

// The online form, one section per step: which steps and questions are visible, how posted
// fields become answers, and which errors belong to a step. Pure, so the browser can use it
// too (it must not import zod).

/** Form field name of a question: question ids are [a-z0-9-], so the prefix cannot clash. */
export const FIELD_PREFIX = "q_";
export const fieldName = (questionId: string) => `${FIELD_PREFIX}${questionId}`;

/** What a form control holds: one string, or several for checkboxes. */
export type RawValues = Record<string, string | string[]>;

export function isQuestionVisible(section: Section, q: Question, answers: AnswerSet): boolean {
  return evaluateCondition(section.visibleIf, answers) && evaluateCondition(q.visibleIf, answers);
}

/** Sections shown as steps: visible, with at least one visible question. */
export function visibleSections(def: SurveyDefinition, answers: AnswerSet): Section[] {
  return def.sections.filter((s) => s.questions.some((q) => isQuestionVisible(s, q, answers)));
}

/** Drops answers to questions the other answers now hide (form order, as validation reads them). */
export function pruneHidden(def: SurveyDefinition, answers: AnswerSet): AnswerSet {
  const kept: AnswerSet = {};
  for (const s of def.sections) {
    for (const q of s.questions) {
      if (answers[q.id] !== undefined && isQuestionVisible(s, q, kept)) kept[q.id] = answers[q.id];
    }
  }
  return kept;
}

function toNumber(raw: string): number | string {
  const text = raw.trim().replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(text)) return raw;
  return Number(text);
}

/** One control's posted value → the answer value validateAnswers expects (undefined = empty). */
export function parseValue(q: Question, raw: string | string[] | undefined): AnswerValue | undefined {
  if (q.type === "multi") {
    const list = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).filter((v) => v !== "");
    return list.length ? list : undefined;
  }
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (value === undefined || value.trim() === "") return undefined;
  switch (q.type) {
    case "scale5":
      return value === NOT_APPLICABLE ? value : toNumber(value);
    case "stars":
    case "smiley":
    case "number":
      return toNumber(value);
    default:
      return value;
  }
}

export interface PostedStep {
  /** Raw control values of the step's questions (shown again when the step fails). */
  raw: RawValues;
  answers: AnswerSet;
  /** Posted answer fields that do not belong to this step: a forged or stale post. */
  unknown: string[];
}

/** Reads the posted fields of one section. Fields without the prefix (state, intent…) are ignored. */
export function readStep(section: Section, entries: Iterable<[string, string]>): PostedStep {
  const byId = new Map(section.questions.map((q) => [q.id, q]));
  const raw: RawValues = {};
  const unknown: string[] = [];
  for (const [name, value] of entries) {
    if (!name.startsWith(FIELD_PREFIX)) continue;
    const id = name.slice(FIELD_PREFIX.length);
    const q = byId.get(id);
    if (!q) {
      unknown.push(id);
      continue;
    }
    const prev = raw[id];
    if (q.type === "multi") raw[id] = [...(Array.isArray(prev) ? prev : prev ? [prev] : []), value];
    else if (prev === undefined) raw[id] = value;
    else unknown.push(id); // two values for a one-value question
  }
  const answers: AnswerSet = {};
  for (const q of section.questions) {
    const value = parseValue(q, raw[q.id]);
    if (value !== undefined) answers[q.id] = value;
  }
  return { raw, answers, unknown };
}

/** The step's answers replace whatever the set held for its questions; hidden ones are dropped. */
export function mergeStep(def: SurveyDefinition, section: Section, answers: AnswerSet, step: AnswerSet): AnswerSet {
  const merged: AnswerSet = { ...answers };
  for (const q of section.questions) delete merged[q.id];
  return pruneHidden(def, { ...merged, ...step });
}

/** Errors of the given sections only: later steps' required questions are not due yet. */
export function errorsFor(def: SurveyDefinition, answers: AnswerSet, sectionIds: string[]): Record<string, FieldError> {
  const result = validateAnswers(def, answers);
  if (result.ok) return {};
  const ids = new Set(def.sections.filter((s) => sectionIds.includes(s.id)).flatMap((s) => s.questions.map((q) => q.id)));
  return Object.fromEntries(Object.entries(result.errors).filter(([id]) => ids.has(id)));
}

/** The first visible section holding one of the errors (where a failed final check sends the citizen). */
export function firstSectionWithError(def: SurveyDefinition, answers: AnswerSet, errors: Record<string, FieldError>): Section | undefined {
  return visibleSections(def, answers).find((s) => s.questions.some((q) => errors[q.id]));
}

/** Answers as control values, to fill a step's inputs. */
export function rawValues(section: Section, answers: AnswerSet): RawValues {
  const raw: RawValues = {};
  for (const q of section.questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    raw[q.id] = Array.isArray(v) ? v : String(v);
  }
  return raw;
}

/** Answers outside a section that its conditions read (the browser re-evaluates with them). */
export function conditionContext(def: SurveyDefinition, section: Section, answers: AnswerSet): AnswerSet {
  const own = new Set(section.questions.map((q) => q.id));
  const refs = [section.visibleIf, ...section.questions.map((q) => q.visibleIf)].flatMap(conditionRefs);
  const context: AnswerSet = {};
  for (const id of refs) if (!own.has(id) && answers[id] !== undefined) context[id] = answers[id];
  return context;
}

/** Ids of the section's questions visible with these answers. */
export function visibleQuestionIds(section: Section, answers: AnswerSet): string[] {
  return section.questions.filter((q) => isQuestionVisible(section, q, answers)).map((q) => q.id);
}

/** Step navigation over the sections visible now. `null` = the review step. */
export function neighbourSection(def: SurveyDefinition, answers: AnswerSet, fromId: string, direction: 1 | -1): Section | null | undefined {
  const order = def.sections.map((s) => s.id);
  const from = order.indexOf(fromId);
  const visible = visibleSections(def, answers);
  if (direction === 1) return visible.find((s) => order.indexOf(s.id) > from) ?? null;
  return [...visible].reverse().find((s) => order.indexOf(s.id) < from);
}

/** "Bước n/total": the review step counts as the last step. */
export function progressOf(def: SurveyDefinition, answers: AnswerSet, sectionId: string | null): { step: number; total: number } {
  const visible = visibleSections(def, answers);
  const total = visible.length + 1;
  if (sectionId === null) return { step: total, total };
  const i = visible.findIndex((s) => s.id === sectionId);
  return { step: i < 0 ? 1 : i + 1, total };
}

/**
 * The first step holding an index question when none has a rating (a form sent with no
 * index answer at all counts for nothing), or null when the answers are usable.
 */
export function missingIndexStep(def: SurveyDefinition, answers: AnswerSet): Section | null {
  const items = new Set(indexItems(deriveIndexModel(def)));
  if (!items.size) return null;
  if ([...items].some((id) => typeof answers[id] === "number")) return null;
  return visibleSections(def, answers).find((s) => s.questions.some((q) => items.has(q.id))) ?? null;
}
