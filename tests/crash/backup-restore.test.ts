import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/index";
import { BENCH_SECRET, prepareBenchDb, sipasBody, spawnApp } from "../../scripts/bench/spawn";

// `npm run cli -- backup FILE` while submissions stream in, then the README's restore
// procedure (point DATABASE_URL at the copy and start): the copy is consistent, and a
// server restored from it reports the same figures as the original.

const run = promisify(execFile);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function backup(source: string, target: string) {
  return run(process.execPath, ["--import", "tsx", "scripts/cli.ts", "backup", target], {
    env: { ...process.env, DATABASE_URL: source, SECRET_KEY: BENCH_SECRET, SEED_DEMO: "0" },
  });
}

async function snapshot(file: string) {
  const db = createDb(file);
  try {
    const n = async (table: "response" | "answer") =>
      Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()).n);
    const rolled = await db.selectFrom("rollup_response").select((eb) => eb.fn.sum<number>("count").as("n")).executeTakeFirstOrThrow();
    return { responses: await n("response"), answers: await n("answer"), rolledUp: Number(rolled.n ?? 0) };
  } finally {
    await db.destroy();
  }
}

async function summaryOf(url: string, token: string) {
  const res = await fetch(`${url}/api/v1/reports/summary?survey=sipas-2017&from=2020-01-01&to=2030-12-31&unit=BENCH`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return res.json();
}

describe("backup and restore", () => {
  it("copies a live database consistently and restores to the same figures", async () => {
    const source = path.join(dir, "live.sqlite");
    const tokens = await prepareBenchDb(source, 2);
    const app = await spawnApp(source);
    let running = true;
    let i = 0;
    const load = tokens.map(async (token) => {
      while (running) {
        await fetch(`${app.url}/api/v1/responses`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(sipasBody(randomUUID(), i++)),
        });
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    const during = path.join(dir, "during.sqlite");
    const result = await backup(source, during);
    expect(result.stdout).toContain("integrity_check: ok");
    running = false;
    await Promise.all(load);

    // The copy taken under load is a consistent snapshot: roll-ups match its raw rows.
    const hot = await snapshot(during);
    expect(hot.responses).toBeGreaterThan(0);
    expect(hot.rolledUp).toBe(hot.responses);

    // Once quiet, a second copy equals the source, and a server restored from it agrees.
    const after = path.join(dir, "after.sqlite");
    await backup(source, after);
    expect(await snapshot(after)).toEqual(await snapshot(source));
    const original = await summaryOf(app.url, tokens[0]);
    await app.stop();
    const restored = await spawnApp(after);
    try {
      expect(await summaryOf(restored.url, tokens[0])).toEqual(original);
    } finally {
      await restored.stop();
    }
  }, 120_000);
});
