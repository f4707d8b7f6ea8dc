import type { EmitCell, RollupCell } from "../../db/schema-rollups";
import type { AnswerSet, AnswerValue, IndexModel, SurveyDefinition } from "./types";

export type { EmitCell, RollupCell };

// What one response adds to the roll-ups: the same cells whether they are added at insert
// (db/queries/responses.ts) or counted from raw rows for days outside whole months
// (db/queries/report-counts.ts), so the two can never disagree. Pure.

/** Visits the cells of one response whose answers `get` reads. */
export type CellVisitor = (get: (questionId: string) => AnswerValue | undefined, emit: EmitCell) => void;

type Counted = { id: string; options: Map<string, number> | null };

const compiled = new WeakMap<SurveyDefinition, WeakMap<IndexModel, CellVisitor>>();

/**
 * The version's cell visitor, prepared once: codes of scale, smiley and star questions, the
 * 1-based option of single-choice questions (0 for an unknown one), then one participation
 * cell per element and aspect with at least one item answered with a number.
 */
export function cellVisitor(def: SurveyDefinition, model: IndexModel): CellVisitor {
  const known = compiled.get(def)?.get(model);
  if (known) return known;
  const counted: Counted[] = [];
  for (const s of def.sections) {
    for (const q of s.questions) {
      if (q.type === "scale5" || q.type === "smiley" || q.type === "stars") counted.push({ id: q.id, options: null });
      else if (q.type === "single") counted.push({ id: q.id, options: new Map(q.options.map((o, i) => [o.id, i + 1])) });
    }
  }
  const aspects = model.aspects.map((a) => ({ key: `@as/${a.id}`, elements: a.elements.map((e) => ({ key: `@el/${e.id}`, items: e.items })) }));
  const visit: CellVisitor = (get, emit) => {
    for (const q of counted) {
      const value = get(q.id);
      if (q.options === null) {
        if (typeof value === "number") emit(q.id, value);
      } else if (typeof value === "string") emit(q.id, q.options.get(value) ?? 0);
    }
    // Respondents who answered at least one item validly: the honest n of an element/aspect.
    for (const aspect of aspects) {
      let aspectAnswered = false;
      for (const element of aspect.elements) {
        if (element.items.some((id) => typeof get(id) === "number")) {
          emit(element.key, 0);
          aspectAnswered = true;
        }
      }
      if (aspectAnswered) emit(aspect.key, 0);
    }
  };
  const byModel = compiled.get(def) ?? new WeakMap<IndexModel, CellVisitor>();
  byModel.set(model, visit);
  compiled.set(def, byModel);
  return visit;
}

export function rollupCells(def: SurveyDefinition, model: IndexModel, answers: AnswerSet): RollupCell[] {
  const cells: RollupCell[] = [];
  cellVisitor(def, model)((id) => answers[id], (question_id, code) => cells.push({ question_id, code }));
  return cells;
}
