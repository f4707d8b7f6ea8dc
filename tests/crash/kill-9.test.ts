import { randomUUID } from "node:crypto";
import { rollupsMatchRecount } from "../support/rollup-recount";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/index";
import { prepareBenchDb, sipasBody, spawnApp } from "../../scripts/bench/spawn";

// Durability under the worst failure: the server is killed with SIGKILL at random moments
// while submissions stream in. Every response that got a 2xx must be stored exactly once,
// and the roll-ups must equal a recount from the raw rows.

const KILLS = 20;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-crash-"));
const file = path.join(dir, "crash.sqlite");
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function post(url: string, token: string, body: unknown): Promise<number> {
  return new Promise((resolve) => {
    const data = JSON.stringify(body);
    const req = http.request(`${url}/api/v1/responses`, {
      method: "POST",
      agent: false,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(data), authorization: `Bearer ${token}` },
    });
    req.on("response", (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.on("error", () => resolve(0));
    req.end(data);
  });
}

let seed = 20261124;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

describe("kill -9 while submitting", () => {
  it(`keeps every acknowledged response exactly once across ${KILLS} crashes`, async () => {
    const tokens = await prepareBenchDb(file, 4);
    const acknowledged = new Map<string, unknown>();
    let attempted = 0;
    for (let round = 0; round < KILLS; round++) {
      const app = await spawnApp(file);
      let running = true;
      const clients = tokens.map(async (token) => {
        while (running) {
          const body = sipasBody(randomUUID(), attempted++);
          const status = await post(app.url, token, body);
          if (status === 201) acknowledged.set(body.id as string, body);
          else if (status === 0) break; // connection refused or cut: the server is gone
        }
      });
      await new Promise((r) => setTimeout(r, 150 + random() * 600));
      await app.stop("SIGKILL");
      running = false;
      await Promise.all(clients);
    }
    expect(acknowledged.size).toBeGreaterThan(KILLS * 5);

    const db = createDb(file);
    try {
      const stored = new Set((await db.selectFrom("response").select("id").execute()).map((r) => r.id));
      const missing = [...acknowledged.keys()].filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      expect(stored.size).toBeLessThanOrEqual(attempted);

      await rollupsMatchRecount(db);
    } finally {
      await db.destroy();
    }

    // After all that, a resend of an acknowledged response is recognised, not stored again.
    const app = await spawnApp(file);
    try {
      const [id, body] = [...acknowledged.entries()][0];
      expect(await post(app.url, tokens[0], body)).toBe(200);
      expect(id).toBeTruthy();
    } finally {
      await app.stop();
    }
  }, 240_000);
});
