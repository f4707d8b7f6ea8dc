import type { Db } from "../db/index";
import { summaryCounts } from "../db/queries/report-counts";
import { readSample } from "../app/server/report-intervals.server";
import { resolveReport } from "../app/server/report.server";
import { bootstrapIntervals } from "../app/metrics/bootstrap";

const QUERY = { survey: "sipas-2017", from: "2026-01-01", to: "2026-12-31" };

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const t0 = performance.now();
  const value = await fn();
  return [performance.now() - t0, value];
}

/** Where the summary's time goes: roll-up counts, the bootstrap sample read, the resampling. */
export async function benchParts(label: string, db: Db): Promise<void> {
  const r = await resolveReport(db, QUERY, { unitId: null });
  const items = r.model.aspects.flatMap((a) => a.elements.flatMap((e) => e.items));
  const groups = r.model.aspects.flatMap((a) => a.elements.map((e) => ({ key: `@el/${e.id}`, items: e.items })));
  await summaryCounts(db, r.scope, items, groups);
  const [counts, c] = await time(() => summaryCounts(db, r.scope, items, groups));
  const n = c.responses.reduce((s, x) => s + x.count, 0);
  const [sampleMs, sample] = await time(() => readSample(db, r.scope, { from: QUERY.from, to: QUERY.to }, r.model, n));
  const [bootMs] = await time(() => bootstrapIntervals(r.model, sample.all));
  console.log(`[${label}]   parts: roll-up counts ${counts.toFixed(1)} ms (${c.cells.length} cells), sample read ${sampleMs.toFixed(1)} ms (${sample.all.length} respondents), resampling ${bootMs.toFixed(1)} ms`);
}

/** Export timings (filled in with the exports). */
export async function benchExports(label: string, db: Db, query: { survey: string; from: string; to: string }): Promise<void> {
  void db;
  void query;
  console.log(`[${label}] exports: not measured yet`);
}
