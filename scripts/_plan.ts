import { createDb } from "../db/index";
import { resolveReport } from "../app/server/report.server";
import { readSample } from "../app/server/report-intervals.server";
const db = createDb("/tmp/hl-bench-1m.sqlite");
const r = await resolveReport(db, { survey: "sipas-2017", from: "2026-01-01", to: "2026-12-31" }, { unitId: null });
for (let i = 0; i < 3; i++) {
  const t = performance.now();
  const s = await readSample(db, r.scope, { from: "2026-01-01", to: "2026-12-31" }, r.model, 800000);
  console.log(s.all.length, performance.now() - t);
}
const r2 = await resolveReport(db, { survey: "sipas-2017", from: "2026-01-01", to: "2026-12-31", unit: "X5" }, { unitId: null });
const t = performance.now();
const s2 = await readSample(db, r2.scope, { from: "2026-01-01", to: "2026-12-31" }, r2.model, 6000);
console.log("X5", s2.all.length, performance.now() - t);
await db.destroy();
