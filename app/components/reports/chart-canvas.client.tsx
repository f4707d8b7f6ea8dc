import { BarElement, CategoryScale, Chart, Legend, LinearScale, LineElement, PointElement, Tooltip } from "chart.js";
import { Bar, Line } from "react-chartjs-2";
import type { ChartSpec } from "./chart-data";

Chart.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip, Legend);

/** The canvas itself (browser only). The figures are also in the table next to it. */
export default function ChartCanvas({ spec }: { spec: ChartSpec }) {
  const data = {
    labels: spec.labels,
    datasets: spec.datasets.map((d) => ({ label: d.label, data: d.data, backgroundColor: d.color, borderColor: d.color })),
  };
  const percentAxis = { min: 0, max: 100, stacked: spec.kind === "stacked" };
  const options = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    indexAxis: spec.horizontal ? ("y" as const) : ("x" as const),
    scales: spec.horizontal ? { x: percentAxis, y: { stacked: spec.kind === "stacked" } } : { y: percentAxis },
  };
  const aria = { role: "img", "aria-label": spec.title };
  return spec.kind === "line" ? <Line data={data} options={options} {...aria} /> : <Bar data={data} options={options} {...aria} />;
}
