// A fresh, fully migrated database per test FILE, of the dialect the running vitest project
// selects (TEST_DIALECT = "sqlite" | "postgres"; see vitest.config.ts):
//   sqlite    a real file in its own temp folder, opened by db/index.ts (WAL, synchronous=FULL,
//             foreign_keys=ON) — never ":memory:", which behaves differently (no WAL, no fsync).
//   postgres  `CREATE DATABASE t_<random>` on the run's embedded server (postgres-global-setup),
//             dropped again by destroy().
//
//   const t = await createTestDb();   // in beforeAll
//   ... t.db.selectFrom("unit") ...
//   await t.destroy();                // in afterAll
//
// or let describeDb() do both.
import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { createDb, migrateToLatest, type Db } from "../../db/index";
import "./provided-context";

export type TestDialect = "sqlite" | "postgres";

export interface TestDb {
  db: Db;
  /** What DATABASE_URL would be for this database (SQLite file path or postgres:// URL). */
  url: string;
  dialect: TestDialect;
  /** Names of the migrations applied when the database was created. */
  migrations: string[];
  /** Closes the connection(s) and deletes the database. Safe to call twice. */
  destroy(): Promise<void>;
}

export interface CreateTestDbOptions {
  /** Apply all migrations (default true). `false` gives an empty database. */
  migrate?: boolean;
}

/** The dialect of the running project (TEST_DIALECT; "sqlite" when unset). */
export function dialect(): TestDialect {
  const value = process.env.TEST_DIALECT ?? "sqlite";
  if (value !== "sqlite" && value !== "postgres") {
    throw new Error(`TEST_DIALECT must be "sqlite" or "postgres", got "${value}"`);
  }
  return value;
}

/** Superuser URL of the shared PostgreSQL server of this run. */
export function pgAdminUrl(): string {
  let url: string | undefined;
  try {
    url = inject("pgAdminUrl");
  } catch {
    url = undefined; // not running inside a vitest worker
  }
  url ||= process.env.TEST_PG_ADMIN_URL;
  if (!url) {
    throw new Error(
      "No PostgreSQL server for this test run. Run the file through the integration-postgres " +
        "project (npx vitest run --project integration-postgres), whose globalSetup starts one, " +
        "or set TEST_PG_ADMIN_URL.",
    );
  }
  return url;
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= fn());
}

async function createSqlite(migrate: boolean): Promise<TestDb> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "hailong-test-"));
  const url = path.join(dir, "test.sqlite");
  const db = createDb(url);
  const destroy = once(async () => {
    await db.destroy();
    await fs.rm(dir, { recursive: true, force: true });
  });
  try {
    const migrations = migrate ? await migrateToLatest(db) : [];
    return { db, url, dialect: "sqlite", migrations, destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}

async function createPostgres(migrate: boolean): Promise<TestDb> {
  const admin = pgAdminUrl();
  const name = `t_${randomBytes(8).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  const target = new URL(admin);
  target.pathname = `/${name}`;
  const url = target.toString();
  const db = createDb(url);
  const destroy = once(async () => {
    await db.destroy(); // ends the pool first, so nothing holds the database open
    // pg-pool's end() resolves before its sockets have closed: wait for the backends to go,
    // or DROP … WITH (FORCE) kills them mid-close and the client throws an uncaught FATAL.
    for (let i = 0; i < 40; i++) {
      const { rows } = await withAdmin((c) => c.query<{ n: number }>("select count(*)::int as n from pg_stat_activity where datname = $1", [name]));
      if (rows[0].n === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`));
  });
  try {
    const migrations = migrate ? await migrateToLatest(db) : [];
    return { db, url, dialect: "postgres", migrations, destroy };
  } catch (err) {
    await destroy();
    throw err;
  }
}

/** A new database of the current dialect, migrated to the latest version unless told not to. */
export async function createTestDb(options: CreateTestDbOptions = {}): Promise<TestDb> {
  const migrate = options.migrate ?? true;
  return dialect() === "postgres" ? createPostgres(migrate) : createSqlite(migrate);
}

/** Read-only view of the TestDb of a describeDb block (valid inside tests and hooks). */
export interface TestDbContext {
  readonly db: Db;
  readonly url: string;
  readonly dialect: TestDialect;
}

/**
 * describe() with a fresh migrated database: created in beforeAll, destroyed in afterAll.
 * The suite name gets the dialect appended, so reports tell the two runs apart.
 *
 *   describeDb("units", (t) => {
 *     it("inserts", async () => { await t.db.insertInto("unit")... });
 *   });
 */
export function describeDb(
  name: string,
  fn: (t: TestDbContext) => void,
  options: CreateTestDbOptions = {},
): void {
  const current = dialect();
  describe(`${name} [${current}]`, () => {
    let testDb: TestDb | undefined;
    const get = (): TestDb => {
      if (!testDb) throw new Error("describeDb: the database exists only inside tests and hooks");
      return testDb;
    };
    beforeAll(async () => {
      testDb = await createTestDb(options);
    });
    afterAll(async () => {
      await testDb?.destroy();
    });
    fn({
      get db() {
        return get().db;
      },
      get url() {
        return get().url;
      },
      dialect: current,
    });
  });
}
