import type { AnswerSet, AnswerValue, Comparison, Condition } from "./types";

export function isComparison(c: Condition): c is Comparison {
  return "q" in c;
}

/** Question ids a condition reads. */
export function conditionRefs(c: Condition | undefined): string[] {
  if (!c) return [];
  if (isComparison(c)) return [c.q];
  return ("all" in c ? c.all : c.any).flatMap(conditionRefs);
}

function compare(answer: AnswerValue | undefined, cmp: Comparison): boolean {
  if (cmp.op === "answered") return answer !== undefined && answer !== "na";
  if (cmp.op === "not-answered") return answer === undefined || answer === "na";
  if (answer === undefined || answer === "na") return false;
  const value = cmp.value;
  if (cmp.op === "in") {
    const set = Array.isArray(value) ? value : [value];
    return Array.isArray(answer) ? answer.some((a) => set.includes(a)) : set.includes(answer);
  }
  if (Array.isArray(answer)) {
    const has = value !== undefined && !Array.isArray(value) && answer.includes(String(value));
    return cmp.op === "eq" ? has : cmp.op === "ne" ? !has : false;
  }
  if (cmp.op === "eq") return answer === value;
  if (cmp.op === "ne") return answer !== value;
  if (typeof answer !== "number" || typeof value !== "number") return false;
  switch (cmp.op) {
    case "lt": return answer < value;
    case "lte": return answer <= value;
    case "gt": return answer > value;
    case "gte": return answer >= value;
  }
  return false;
}

/** No condition means always visible. */
export function evaluateCondition(c: Condition | undefined, answers: AnswerSet): boolean {
  if (!c) return true;
  if (isComparison(c)) return compare(answers[c.q], c);
  if ("all" in c) return c.all.every((x) => evaluateCondition(x, answers));
  return c.any.some((x) => evaluateCondition(x, answers));
}

// Note for authors: every comparison but "not-answered" is false for an unanswered
// question, so "show unless X is no" is written `any: [X eq yes, X not-answered]`.
