import { periodRange, previousPeriod } from "~/metrics/period-picker";

// The reporting periods provinces use in their documents (month, quarter, 6 months,
// 9 months, year, and a survey round), recognised from the summary's from/to. Pure.

export type PeriodTemplate =
  | { kind: "month"; year: number; part: number }
  | { kind: "quarter"; year: number; part: number }
  | { kind: "half"; year: number; part: number }
  | { kind: "nine"; year: number }
  | { kind: "year"; year: number }
  // A survey round is named by the round itself; the summary gains `round=` with the rounds work.
  | { kind: "round"; name: string; from: string; to: string }
  | { kind: "custom"; from: string; to: string };

const same = (a: { from: string; to: string }, from: string, to: string) => a.from === from && a.to === to;

/** Which template a date range is; anything else is a custom range. */
export function periodTemplate(from: string, to: string, round?: { name: string }): PeriodTemplate {
  if (round) return { kind: "round", name: round.name, from, to };
  const year = Number(from.slice(0, 4));
  if (same(periodRange({ kind: "year", year }), from, to)) return { kind: "year", year };
  if (same(periodRange({ kind: "nine", year }), from, to)) return { kind: "nine", year };
  for (const [kind, parts] of [["half", 2], ["quarter", 4], ["month", 12]] as const)
    for (let part = 1; part <= parts; part++) if (same(periodRange({ kind, year, part }), from, to)) return { kind, year, part };
  return { kind: "custom", from, to };
}

/**
 * The period the change is measured against, of the same length: the previous month,
 * quarter, half or year; for 9 months the same 9 months a year before (the "cùng kỳ" Vietnamese
 * reports compare with); for a custom range or a round, the same number of days just before.
 */
export function comparisonPeriod(p: PeriodTemplate): { from: string; to: string } {
  switch (p.kind) {
    case "round":
    case "custom":
      return previousPeriod({ kind: "custom", year: Number(p.from.slice(0, 4)), from: p.from, to: p.to });
    default:
      return previousPeriod(p);
  }
}

const ROMAN = ["I", "II", "III", "IV"];

/** Translation key and values naming the period: "quý II năm 2026", "9 tháng đầu năm 2026". */
export function periodLabel(p: PeriodTemplate, date: (iso: string) => string): { key: string; values: Record<string, string | number> } {
  switch (p.kind) {
    case "month":
      return { key: "document.period.month", values: { month: p.part, year: p.year } };
    case "quarter":
      return { key: "document.period.quarter", values: { quarter: ROMAN[p.part - 1], year: p.year } };
    case "half":
      return { key: p.part === 1 ? "document.period.firstHalf" : "document.period.secondHalf", values: { year: p.year } };
    case "nine":
      return { key: "document.period.nine", values: { year: p.year } };
    case "year":
      return { key: "document.period.year", values: { year: p.year } };
    case "round":
      return { key: "document.period.round", values: { name: p.name, from: date(p.from), to: date(p.to) } };
    case "custom":
      return { key: "document.period.custom", values: { from: date(p.from), to: date(p.to) } };
  }
}
