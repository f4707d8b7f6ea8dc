// Charts of the report document as a few drawing primitives in points: one description that
// the PDF writer draws as vectors and the DOCX writer rasterises to PNG, so both show the
// same chart. Pure.

export type SceneItem =
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { kind: "line"; x1: number; y1: number; x2: number; y2: number; stroke: string; width: number; dash?: number }
  | { kind: "polyline"; points: Array<[number, number]>; stroke: string; width: number }
  | { kind: "circle"; x: number; y: number; r: number; fill: string }
  | { kind: "text"; x: number; y: number; text: string; size: number; anchor: "start" | "middle" | "end"; bold?: boolean };

export interface ChartScene {
  width: number;
  height: number;
  items: SceneItem[];
}

export interface ChartPoint {
  label: string;
  value: number | null;
}

const INK = "#1f2937";
const GRID = "#d1d5db";
const BAR = "#1d4ed8";
const TARGET = "#b91c1c";

/** Value axis from the data: 0–100, or a tighter window when every value is high. */
function axis(values: number[], target: number | null): { min: number; max: number; step: number } {
  const all = target === null ? values : [...values, target];
  if (!all.length) return { min: 0, max: 100, step: 20 };
  const low = Math.min(...all);
  const min = low >= 60 ? Math.floor((low - 5) / 10) * 10 : 0;
  return { min, max: 100, step: min >= 50 ? 10 : 20 };
}

function frame(width: number, height: number, left: number, bottom: number, range: { min: number; max: number; step: number }, fmt: (v: number) => string) {
  const items: SceneItem[] = [];
  const top = 10;
  const plotH = height - top - bottom;
  const y = (v: number) => top + plotH * (1 - (v - range.min) / (range.max - range.min));
  for (let v = range.min; v <= range.max; v += range.step) {
    items.push({ kind: "line", x1: left, y1: y(v), x2: width - 8, y2: y(v), stroke: GRID, width: 0.5 });
    items.push({ kind: "text", x: left - 4, y: y(v) + 3, text: fmt(v), size: 8, anchor: "end" });
  }
  return { items, y, plotW: width - 8 - left };
}

/** Line chart of the monthly index, with the target as a dashed line. */
export function trendScene(points: ChartPoint[], target: number | null, fmt: (v: number) => string, width = 440, height = 200): ChartScene {
  const values = points.flatMap((p) => (p.value === null ? [] : [p.value]));
  const left = 40;
  const { items, y, plotW } = frame(width, height, left, 24, axis(values, target), fmt);
  const step = plotW / Math.max(points.length, 1);
  const x = (i: number) => left + step * (i + 0.5);
  if (target !== null) items.push({ kind: "line", x1: left, y1: y(target), x2: width - 8, y2: y(target), stroke: TARGET, width: 1, dash: 4 });
  // A month without answers breaks the line rather than dropping to 0.
  let segment: Array<[number, number]> = [];
  const flush = () => {
    if (segment.length > 1) items.push({ kind: "polyline", points: segment, stroke: BAR, width: 1.5 });
    segment = [];
  };
  points.forEach((p, i) => {
    if (p.value === null) return flush();
    segment.push([x(i), y(p.value)]);
    items.push({ kind: "circle", x: x(i), y: y(p.value), r: 2, fill: BAR });
  });
  flush();
  points.forEach((p, i) => items.push({ kind: "text", x: x(i), y: height - 10, text: p.label, size: 7, anchor: "middle" }));
  return { width, height, items };
}

/** Horizontal bars (elements), value printed at the end of each bar (`value`), target as a line. */
export function barScene(points: ChartPoint[], target: number | null, fmt: (v: number) => string, value: (v: number) => string, width = 440): ChartScene {
  const rowH = 22;
  const labelW = 150;
  const height = 20 + rowH * points.length + 18;
  const items: SceneItem[] = [];
  const plotW = width - labelW - 50;
  const x = (v: number) => labelW + (plotW * v) / 100;
  for (let v = 0; v <= 100; v += 20) {
    items.push({ kind: "line", x1: x(v), y1: 10, x2: x(v), y2: height - 18, stroke: GRID, width: 0.5 });
    items.push({ kind: "text", x: x(v), y: height - 6, text: fmt(v), size: 8, anchor: "middle" });
  }
  // The target line goes under the bars and their values, never across a printed number.
  if (target !== null) items.push({ kind: "line", x1: x(target), y1: 10, x2: x(target), y2: height - 18, stroke: TARGET, width: 1, dash: 4 });
  points.forEach((p, i) => {
    const top = 14 + rowH * i;
    const label = p.label.length > 32 ? `${p.label.slice(0, 31)}…` : p.label;
    items.push({ kind: "text", x: labelW - 6, y: top + 11, text: label, size: 8, anchor: "end" });
    if (p.value === null) return;
    items.push({ kind: "rect", x: labelW, y: top, w: x(p.value) - labelW, h: rowH - 8, fill: BAR });
    items.push({ kind: "text", x: x(p.value) + 4, y: top + 11, text: value(p.value), size: 8, anchor: "start", bold: true });
  });
  items.push({ kind: "line", x1: labelW, y1: 10, x2: labelW, y2: height - 18, stroke: INK, width: 0.8 });
  return { width, height, items };
}
