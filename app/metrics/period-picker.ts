// The dashboards' period picker (docs/method.md §8): month, quarter, 6 months, 9 months (the first nine, a period
// provinces report on), year, custom. Pure.

export type PeriodKind = "month" | "quarter" | "half" | "nine" | "year" | "custom";

export interface PeriodChoice {
  kind: PeriodKind;
  year: number;
  /** 1..12, 1..4, 1..2 for month, quarter, half. */
  part?: number;
  from?: string;
  to?: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const monthsSpan = (y: number, first: number, count: number) => ({ from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + count - 1)}-${pad(lastDay(y, first + count - 1))}` });

/** The inclusive date range of a choice. */
export function periodRange(c: PeriodChoice): { from: string; to: string } {
  switch (c.kind) {
    case "month":
      return monthsSpan(c.year, c.part ?? 1, 1);
    case "quarter":
      return monthsSpan(c.year, ((c.part ?? 1) - 1) * 3 + 1, 3);
    case "half":
      return monthsSpan(c.year, ((c.part ?? 1) - 1) * 6 + 1, 6);
    case "nine":
      return monthsSpan(c.year, 1, 9);
    case "year":
      return monthsSpan(c.year, 1, 12);
    case "custom":
      return { from: c.from!, to: c.to! };
  }
}

function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The period before, of equal length: the previous month, quarter, half or year for the
 * calendar kinds; for 9 months the same months a year before ("cùng kỳ"); for a custom
 * range the same number of days just before it.
 */
export function previousPeriod(c: PeriodChoice): { from: string; to: string } {
  const per = { month: 12, quarter: 4, half: 2 } as const;
  if (c.kind === "year" || c.kind === "nine") return periodRange({ kind: c.kind, year: c.year - 1 });
  if (c.kind === "custom") {
    const days = Math.round((Date.parse(c.to!) - Date.parse(c.from!)) / 86_400_000) + 1;
    return { from: shiftDays(c.from!, -days), to: shiftDays(c.from!, -1) };
  }
  const part = c.part ?? 1;
  return part > 1 ? periodRange({ ...c, part: part - 1 }) : periodRange({ ...c, year: c.year - 1, part: per[c.kind] });
}

/** The 12 months ending with the month of `to` ("YYYY-MM"), oldest first: the trend's x axis. */
export function trailingMonths(to: string, count = 12): string[] {
  const [y, m] = to.split("-").map(Number);
  return Array.from({ length: count }, (_, i) => {
    const k = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(k / 12)}-${pad((k % 12) + 1)}`;
  });
}
