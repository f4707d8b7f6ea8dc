import { sql } from "kysely";
import type { Db } from "./index";

// Read routing to a PostgreSQL hot standby (streaming replication). Reports, dashboards and
// exports may read slightly old data; writes and reads of one's own writes never go here.

/** Seconds the standby is behind: 0 when it has replayed all it received (an idle primary). */
export async function replicaLagSeconds(db: Db): Promise<number> {
  const { rows } = await sql<{ lag: number | null }>`
    select case
      when not pg_is_in_recovery() then 0
      when pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() then 0
      else extract(epoch from now() - pg_last_xact_replay_timestamp())::float8
    end as lag`.execute(db);
  return Number(rows[0]?.lag ?? 0);
}

const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);

/**
 * Whether an error means "the database cannot be reached" (server down, restarting, the
 * connection cut), as opposed to a refused statement. Those are worth a retry later.
 */
export function isConnectionError(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === "string" && CONNECTION_CODES.has(e.code)) return true;
    if (typeof e.message === "string" && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true;
  }
  return false;
}

export interface ReadRouter {
  /** The handle report reads should use now: the standby when healthy, else the primary. */
  reads(): Promise<Db>;
  /** Which one the last check chose (for logs and tests). */
  readonly current: "standby" | "primary";
}

/**
 * Checks the standby at most every `checkEveryMs` (reachable, lag ≤ `maxLagS`) and routes
 * report reads to it, or to the primary while it is not; each change is logged once.
 */
export function createReadRouter(opts: { primary: Db; standby: Db; maxLagS: number; log?: (line: string) => void; checkEveryMs?: number }): ReadRouter {
  const { primary, standby, maxLagS } = opts;
  const log = opts.log ?? ((line: string) => console.warn(line));
  const every = opts.checkEveryMs ?? 1000;
  let current: "standby" | "primary" = "standby";
  let checkedAt = -Infinity;
  let checking: Promise<void> | null = null;

  const choose = (next: "standby" | "primary", why: string) => {
    if (next !== current) log(next === "primary" ? `Reports read from the primary: ${why}` : "Reports read from the standby again");
    current = next;
  };
  const check = async () => {
    try {
      const lag = await replicaLagSeconds(standby);
      if (lag > maxLagS) choose("primary", `the standby lags ${lag.toFixed(1)} s (REPLICA_MAX_LAG_S=${maxLagS})`);
      else choose("standby", "");
    } catch (error) {
      choose("primary", `the standby cannot be reached (${error instanceof Error ? error.message : String(error)})`);
    } finally {
      checkedAt = Date.now();
      checking = null;
    }
  };

  return {
    get current() {
      return current;
    },
    async reads() {
      if (Date.now() - checkedAt >= every) await (checking ??= check());
      return current === "standby" ? standby : primary;
    },
  };
}
