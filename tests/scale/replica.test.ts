import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createDb, type Db } from "../../db/index";
import { createReadRouter, replicaLagSeconds } from "../../db/replica";
import { BENCH_SECRET, prepareBenchDb } from "../../scripts/bench/spawn";
import { startPgCluster, type PgCluster } from "../../scripts/pg-cluster";
import { startServer, type RunningServer } from "../../scripts/server";
import { startLoad } from "./load";
import { rollupsMatchRecount } from "../support/rollup-recount";

// Issue 15.1 on loopback: a real primary and a real hot standby (initdb + pg_basebackup,
// streaming replication), the app reading reports from the standby. Each server is stopped
// in the middle of a load: nothing acknowledged may be lost, nothing counted twice.

let cluster: PgCluster;
let server: RunningServer;
let tokens: string[];
let primary: Db;
let standby: Db;
const warnings: string[] = [];

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const summary = (token = tokens[0]) =>
  fetch(`${server.url}/api/v1/reports/summary?survey=sipas-2017&from=2020-01-01&to=2030-12-31`, { headers: { authorization: `Bearer ${token}` } });

async function until(what: string, check: () => Promise<boolean>, seconds = 60) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check().catch(() => false)) return;
    await wait(250);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const count = async (db: Db) => Number((await db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  cluster = await startPgCluster({ database: "hailong" });
  tokens = await prepareBenchDb(cluster.primary.url, 4);
  vi.spyOn(console, "warn").mockImplementation((line: unknown) => void warnings.push(String(line)));
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  server = await startServer({
    env: {
      DATABASE_URL: cluster.primary.url,
      DATABASE_REPLICA_URL: cluster.standby.url,
      REPLICA_MAX_LAG_S: "30",
      PORT: "0",
      HOST: "127.0.0.1",
      SECRET_KEY: BENCH_SECRET,
      SEED_DEMO: "0",
      NODE_ENV: "test",
    },
  });
  primary = createDb(cluster.primary.url);
  standby = createDb(cluster.standby.url);
}, 180_000);

afterAll(async () => {
  await server?.close();
  await primary?.destroy();
  await standby?.destroy();
  await cluster?.destroy();
  vi.restoreAllMocks();
});

describe("primary + hot standby", () => {
  it("reads reports from the standby, falls back to the primary while the standby is down, and returns", async () => {
    const load = startLoad(server.url, tokens, { pauseMs: 5 });
    await wait(1500);
    expect((await summary()).status).toBe(200);
    const lag = await replicaLagSeconds(standby);
    console.log(`standby lag under load: ${lag.toFixed(3)} s`);

    await cluster.standby.stop("immediate");
    await wait(1200);
    expect((await summary()).status).toBe(200);
    expect(warnings.some((w) => w.startsWith("Reports read from the primary: the standby cannot be reached"))).toBe(true);

    await cluster.standby.start();
    await until("the standby again", async () => (await summary()).ok && warnings.includes("Reports read from the standby again"));
    await load.stop();

    await until("the standby to catch up", async () => (await count(standby)) === (await count(primary)));
    expect(await count(primary)).toBe(load.acknowledged.size);
    await rollupsMatchRecount(primary);
  }, 180_000);

  it("reads from the primary while the standby lags more than the limit (replay paused)", async () => {
    const lines: string[] = [];
    const router = createReadRouter({ primary, standby, maxLagS: 0.5, checkEveryMs: 0, log: (l) => lines.push(l) });
    expect(await router.reads()).toBe(standby);
    await sql`select pg_wal_replay_pause()`.execute(standby);
    try {
      await primary.updateTable("unit").set({ name: "Đơn vị đo tải (đổi tên)" }).where("code", "=", "BENCH").execute();
      await wait(1500);
      await primary.updateTable("unit").set({ name: "Đơn vị đo tải" }).where("code", "=", "BENCH").execute();
      await until("the lag to show", async () => (await replicaLagSeconds(standby)) > 0.5, 10);
      expect(await router.reads()).toBe(primary);
      expect(lines[0]).toMatch(/^Reports read from the primary: the standby lags [\d.]+ s \(REPLICA_MAX_LAG_S=0.5\)$/);
    } finally {
      await sql`select pg_wal_replay_resume()`.execute(standby);
    }
    await until("the standby to catch up", async () => (await router.reads()) === standby, 30);
    expect(lines[1]).toBe("Reports read from the standby again");
  });

  it("answers 503 with Retry-After while the primary is down, keeps reports on the standby, loses and doubles nothing", async () => {
    const before = await count(primary);
    const load = startLoad(server.url, tokens);
    await wait(1500);
    await cluster.primary.stop("immediate");
    await until("a 503 from the ingest API", async () => load.unavailable > 0, 30);
    expect([...load.retryAfter]).toEqual(["5"]);

    // Reports keep working from the standby (the token is read there too).
    const during = await summary();
    expect(during.status).toBe(200);
    const n = ((await during.json()) as { n: number }).n;
    expect(n).toBeGreaterThanOrEqual(before);

    await cluster.primary.start();
    await wait(1500);
    await load.stop();

    const stored = new Set((await primary.selectFrom("response").select("id").execute()).map((r) => r.id));
    const missing = [...load.acknowledged].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
    expect(stored.size).toBe(before + load.acknowledged.size);
    await rollupsMatchRecount(primary);
    await until("the standby to catch up", async () => (await count(standby)) === stored.size);
  }, 180_000);
});
