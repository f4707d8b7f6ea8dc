// Time to build the report document for the demo province's year (issue 14: DOCX < 2 s).
// Usage: npx tsx scripts/bench-report-document.ts [--keep FILE] [--year YYYY]
//   --keep FILE  keep the demo SQLite file, and reuse it when it exists (skips seeding)
// Prints figures, asserts nothing; the baseline is the summary alone (the same figures the
// document prints), measured in the same run, so the ratio says what the document adds.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "../db/index";
import { seedDemo } from "./seed/demo";
import { prepareDatabase } from "../app/server/bootstrap.server";
import { buildSummary } from "../app/server/report.server";
import { reportDocumentOf } from "../app/server/report-document.server";
import { reportDocx } from "../app/server/report-docx.server";
import { reportPdf } from "../app/server/report-pdf.server";

const arg = (name: string) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : null);
const keep = arg("--keep");
const year = Number(arg("--year") ?? new Date().getUTCFullYear());
const file = keep ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "hl-bench-doc-")), "demo.sqlite");
const fresh = !fs.existsSync(file);
const db = createDb(file);
await prepareDatabase(db);
if (fresh) {
  const s = await seedDemo(db);
  console.log(`demo province seeded: ${s.units} units, ${s.responses.toLocaleString("en")} responses (${s.seconds.toFixed(0)} s)`);
}
const query = { survey: "sipas-2017", from: `${year}-01-01`, to: `${year}-12-31` };
const access = { unitId: null };

/** Median wall time of `runs` runs after one warm-up, with this process's CPU time beside it. */
async function median(label: string, runs: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await fn();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const mid = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${label.padEnd(44)} ${mid(wall).toFixed(0).padStart(6)} ms (cpu ${mid(cpu).toFixed(0)} ms)`);
  return mid(wall);
}

console.log(`report document, demo province, year ${year} (${file})`);
const base = await median("summary (baseline, with unit intervals)", 5, () => buildSummary(db, query, access, { unitIntervals: true }));
const docx = await median("report.docx (data + content + DOCX)", 5, async () => reportDocx(await reportDocumentOf(db, query, access, "vi"), { title: "bench", lang: "vi-VN" }));
const pdf = await median("report.pdf (data + content + PDF)", 5, async () => reportPdf(await reportDocumentOf(db, query, access, "vi"), { title: "bench", lang: "vi-VN" }));
console.log(`DOCX ${(docx / 1000).toFixed(2)} s (${(docx / base).toFixed(1)}× the summary); PDF ${(pdf / 1000).toFixed(2)} s (${(pdf / base).toFixed(1)}× the summary); target: DOCX < 2 s`);
await db.destroy();
if (!keep) fs.rmSync(path.dirname(file), { recursive: true, force: true });
