// A response belongs to the day it was submitted in Vietnam time (UTC+7, no DST).
const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** ISO instant → "YYYY-MM-DD" in Asia/Ho_Chi_Minh. */
export function vnDate(instant: string | Date): string {
  const ms = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export const monthOf = (date: string) => date.slice(0, 7);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date "YYYY-MM-DD" (rejects 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export interface DayRange {
  from: string;
  to: string;
}

/**
 * Splits an inclusive date range into whole months (answered from monthly roll-ups) and
 * the leftover days at either end (answered from raw rows), so report cost follows the
 * number of roll-up cells rather than the number of responses.
 */
export function splitPeriod(from: string, to: string): { months: string[]; days: DayRange[] } {
  const months: string[] = [];
  const days: DayRange[] = [];
  let cursor = from;
  while (cursor <= to) {
    const month = monthOf(cursor);
    const monthEnd = lastDayOfMonth(month);
    const end = monthEnd < to ? monthEnd : to;
    if (cursor.endsWith("-01") && end === monthEnd) months.push(month);
    else days.push({ from: cursor, to: end });
    cursor = addDays(end, 1);
  }
  return { months, days };
}
