// Checks the test database helper itself (tests/support/test-db.ts), on both dialects.
import fs from "node:fs";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { createTestDb, describeDb, dialect, pgAdminUrl, type TestDb } from "../support/test-db";

const NOW = "2026-11-24T03:00:00.000Z";

async function unitCount(t: TestDb): Promise<number> {
  const row = await t.db
    .selectFrom("unit")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function exists(t: TestDb): Promise<boolean> {
  if (t.dialect === "sqlite") return fs.existsSync(t.url);
  const name = new URL(t.url).pathname.slice(1);
  const client = new pg.Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    return rowCount === 1;
  } finally {
    await client.end();
  }
}

describe(`createTestDb [${dialect()}]`, () => {
  it("gives separate databases that do not see each other's rows", async () => {
    const a = await createTestDb();
    const b = await createTestDb();
    try {
      expect(a.url).not.toBe(b.url);
      await a.db
        .insertInto("unit")
        .values({ code: "A", name: "A", level: "province", parent_id: null, valid_from: null, valid_to: null, successor_id: null, created_at: NOW })
        .execute();
      expect(await unitCount(a)).toBe(1);
      expect(await unitCount(b)).toBe(0);
    } finally {
      await a.destroy();
      await b.destroy();
    }
  });

  it("destroy() deletes the database and may be called twice", async () => {
    const t = await createTestDb();
    expect(await exists(t)).toBe(true);
    await t.destroy();
    await t.destroy();
    expect(await exists(t)).toBe(false);
  });

  it("can leave a database unmigrated", async () => {
    const t = await createTestDb({ migrate: false });
    try {
      expect(t.migrations).toEqual([]);
      await expect(t.db.selectFrom("unit").selectAll().limit(0).execute()).rejects.toThrow();
    } finally {
      await t.destroy();
    }
  });
});

describeDb("describeDb", (t) => {
  it("provides a migrated database of the current dialect", async () => {
    expect(t.dialect).toBe(dialect());
    expect(await t.db.selectFrom("survey").selectAll().execute()).toEqual([]);
  });

  it("keeps the same database across the tests of the block", async () => {
    await t.db.insertInto("survey").values({ slug: "s", title_vi: "Khảo sát", title_en: "Survey", created_at: NOW }).execute();
    const rows = await t.db.selectFrom("survey").select("slug").execute();
    expect(rows).toEqual([{ slug: "s" }]);
  });
});
