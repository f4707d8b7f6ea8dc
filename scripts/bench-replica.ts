// `npx tsx scripts/bench-replica.ts [--total N]`: the ingest benchmark's closed loop (16
// clients) against the app on a PostgreSQL primary with a hot standby (scripts/pg-cluster.ts,
// Debian's postgresql binaries), sampling the standby's lag every 100 ms: seconds behind
// (as the app's read routing sees it) and bytes of WAL not yet replayed.
import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { createDb } from "../db/index";
import { replicaLagSeconds } from "../db/replica";
import { closedLoop } from "./bench/load";
import { prepareBenchDb, sipasBody, spawnApp } from "./bench/spawn";
import { startPgCluster } from "./pg-cluster";

const i = process.argv.indexOf("--total");
const total = i > 0 ? Number(process.argv[i + 1]) : 8000;
const cluster = await startPgCluster({ database: "hailong" });
try {
  const tokens = await prepareBenchDb(cluster.primary.url, 16);
  const app = await spawnApp(cluster.primary.url, { DATABASE_REPLICA_URL: cluster.standby.url });
  const primary = createDb(cluster.primary.url);
  const standby = createDb(cluster.standby.url);
  const seconds: number[] = [];
  const bytes: number[] = [];
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      const { rows } = await sql<{ lsn: string }>`select pg_current_wal_lsn()::text as lsn`.execute(primary);
      const behind = await sql<{ b: number }>`select pg_wal_lsn_diff(${rows[0].lsn}::pg_lsn, pg_last_wal_replay_lsn())::float8 as b`.execute(standby);
      bytes.push(Math.max(0, Number(behind.rows[0].b)));
      seconds.push(await replicaLagSeconds(standby));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const make = (n: number) => ({ path: "/api/v1/responses", body: JSON.stringify(sipasBody(randomUUID(), n)), headers: { authorization: `Bearer ${tokens[n % 16]}` } });
  const load = await closedLoop(app.url, make, { clients: 16, total });
  sampling = false;
  await sampler;
  await app.stop();
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const p = (xs: number[], q: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? 0;
  console.log(
    [
      `Standby lag under the ingest load (${total} submissions, 16 clients, ${load.perSecond.toFixed(0)}/s, ${load.errors} errors; ${seconds.length} samples)`,
      `  seconds behind: p50 ${p(seconds, 0.5).toFixed(3)}, p99 ${p(seconds, 0.99).toFixed(3)}, max ${Math.max(...seconds).toFixed(3)}`,
      `  WAL bytes not replayed: p50 ${p(bytes, 0.5).toFixed(0)}, p99 ${p(bytes, 0.99).toFixed(0)}, max ${Math.max(...bytes).toFixed(0)}`,
    ].join("\n"),
  );
  await primary.destroy();
  await standby.destroy();
} finally {
  await cluster.destroy();
}
