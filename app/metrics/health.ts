import { valid, type Distribution } from "./sipas-index";
import { wilsonInterval } from "./wilson";

// The Ministry of Health's other outputs of its patient forms (issue 13.5): the mean score
// on the 1–5 scale and the share who would come back or recommend the hospital. Pure.

/** Mean code (1–5) of valid answers, pooled over the given distributions; null when none. */
export function meanScore(distributions: Distribution[]): number | null {
  let sum = 0;
  let count = 0;
  for (const d of distributions) {
    sum += d[1] + 2 * d[2] + 3 * d[3] + 4 * d[4] + 5 * d[5];
    count += valid(d);
  }
  return count ? sum / count : null;
}

/** The return question of the health forms and its answers that count as "would return or recommend". */
export const RETURN_QUESTION = "quay-lai";
export const RETURN_OPTIONS = ["co-the", "chac-chan"] as const;

export interface ShareFigure {
  /** Respondents who answered the question (every option, "khác" included). */
  n: number;
  count: number;
  share: number | null;
  ci95: [number, number] | null;
}

/** Share of the answers (roll-up codes, 1-based option order) whose option is one of `positive`. */
export function optionShare(options: readonly string[], codes: ReadonlyMap<number, number>, positive: readonly string[]): ShareFigure {
  let n = 0;
  let count = 0;
  for (const [code, c] of codes) {
    if (code < 1 || code > options.length) continue;
    n += c;
    if (positive.includes(options[code - 1])) count += c;
  }
  return { n, count, share: n ? (100 * count) / n : null, ci95: wilsonInterval(count, n) };
}
