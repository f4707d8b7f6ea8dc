import { describe, expect, it } from "vitest";
import { isCalendarDate, splitPeriod, vnDate } from "~/metrics/periods";

describe("Vietnam dates", () => {
  it("a response at 23:30 UTC belongs to the next day in Vietnam", () => {
    expect(vnDate("2026-03-01T23:30:00Z")).toBe("2026-03-02");
    expect(vnDate("2026-03-02T08:15:00+07:00")).toBe("2026-03-02");
    expect(vnDate("2026-12-31T17:00:00Z")).toBe("2027-01-01");
  });

  it("accepts only real calendar dates", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(isCalendarDate("2026-2-3")).toBe(false);
    expect(isCalendarDate("hôm nay")).toBe(false);
  });
});

describe("splitPeriod", () => {
  it("a whole year is twelve months and no loose days", () => {
    const s = splitPeriod("2026-01-01", "2026-12-31");
    expect(s.months).toHaveLength(12);
    expect(s.days).toEqual([]);
  });

  it("keeps partial months at both ends as day ranges", () => {
    expect(splitPeriod("2026-01-15", "2026-04-10")).toEqual({
      months: ["2026-02", "2026-03"],
      days: [
        { from: "2026-01-15", to: "2026-01-31" },
        { from: "2026-04-01", to: "2026-04-10" },
      ],
    });
  });

  it("handles a range inside one month and leap February", () => {
    expect(splitPeriod("2026-03-05", "2026-03-05")).toEqual({ months: [], days: [{ from: "2026-03-05", to: "2026-03-05" }] });
    expect(splitPeriod("2028-02-01", "2028-02-29")).toEqual({ months: ["2028-02"], days: [] });
  });
});
