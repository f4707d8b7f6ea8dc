import { lazy, Suspense, useSyncExternalStore } from "react";
import type { ChartSpec } from "./chart-data";

// chart.js is loaded only here, only in the browser, only on report pages: the module is
// imported lazily after the first render (server rendering and jsdom never load it).
const ChartCanvas = lazy(() => import("./chart-canvas.client"));

const subscribe = () => () => {};

export function ReportChart({ spec }: { spec: ChartSpec }) {
  // false on the server and during hydration, true in the browser afterwards.
  const mounted = useSyncExternalStore(subscribe, () => true, () => false);
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
