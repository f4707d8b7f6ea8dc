import { sql } from "kysely";
import { createDb } from "../db/index";
import { exportSource } from "../app/server/export.server";
import { rowPages } from "../db/queries/report-rows";
const db = createDb("/work/bench/1m.sqlite");
const mmap = process.argv[2];
if (mmap) await sql.raw(`pragma mmap_size = ${mmap}`).execute(db);
const query = { survey: "sipas-2017", from: "2026-01-01", to: "2026-12-31" };
for (let k = 0; k < 2; k++) {
  const src = await exportSource(db, query, { unitId: null });
  const t0 = performance.now();
  let rows = 0;
  for await (const page of rowPages(db, src.scope, src.range, { unfold: false })) rows += page.length;
  const ms = performance.now() - t0;
  console.log(`mmap=${mmap ?? 0}: ${rows} rows ${Math.round(rows / (ms / 1000))} rows/s`);
}
await db.destroy();
