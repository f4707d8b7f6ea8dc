import { isPrivateQuestion } from "./codebook";
import type { AnswerSet, SurveyDefinition } from "./types";

// A response's exportable answers folded into one string, written with the response in the
// same transaction, so an export reads one row per response instead of ~25 answer rows
// (docs/decisions/008-folded-answers.md). Pure.
//
// Format: "question\x1Evalue" pairs joined by \x1F; a text value starts with \x1D. Codes are
// written as JavaScript prints them ("5", "3.5"). Personal text and consent ticks are never
// folded: what is folded is what an export may show.

export const PAIR_SEPARATOR = "\x1f";
export const VALUE_SEPARATOR = "\x1e";
export const TEXT_MARK = "\x1d";

const clean = (text: string) => text.replaceAll(PAIR_SEPARATOR, " ").replaceAll(VALUE_SEPARATOR, " ").replaceAll(TEXT_MARK, " ");

export function foldAnswers(def: SurveyDefinition, answers: AnswerSet): string {
  const pairs: string[] = [];
  for (const s of def.sections) {
    for (const q of s.questions) {
      const value = answers[q.id];
      if (value === undefined || value === null || isPrivateQuestion(q)) continue;
      const text = typeof value === "number" ? String(value) : TEXT_MARK + clean(Array.isArray(value) ? value.join(";") : String(value));
      pairs.push(q.id + VALUE_SEPARATOR + text);
    }
  }
  return pairs.join(PAIR_SEPARATOR);
}

export function unfoldAnswers(folded: string | null): Map<string, number | string> {
  const out = new Map<string, number | string>();
  if (!folded) return out;
  for (const pair of folded.split(PAIR_SEPARATOR)) {
    const cut = pair.indexOf(VALUE_SEPARATOR);
    const v = pair.slice(cut + 1);
    out.set(pair.slice(0, cut), v.startsWith(TEXT_MARK) ? v.slice(1) : Number(v));
  }
  return out;
}
