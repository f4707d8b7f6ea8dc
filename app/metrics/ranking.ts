/** Below this many respondents a figure is "ít mẫu" and left out of rankings by default. */
export const SMALL_SAMPLE = 30;

export const isSmallSample = (n: number) => n < SMALL_SAMPLE;

/**
 * The value ranks, ties and targets compare: rounded to 1e-9 of a percentage point, so the
 * same fraction reached by different float paths (80 and 79.999999999999986) is one value,
 * while any real difference (shown at 0.01) still separates (docs/decisions/009).
 */
export const comparable = (value: number): number => Math.round(value * 1e9) / 1e9;

export interface Rankable {
  value: number | null;
  n: number;
}

/**
 * Standard competition ranking ("1, 2, 2, 4") on values rounded only to 1e-9, highest first. Entries
 * without a value, or with a small sample unless `includeSmall`, get no rank (null).
 */
export function rank<T extends Rankable>(entries: T[], includeSmall = false): Array<number | null> {
  const eligible = entries
    .map((e, i) => ({ i, value: e.value === null ? null : comparable(e.value), ok: e.value !== null && (includeSmall || !isSmallSample(e.n)) }))
    .filter((e) => e.ok)
    .sort((a, b) => (b.value as number) - (a.value as number));
  const ranks: Array<number | null> = entries.map(() => null);
  eligible.forEach((e, position) => {
    const previous = eligible[position - 1];
    ranks[e.i] = previous && previous.value === e.value ? (ranks[previous.i] as number) : position + 1;
  });
  return ranks;
}
