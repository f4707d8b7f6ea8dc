import type { Db } from "../db/index";
import { summaryCounts } from "../app/server/report-counts.server";
import { versionCells } from "../app/server/survey-versions.server";
import { readSample } from "../app/server/report-intervals.server";
import { resolveReport } from "../app/server/report.server";
import { bootstrapIntervals } from "../app/metrics/bootstrap";
import { csvExport, exportSource } from "../app/server/export.server";
import { rowPages } from "../db/queries/report-rows";
import { XLSX_RAW_LIMIT, xlsxExport } from "../app/server/export-xlsx.server";

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
  await summaryCounts(db, r.scope, items, groups, () => versionCells(db, r.scope.surveyId));
  const [counts, c] = await time(() => summaryCounts(db, r.scope, items, groups, () => versionCells(db, r.scope.surveyId)));
  const n = c.responses.reduce((s, x) => s + x.count, 0);
  const [sampleMs, sample] = await time(() => readSample(db, r.scope, { from: QUERY.from, to: QUERY.to }, r.model, n));
  const [bootMs] = await time(() => bootstrapIntervals(r.model, sample.all));
  console.log(`[${label}]   parts: roll-up counts ${counts.toFixed(1)} ms (${c.cells.length} cells), sample read ${sampleMs.toFixed(1)} ms (${sample.all.length} respondents), resampling ${bootMs.toFixed(1)} ms`);
}

/** Reads a response body to the end: bytes and CSV lines. */
async function drain(res: Response): Promise<{ bytes: number; lines: number }> {
  const reader = res.body!.getReader();
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes, lines };
    bytes += value.byteLength;
    for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
  }
}

/** Runs `fn` while sampling RSS; returns its wall time and the peak RSS growth (MB). */
async function measured<T>(fn: () => Promise<T>): Promise<{ ms: number; growthMb: number; value: T }> {
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { ms, growthMb: (peak - base) / 1024 / 1024, value };
}

async function bareRead(db: Db, query: { survey: string; from: string; to: string }): Promise<number> {
  const src = await exportSource(db, query, { unitId: null });
  let rows = 0;
  for await (const page of rowPages(db, src.scope, src.range)) rows += page.length;
  return rows;
}

/** CSV rows/s and memory, XLSX of the province-year, and an XLSX with raw rows (one month). */
export async function benchExports(label: string, db: Db, query: { survey: string; from: string; to: string }): Promise<void> {
  const access = { unitId: null };
  const csv = await measured(async () => drain(await csvExport(db, query, access)));
  const rows = csv.value.lines - 1;
  const perSecond = (ms: number) => Math.round(rows / (ms / 1000));
  console.log(`[${label}] CSV export: ${rows.toLocaleString("en")} rows, ${(csv.value.bytes / 1e6).toFixed(0)} MB in ${(csv.ms / 1000).toFixed(2)} s = ${perSecond(csv.ms).toLocaleString("en")} rows/s (target ≥ 100,000), peak RSS growth ${csv.growthMb.toFixed(0)} MB (target < 100)`);
  // Baseline: the same keyset pages read and dropped, no CSV written (what the database alone costs).
  const scan = await measured(() => bareRead(db, query));
  console.log(`[${label}]   baseline, the same rows read without writing CSV: ${perSecond(scan.ms).toLocaleString("en")} rows/s; the export runs at ${(scan.ms / csv.ms).toFixed(2)}× the bare read's speed`);
  const xlsx = await measured(async () => drain(await xlsxExport(db, query, access)));
  console.log(`[${label}] XLSX, province-year summary: ${(xlsx.ms / 1000).toFixed(2)} s, ${(xlsx.value.bytes / 1e3).toFixed(0)} kB (target < 2 s; raw rows above ${XLSX_RAW_LIMIT.toLocaleString("en")} go to the CSV)`);
  const month = { ...query, from: query.from, to: query.from.slice(0, 8) + "15" }; // under XLSX_RAW_LIMIT at 1,000,000 a year
  const withRaw = await measured(async () => drain(await xlsxExport(db, month, access)));
  console.log(`[${label}] XLSX with raw rows (${month.from} – ${month.to}): ${(withRaw.ms / 1000).toFixed(2)} s, ${(withRaw.value.bytes / 1e6).toFixed(1)} MB, peak RSS growth ${withRaw.growthMb.toFixed(0)} MB`);
}
