import { sql, SqliteAdapter } from "kysely";
import type { Db } from "../../db/index";
import { insertResponses, type PreparedInsert } from "../../db/queries/responses";
import { publishShippedSurveys } from "../../app/server/bootstrap.server";
import { createHasher, type Hasher } from "../../app/server/secrets.server";
import { loadPublishedVersion, type LoadedVersion } from "../../app/server/survey-versions.server";
import { randomBytes } from "node:crypto";
import { createRng, type Rng } from "./prng";
import { generateResponses } from "./responses";
import { createStructure, type SeedStructure } from "./structure";

// `npm run cli -- seed-demo`: the demo province, its catalogue and kiosks, a year of
// responses and monthly dossier counts. Deterministic for a given seed and day.

export const DEFAULT_DEMO_RESPONSES = 20_000;
export const DEFAULT_DEMO_SEED = "hai-long";
const BATCH = 500;
const CHUNK = 25_000;
const DEMO_SURVEYS = ["sipas-2017", "nhanh", "danh-gia-tthc"];

export interface SeedDemoOptions {
  responses?: number;
  seed?: string;
  now?: Date;
  /** Keyed hasher for the kiosk tokens (their values are thrown away either way). */
  hasher?: Hasher;
  actor?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface SeedDemoSummary {
  units: number;
  services: number;
  kiosks: number;
  responses: number;
  dossierCounts: number;
  seconds: number;
  /** Time spent generating and inserting the responses alone. */
  responseSeconds: number;
}

export class DemoSeedError extends Error {}

export async function seedDemo(db: Db, opts: SeedDemoOptions = {}): Promise<SeedDemoSummary> {
  const started = performance.now();
  const total = opts.responses ?? DEFAULT_DEMO_RESPONSES;
  const now = opts.now ?? new Date();
  const rng = createRng(opts.seed ?? DEFAULT_DEMO_SEED);
  const hasher = opts.hasher ?? createHasher(randomBytes(32).toString("base64url"));
  const actor = opts.actor ?? "cli";

  const existing = await db.selectFrom("unit").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) throw new DemoSeedError("database already has units");
  await publishShippedSurveys(db);
  const versions = (await Promise.all(DEMO_SURVEYS.map((slug) => loadPublishedVersion(db, slug)))).filter(
    (v): v is LoadedVersion => v !== undefined,
  );
  if (!versions.length) throw new DemoSeedError(`none of ${DEMO_SURVEYS.join(", ")} is published`);

  const iso = now.toISOString();
  const structure = await db.transaction().execute((trx) => createStructure(trx, rng, hasher, iso, actor));

  const tally = new Map<string, number>();
  const responsesStarted = performance.now();
  const restoreCache = await growSqliteCache(db);
  let done: number;
  try {
    done = await insertSorted(db, generateResponses({ total, now, rng, structure, versions, tally }), (n) => opts.onProgress?.(n, total));
  } finally {
    await restoreCache();
  }
  const responseSeconds = (performance.now() - responsesStarted) / 1000;

  const dossierCounts = await insertDossierCounts(db, structure, tally, rng);
  return {
    units: structure.units.length + 1,
    services: structure.serviceCount,
    kiosks: structure.units.reduce((n, u) => n + u.kioskIds.length, 0),
    responses: done,
    dossierCounts,
    seconds: (performance.now() - started) / 1000,
    responseSeconds,
  };
}

/**
 * Inserts generated responses 500 per transaction. They are taken a chunk at a time and
 * sorted by month and roll-up key first: a batch then adds to few roll-up cells (fewer
 * upserts) and to one region of the indexes.
 */
async function insertSorted(db: Db, items: Iterable<PreparedInsert>, onProgress: (done: number) => void): Promise<number> {
  let batch: PreparedInsert[] = [];
  let chunk: PreparedInsert[] = [];
  let done = 0;
  const flush = async () => {
    const part = batch;
    batch = [];
    await db.transaction().execute((trx) => insertResponses(trx, part));
    done += part.length;
    onProgress(done);
  };
  const drain = async () => {
    const keyed = chunk.map((item) => ({ key: sortKey(item), item }));
    keyed.sort((a, b) => compare(a.key, b.key));
    chunk = [];
    for (const { item } of keyed) {
      batch.push(item);
      if (batch.length >= BATCH) await flush();
    }
  };
  for (const item of items) {
    chunk.push(item);
    if (chunk.length >= CHUNK) await drain();
  }
  await drain();
  if (batch.length) await flush();
  return done;
}

/** SQLite: a 64 MB page cache while seeding (the indexes outgrow the default 2 MB), then back. */
async function growSqliteCache(db: Db): Promise<() => Promise<void>> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return async () => {};
  const before = await sql<{ cache_size: number }>`PRAGMA cache_size`.execute(db);
  const previous = Number(before.rows[0]?.cache_size ?? -2000);
  await sql.raw("PRAGMA cache_size = -65536").execute(db);
  return async () => {
    await sql.raw(`PRAGMA cache_size = ${Number.isFinite(previous) ? previous : -2000}`).execute(db);
  };
}

const sortKey = (p: PreparedInsert) =>
  `${p.month}|${p.response.survey_id}|${p.response.unit_id}|${p.response.service_id ?? 0}|${p.response.channel}|${p.response.id}`;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Dossiers received per unit × service × month at the one-stop units, so reports can show
 * response rates: every rated cell gets a count above its responses (20–60% answer).
 */
async function insertDossierCounts(db: Db, structure: SeedStructure, tally: Map<string, number>, rng: Rng): Promise<number> {
  const rate = new Map(structure.units.map((u) => [u.id, 0.2 + 0.4 * rng.next()]));
  const counted = new Set(structure.units.filter((u) => u.kind === "commune" || u.kind === "centre").map((u) => u.id));
  const rows = [...tally.entries()]
    .map(([key, n]) => {
      const [unit, service, month] = key.split("|");
      const unitId = Number(unit);
      return { unit_id: unitId, service_id: Number(service), month, count: Math.max(n, Math.round(n / rate.get(unitId)! + rng.next() * 3)) };
    })
    .filter((r) => counted.has(r.unit_id));
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto("dossier_count").values(rows.slice(i, i + 500)).execute();
  });
  return rows.length;
}
