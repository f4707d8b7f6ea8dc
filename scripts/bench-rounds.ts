// Survey rounds at province scale (issue 11): a 200,000-dossier frame imported through the same
// reader and all-or-nothing rules as the API (rows/s, against the bare CSV read of the same
// bytes), the seeded draw (against the pure algorithm alone), and letters/s for a 2,000-letter
// batch of the PDF with the peak memory growth while it streams.
//   npx tsx scripts/bench-rounds.ts [--pg] [--rows 200000] [--letters 2000]
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "../db/index";
import { getRound } from "../db/queries/rounds";
import { offerServices, upsertService } from "../db/queries/services";
import { getUnitByCode, upsertUnit } from "../db/queries/units";
import { prepareDatabase } from "../app/server/bootstrap.server";
import { parseEnv } from "../app/server/env.server";
import { readImportTable } from "../app/server/import-table.server";
import { FRAME_COLUMNS, FRAME_MAX_BYTES, FRAME_MAX_ROWS, FRAME_OPTIONAL, importFrame } from "../app/server/round-frame.server";
import { drawRound } from "../app/server/round-draw.server";
import { lettersPdf } from "../app/server/round-letters.server";
import { createRound } from "../app/server/rounds.server";
import { createServices } from "../app/server/services.server";
import { drawSample } from "../app/metrics/round-draw";
import { withEmbeddedPostgres } from "./bench-pg";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROWS = arg("--rows", 200_000);
const LETTERS = arg("--letters", 2_000);
const UNITS = 50;

async function setUp(db: Db) {
  await prepareDatabase(db);
  const now = new Date().toISOString();
  await upsertUnit(db, { code: "T", name: "Tỉnh Thử Nghiệm", level: "tinh", parentCode: null }, now);
  await upsertService(db, { code: "1.001612", name: "Đăng ký thành lập hộ kinh doanh", field: "Đăng ký kinh doanh", level: "xa" }, now);
  const service = await db.selectFrom("service").select("id").where("code", "=", "1.001612").executeTakeFirstOrThrow();
  for (let u = 0; u < UNITS; u++) {
    await upsertUnit(db, { code: `X${u}`, name: `Xã Thử ${u}`, level: "xa", parentCode: "T" }, now);
    await offerServices(db, (await getUnitByCode(db, `X${u}`))!.id, [service.id]);
  }
}

function frameCsv(): Uint8Array {
  const lines = ["dossier,unit,service,completedAt,name,phone,email,address"];
  for (let i = 0; i < ROWS; i++) {
    lines.push(`000.00.X-2026-${String(i).padStart(7, "0")},X${i % UNITS},1.001612,2026-0${1 + (i % 9)}-1${i % 10},Nguyễn Văn An ${i},09${String(i).padStart(8, "0")},nguoi${i}@thu.vn,"Số ${i}, phường Đông Hà"`);
  }
  return new TextEncoder().encode(lines.join("\n"));
}

async function ms<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const v = await fn();
  return [performance.now() - t0, v];
}

async function run(label: string, db: Db) {
  await setUp(db);
  const env = parseEnv({ DATABASE_URL: "./unused.sqlite", SECRET_KEY: "bench-secret-key-0123456789-abcdefghijkl", NODE_ENV: "production" });
  const services = createServices(db, env, env.SECRET_KEY!);
  const admin = { kind: "token" as const, tokenId: 0, role: "admin" as const, unitId: null };
  const view = await createRound(services, admin, { name: "Bench", survey: "sipas-2017", unit: "T", from: "2026-01-01", to: "2026-12-31", seed: "bench" });
  const round = (await getRound(db, view.id))!;
  const bytes = frameCsv();

  const [readMs, table] = await ms(() => readImportTable(bytes, FRAME_COLUMNS, FRAME_OPTIONAL, { bytes: FRAME_MAX_BYTES, rows: FRAME_MAX_ROWS }));
  const [importMs, result] = await ms(() => importFrame(services, round, bytes, "bench", "vi"));
  if (!result.ok || !table.ok) throw new Error(JSON.stringify(result.body.rejected.slice(0, 3)));
  console.log(`[${label}] frame: ${ROWS} rows (${(bytes.length / 1024 / 1024).toFixed(1)} MB) imported in ${(importMs / 1000).toFixed(2)} s = ${Math.round(ROWS / (importMs / 1000))} rows/s; bare CSV read ${(readMs / 1000).toFixed(2)} s (${(importMs / readMs).toFixed(1)}× for checks, sealing and insert)`);

  const pureEntries = table.rows.map((r, i) => ({ id: i, stratum: r.values.unit, dossier: r.values.dossier, person: r.values.phone, rated: false }));
  const [pureMs] = await ms(async () => drawSample(pureEntries, "bench", 0.05, 1));
  const sampledRound = (await getRound(db, view.id))!;
  const [drawMs, drawn] = await ms(() => drawRound(services, sampledRound, "bench"));
  console.log(`[${label}] draw: ${drawn.drawn} drawn from ${drawn.strata.length} strata in ${(drawMs / 1000).toFixed(2)} s (codes, invitations, sample rows, one transaction); the pure algorithm alone ${pureMs.toFixed(0)} ms`);

  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const [pdfMs, size] = await ms(async () => {
    const stream = await lettersPdf(services, (await getRound(db, view.id))!, "https://hailong.example.gov.vn", new Date(), LETTERS);
    let total = 0;
    for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) total += chunk.byteLength;
    return total;
  });
  clearInterval(timer);
  const letters = Math.min(LETTERS, drawn.drawn);
  console.log(`[${label}] letters: ${letters} letters (${(size / 1024 / 1024).toFixed(1)} MB PDF) in ${(pdfMs / 1000).toFixed(2)} s = ${(letters / (pdfMs / 1000)).toFixed(0)} letters/s; peak RSS growth ${((peak - base) / 1024 / 1024).toFixed(0)} MB while streaming`);
}

async function main() {
  if (process.argv.includes("--pg")) {
    await withEmbeddedPostgres((db) => run("postgres", db));
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-rounds-"));
  const db = createDb(path.join(dir, "rounds.sqlite"));
  try {
    await run("sqlite", db);
  } finally {
    await db.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
