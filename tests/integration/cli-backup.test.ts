// `backup FILE` (once per dialect). SQLite: VACUUM INTO + integrity_check, and the copy holds
// the same data. PostgreSQL: pg_dump when it is on PATH and matches the server, else exit 1
// with guidance — never a silent success.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../../app/server/bootstrap.server";
import { findOnPath } from "../../db/backup";
import { seedDemo } from "../../scripts/seed/demo";
import type { CliIo } from "../../scripts/cli/context";
import { runCli } from "../../scripts/cli/run";
import { createTestDb, dialect, type TestDb } from "../support/test-db";

describe(`cli backup [${dialect()}]`, () => {
  let t: TestDb;
  let dir: string;
  let responses: number;

  async function cli(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), progress: () => {}, readLine: async () => "" };
    const code = await runCli(argv, { db: t.db, io, env: { DATABASE_URL: t.url, SECRET_KEY: "k".repeat(40), SEED_DEMO: "0" } });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  beforeAll(async () => {
    t = await createTestDb();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-backup-"));
    await prepareDatabase(t.db);
    responses = (await seedDemo(t.db, { responses: 300, seed: "backup" })).responses;
  });
  afterAll(async () => {
    await t?.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it.runIf(dialect() === "sqlite")("writes a consistent SQLite copy that opens and has the same responses", async () => {
    const file = path.join(dir, "nested", "backup.sqlite");
    const run = await cli(["backup", file]);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain("integrity_check: ok");
    const copy = new SQLite(file, { readonly: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      const count = (sql: string) => (copy.prepare(sql).get() as { n: number }).n;
      expect(count("SELECT count(*) AS n FROM response")).toBe(responses);
      const source = await t.db.selectFrom("answer").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      expect(count("SELECT count(*) AS n FROM answer")).toBe(Number(source.n));
      expect(count("SELECT sum(count) AS n FROM rollup_response")).toBe(responses);
    } finally {
      copy.close();
    }
    // Never overwrites an existing file.
    const again = await cli(["backup", file]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("target exists");
  });

  it.runIf(dialect() === "postgres")("runs pg_dump, or explains what to install, with exit code 1 on failure", async () => {
    const file = path.join(dir, "backup.dump");
    const run = await cli(["backup", file]);
    if (run.code === 0) {
      expect(fs.statSync(file).size).toBeGreaterThan(0);
      expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("PGDMP");
    } else {
      expect(run.code).toBe(1);
      expect(run.err).toMatch(findOnPath("pg_dump") ? /pg_dump exited/ : /pg_dump not found/);
      expect(fs.existsSync(file)).toBe(false);
    }
  });

  it("needs a file name", async () => {
    expect((await cli(["backup"])).code).toBe(2);
  });
});
