// The report's comparison with the period before, for the XLSX ranking sheet. Pure.

/**
 * The period of equal length just before [from, to] (ISO dates): whole months shift by the
 * same number of months (a quarter → the quarter before), other ranges by the same days.
 */
export function periodBefore(from: string, to: string): { from: string; to: string } {
  const day = 86_400_000;
  const start = Date.parse(`${from}T00:00:00Z`);
  const endNext = new Date(Date.parse(`${to}T00:00:00Z`) + day);
  if (from.endsWith("-01") && endNext.getUTCDate() === 1) {
    const [y, m] = from.split("-").map(Number);
    const months = (endNext.getUTCFullYear() - y) * 12 + (endNext.getUTCMonth() + 1 - m);
    const first = new Date(Date.UTC(y, m - 1 - months, 1));
    return { from: first.toISOString().slice(0, 10), to: new Date(start - day).toISOString().slice(0, 10) };
  }
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - start) / day) + 1;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: iso(start - days * day), to: iso(start - day) };
}

/** Change in percentage points, none between thin samples or without a previous figure. */
export function changePoints(smallSample: boolean, index: number | null, previous: number | null | undefined): number | null {
  if (smallSample || index === null || previous === null || previous === undefined) return null;
  return Math.round((index - previous) * 100) / 100;
}
