import { wilsonInterval } from "./wilson";

// Perception indicators the forms collect (issue 13.10): sách nhiễu/gây phiền hà and chi phí
// ngoài quy định (sipas-2017), C1, C3–C6 and C10 (sipas-2023): the share of each option, with
// n and a Wilson interval, for the scope and each direct child unit. Pure.

/** Sections whose single-choice questions are perception indicators. */
export const PERCEPTION_SECTIONS = ["cam-nhan", "khoi-c-nhan-thuc", "khoi-c10"];

export interface OptionShare {
  id: string;
  count: number;
  share: number | null;
  ci95: [number, number] | null;
}

export interface IndicatorFigures {
  id: string;
  n: number;
  options: OptionShare[];
  units: Array<{ code: string; n: number; options: OptionShare[] }>;
}

function shares(options: readonly string[], codes: ReadonlyMap<number, number>): { n: number; options: OptionShare[] } {
  const counts = options.map((_, k) => codes.get(k + 1) ?? 0);
  const n = counts.reduce((s, c) => s + c, 0);
  return { n, options: options.map((id, k) => ({ id, count: counts[k], share: n ? (100 * counts[k]) / n : null, ci95: wilsonInterval(counts[k], n) })) };
}

/** Cells (roll-up codes = 1-based option order) → the indicator for the scope and each child. */
export function indicatorFigures(
  question: { id: string; options: readonly string[] },
  cells: Iterable<{ unit_id: number; question_id: string; code: number; count: number }>,
  children: ReadonlyArray<{ id: number; code: string }>,
  childOf: ReadonlyMap<number, number>,
): IndicatorFigures {
  const total = new Map<number, number>();
  const perChild = new Map<number, Map<number, number>>();
  for (const c of cells) {
    if (c.question_id !== question.id) continue;
    total.set(c.code, (total.get(c.code) ?? 0) + c.count);
    const child = childOf.get(c.unit_id);
    if (child === undefined) continue;
    let m = perChild.get(child);
    if (!m) perChild.set(child, (m = new Map()));
    m.set(c.code, (m.get(c.code) ?? 0) + c.count);
  }
  return {
    id: question.id,
    ...shares(question.options, total),
    units: children.map((c) => ({ code: c.code, ...shares(question.options, perChild.get(c.id) ?? new Map()) })),
  };
}
