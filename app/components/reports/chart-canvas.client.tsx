import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip, type ChartData, type ChartOptions } from "chart.js";
import { Bar, Line } from "react-chartjs-2";
import { chartData, chartOptions, chartPlugins } from "./chart-config";
import type { ChartSpec } from "./chart-data";

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip, Legend);

/** The canvas itself (browser only). The figures are also in the table next to it. */
export default function ChartCanvas({ spec }: { spec: ChartSpec }) {
  const data = chartData(spec);
  const options = chartOptions(spec);
  const aria = { role: "img", "aria-label": spec.title };
  return spec.kind === "line" ? (
    <Line data={data as ChartData<"line">} options={options as ChartOptions<"line">} {...aria} />
  ) : (
    <Bar data={data as ChartData<"bar">} options={options as ChartOptions<"bar">} plugins={chartPlugins(spec)} {...aria} />
  );
}
