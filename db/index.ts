import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import pg from "pg";
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from "kysely";
import type { Database } from "./schema";
import { migrationProvider } from "./migrations/index";

export type Db = Kysely<Database>;
export type DbDialect = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "./data/hailong.sqlite";

export interface DbTarget {
  dialect: DbDialect;
  /** File path for SQLite, connection string for PostgreSQL. */
  location: string;
}

/** Reads DATABASE_URL: a file path or `file:` URL means SQLite, `postgres://` PostgreSQL. */
export function parseDatabaseUrl(url: string): DbTarget {
  const trimmed = url.trim();
  if (/^postgres(ql)?:\/\//i.test(trimmed)) return { dialect: "postgres", location: trimmed };
  if (/^file:/i.test(trimmed)) {
    const location = trimmed.replace(/^file:(\/\/)?/i, "");
    if (!location) throw new Error("DATABASE_URL file: URL has no path");
    return { dialect: "sqlite", location };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    throw new Error(`DATABASE_URL scheme not supported: ${trimmed.split(":")[0]}`);
  }
  if (!trimmed) throw new Error("DATABASE_URL is empty");
  return { dialect: "sqlite", location: trimmed };
}

// pg returns int8/numeric as strings to avoid precision loss; our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
pg.types.setTypeParser(1700, (v) => Number.parseFloat(v));

export function openSqlite(file: string): SQLite.Database {
  if (file !== ":memory:") {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    // Owner only: it holds password hashes and citizens' answers. SQLite gives the -wal and
    // -shm files the database file's mode.
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
  }
  const conn = new SQLite(file);
  conn.pragma("journal_mode = WAL");
  // FULL: an acknowledged response must survive a power cut (NORMAL may lose the last commits).
  conn.pragma("synchronous = FULL");
  conn.pragma("foreign_keys = ON");
  conn.pragma("busy_timeout = 5000");
  return conn;
}

/**
 * Kysely prepares every query anew; re-preparing the same SQL costs more than running it.
 * Keep prepared statements by SQL text (bounded), falling back to a fresh one while a
 * cached statement is still being iterated.
 */
export function withStatementCache(conn: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => conn.close(),
    prepare(sqlText: string) {
      const hit = cache.get(sqlText);
      if (hit && !hit.busy) return hit;
      const stmt = conn.prepare(sqlText);
      if (!hit) {
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(sqlText, stmt);
      }
      return stmt;
    },
  };
}

/** `poolOptions` tunes PostgreSQL's pool (a standby is given a short connect timeout: a dead one must not stall reports). */
export function createDb(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, poolOptions: { max?: number; connectionTimeoutMillis?: number } = {}): Db {
  const target = parseDatabaseUrl(url);
  if (target.dialect === "postgres") {
    const pool = new pg.Pool({ connectionString: target.location, max: 10, ...poolOptions });
    // An idle client whose server connection ends (restart, failover, a DBA's terminate)
    // emits 'error' on the pool; unhandled, that would crash the whole app.
    pool.on("error", (error) => console.error(`PostgreSQL: idle connection lost (${error.message})`));
    // A checked-out client has no pool listener: if its server goes away between two
    // statements (a primary stopped mid-transaction), its 'error' would crash the app too.
    // The statement in flight still fails and is answered (503 for submissions).
    pool.on("connect", (client) => client.on("error", (error) => console.error(`PostgreSQL: connection lost (${error.message})`)));
    return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  }
  return new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(openSqlite(target.location)) }),
  });
}

export function dialectOf(url: string): DbDialect {
  return parseDatabaseUrl(url).dialect;
}

export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
