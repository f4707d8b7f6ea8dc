// What chart.js is given for a ChartSpec (client-safe, no chart.js value imported here, so the
// component tests can check it without a canvas). Every bar carries its value as a label:
// a report printed or read on a projector must not need the tooltip.
import type { Chart, ChartData, ChartOptions, Plugin } from "chart.js";
import { formatPercent } from "~/metrics/format";
import type { ChartSpec } from "./chart-data";

/** A stacked segment narrower than this (percent points) has no room for its label. */
export const MIN_LABELLED_SHARE = 4;

/** The label drawn on a bar: "70,80%"; nothing for a gap or a too thin stacked segment. */
export function barLabel(value: number | null | undefined, stacked: boolean, locale: "vi" | "en" = "vi"): string | null {
  if (value === null || value === undefined) return null;
  if (stacked && value < MIN_LABELLED_SHARE) return null;
  return formatPercent(value, locale);
}

const pageLocale = (): "vi" | "en" => (typeof document !== "undefined" && document.documentElement.lang === "en" ? "en" : "vi");

/** Draws each bar's value: inside a stacked segment, past the end of a plain bar. */
export const barValueLabels: Plugin<"bar"> = {
  id: "barValueLabels",
  afterDatasetsDraw(chart: Chart<"bar">) {
    const { ctx } = chart;
    const stacked = chart.data.datasets.length > 1;
    const horizontal = chart.options.indexAxis === "y";
    ctx.save();
    ctx.font = "11px sans-serif";
    chart.data.datasets.forEach((dataset, i) => {
      const meta = chart.getDatasetMeta(i);
      if (meta.hidden) return;
      meta.data.forEach((bar, j) => {
        const text = barLabel(dataset.data[j] as number | null, stacked, pageLocale());
        if (!text) return;
        const { x, y, base } = bar.getProps(["x", "y", "base"], true) as { x: number; y: number; base: number };
        ctx.fillStyle = stacked ? "#fff" : "#222";
        ctx.textAlign = stacked ? "center" : horizontal ? "left" : "center";
        ctx.textBaseline = stacked || horizontal ? "middle" : "bottom";
        if (stacked) ctx.fillText(text, horizontal ? (x + base) / 2 : x, horizontal ? y : (y + base) / 2);
        else ctx.fillText(text, horizontal ? x + 4 : x, horizontal ? y : y - 2);
      });
    });
    ctx.restore();
  },
};

export function chartData(spec: ChartSpec): ChartData<"bar" | "line", Array<number | null>> {
  return {
    labels: spec.labels,
    datasets: spec.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color })),
  };
}

export function chartOptions(spec: ChartSpec): ChartOptions<"bar" | "line"> {
  const stacked = spec.kind === "stacked";
  const percentAxis = { min: 0, max: 100, stacked };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    indexAxis: spec.horizontal ? "y" : "x",
    // Room past the longest plain bar for its label.
    layout: { padding: spec.kind === "line" || stacked ? 0 : spec.horizontal ? { right: 56 } : { top: 18 } },
    scales: spec.horizontal ? { x: percentAxis, y: { stacked } } : { y: percentAxis },
  };
}

/** The plugins of a chart: value labels on every bar chart, none on the trend line. */
export const chartPlugins = (spec: ChartSpec): Array<Plugin<"bar">> => (spec.kind === "line" ? [] : [barValueLabels]);
