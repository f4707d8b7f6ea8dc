import { lazy, Suspense, useEffect, useState } from "react";
import type { ChartSpec } from "./chart-data";

// chart.js is loaded only here, only in the browser, only on report pages: the module is
// imported lazily after the first render (server rendering and jsdom never load it).
const ChartCanvas = lazy(() => import("./chart-canvas.client"));

export function ReportChart({ spec }: { spec: ChartSpec }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <div className="chart-box" data-chart-kind={spec.kind}>
      {mounted ? (
        <Suspense fallback={null}>
          <ChartCanvas spec={spec} />
        </Suspense>
      ) : null}
    </div>
  );
}
