// What each report chart draws, as plain data (tested in jsdom, which has no canvas).

export interface ChartSpec {
  kind: "bar" | "line" | "stacked";
  /** Accessible name of the chart; the table beside it carries the numbers. */
  title: string;
  labels: string[];
  datasets: Array<{ label: string; data: Array<number | null>; color: string }>;
  /** Horizontal bars (long Vietnamese labels read better). */
  horizontal?: boolean;
}

const ACCENT = "#a50e0e";
/** Rất không hài lòng → Rất hài lòng: red to green, distinguishable in grey too. */
export const SCALE_COLORS = ["#8c1c13", "#d9704b", "#bdbdbd", "#6aa84f", "#1e6b2e"];

export function indexBars(title: string, rows: Array<{ label: string; index: number | null }>, seriesLabel: string): ChartSpec {
  return { kind: "bar", title, horizontal: true, labels: rows.map((r) => r.label), datasets: [{ label: seriesLabel, data: rows.map((r) => r.index), color: ACCENT }] };
}

/** Answers per scale code, each item's bar split 1..5 (percent of its valid answers). */
export function distributionBars(title: string, items: Array<{ label: string; distribution: Record<string, number> }>, codeLabels: string[]): ChartSpec {
  const share = (d: Record<string, number>, code: number) => {
    const valid = [1, 2, 3, 4, 5].reduce((s, c) => s + (d[c] ?? 0), 0);
    return valid ? (100 * (d[code] ?? 0)) / valid : null;
  };
  return {
    kind: "stacked",
    title,
    horizontal: true,
    labels: items.map((i) => i.label),
    datasets: [1, 2, 3, 4, 5].map((code) => ({ label: codeLabels[code - 1], data: items.map((i) => share(i.distribution, code)), color: SCALE_COLORS[code - 1] })),
  };
}

export function trendLine(title: string, points: Array<{ label: string; index: number | null }>, seriesLabel: string, target: number | null, targetLabel: string): ChartSpec {
  const datasets = [{ label: seriesLabel, data: points.map((p) => p.index), color: ACCENT }];
  if (target !== null) datasets.push({ label: targetLabel, data: points.map(() => target), color: "#1a56db" });
  return { kind: "line", title, labels: points.map((p) => p.label), datasets };
}

/** A criterion's short name for a chart axis: its text cut at a word near `max` characters. */
export function shortLabel(text: string, max = 42): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, "")}…`;
}
