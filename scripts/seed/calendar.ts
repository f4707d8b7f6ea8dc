import type { Rng } from "./prng";

// When people come: working days (Monday–Friday, Saturday mornings at some centres, almost
// never on Sundays or public holidays), office hours in Vietnam time (UTC+7, no DST).
// Online forms arrive at any hour, mostly in office hours and in the evening.

const VN_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/** Public holidays of 2025–2026 (Tết dates from the lunar calendar, approximate by a day). */
const HOLIDAYS = new Set([
  "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
  "2025-04-07", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02",
  "2026-01-01", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
  "2026-04-27", "2026-04-30", "2026-05-01", "2026-09-01", "2026-09-02",
]);

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Relative traffic of a day. */
export function dayWeight(date: string): number {
  if (HOLIDAYS.has(date)) return 0.02;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday === 0 ? 0.04 : weekday === 6 ? 0.3 : weekday === 1 ? 1.15 : 1;
}

/** The `count` days ending with `last` (inclusive), oldest first. */
export function daysEnding(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(last, i - count + 1));
}

/** Minutes after local midnight at a counter: 7:30–11:30 and 13:30–17:00. */
export function counterMinute(rng: Rng): number {
  return rng.chance(0.58) ? 450 + rng.next() * 240 : 810 + rng.next() * 210;
}

/** Minutes after local midnight for an online form. */
export function onlineMinute(rng: Rng): number {
  const r = rng.next();
  if (r < 0.65) return counterMinute(rng);
  if (r < 0.9) return 1140 + rng.next() * 180; // 19:00–22:00
  return 360 + rng.next() * 960; // any time 6:00–22:00
}

/** Local date + minutes in Vietnam → the UTC instant. */
export function vnInstant(date: string, minutes: number): number {
  return Date.parse(`${date}T00:00:00Z`) + Math.floor(minutes * 60_000) - VN_OFFSET_MS;
}
