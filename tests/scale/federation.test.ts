import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/index";
import { upsertService } from "../../db/queries/services";
import { upsertUnit } from "../../db/queries/units";
import { prepareDatabase } from "../../app/server/bootstrap.server";
import { buildSummary, parseSummaryQuery } from "../../app/server/report.server";
import { loadPublishedVersion } from "../../app/server/survey-versions.server";
import { runCli } from "../../scripts/cli/run";
import { addResponses } from "../../scripts/bench-data";
import { startServer, type RunningServer } from "../../scripts/server";
import { ROLLUP_KEYS } from "../../db/queries/rollup-writes";

// Issue 15.5: three province instances push their roll-ups to a national instance, whose
// summary must give each province exactly the figures the province's own summary gives.

const SECRET = "federation-secret-key-0123456789-abcdefghij";
const PROVINCES = ["P1", "P2", "P3"];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hailong-federation-"));
const provinceDb: Record<string, Db> = {};
const tokens: Record<string, string> = {};
let national: RunningServer;
let nationalDb: Db;
const PERIOD = "survey=sipas-2017&from=2026-01-01&to=2026-12-31";

async function cli(args: string[], databaseUrl: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l), progress: () => undefined, readLine: async () => "" };
  const code = await runCli(args, { io, env: { DATABASE_URL: databaseUrl, SECRET_KEY: SECRET, SEED_DEMO: "0" } });
  return { code, out, err };
}

let seed = 15_05;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

async function seedProvince(code: string, responses: number): Promise<void> {
  const db = createDb(path.join(dir, `${code}.sqlite`));
  provinceDb[code] = db;
  await prepareDatabase(db);
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await upsertUnit(trx, { code, name: `Tỉnh ${code}`, level: "tinh", parentCode: null }, now);
    await upsertUnit(trx, { code: `${code}-S1`, name: `Sở Nội vụ ${code}`, level: "so", parentCode: code }, now);
    for (let i = 1; i <= 4; i++) await upsertUnit(trx, { code: `${code}-X${i}`, name: `Xã ${i} (${code})`, level: "xa", parentCode: `${code}-S1` }, now);
    for (let i = 1; i <= 5; i++) await upsertService(trx, { code: `1.00000${i}`, name: `Thủ tục ${i}`, field: "Hộ tịch", level: "xa" }, now);
  });
  const units = await db.selectFrom("unit").select("id").where("code", "like", `${code}-X%`).execute();
  const services = await db.selectFrom("service").select("id").execute();
  const version = (await loadPublishedVersion(db, "sipas-2017"))!;
  await addResponses(db, { unitIds: units.map((u) => u.id), serviceIds: services.map((s) => s.id), version }, responses, random, 1000);
}

async function nationalSummary(query: string) {
  const res = await fetch(`${national.url}/api/v1/reports/summary?${query}`, { headers: { authorization: `Bearer ${tokens.analyst}` } });
  expect(res.status).toBe(200);
  return (await res.json()) as { n: number; index: number | null; units: Array<{ code: string; n: number; index: number | null }>; elements: Array<{ id: string; index: number | null }> };
}

async function dumpRollups(db: Db): Promise<string> {
  const parts: string[] = [];
  for (const table of Object.keys(ROLLUP_KEYS) as Array<keyof typeof ROLLUP_KEYS>) {
    const rows = await db.selectFrom(table).selectAll().execute();
    parts.push(...rows.map((r) => `${table}:${JSON.stringify(r)}`).sort());
  }
  return parts.join("\n");
}

function push(code: string, token = tokens[code]) {
  return cli(["federate", "--to", national.url, "--token", token], path.join(dir, `${code}.sqlite`));
}

beforeAll(async () => {
  const nationalUrl = path.join(dir, "national.sqlite");
  nationalDb = createDb(nationalUrl);
  national = await startServer({ db: nationalDb, env: { DATABASE_URL: nationalUrl, PORT: "0", HOST: "127.0.0.1", SECRET_KEY: SECRET, SEED_DEMO: "0", NODE_ENV: "test" } });
  const csv = path.join(dir, "units.csv");
  fs.writeFileSync(csv, ["code,name,parent,level", "VN,Việt Nam,,quoc-gia", ...PROVINCES.map((p) => `${p},Tỉnh ${p},VN,tinh`)].join("\n"));
  expect((await cli(["import-units", csv], nationalUrl)).code).toBe(0);
  for (const p of PROVINCES) {
    const r = await cli(["create-token", "--name", `Tỉnh ${p}`, "--role", "federation", "--unit", p], nationalUrl);
    expect(r.code).toBe(0);
    tokens[p] = r.out[r.out.length - 1];
  }
  const analyst = await cli(["create-token", "--name", "Bộ Nội vụ", "--role", "analyst", "--unit", "VN"], nationalUrl);
  tokens.analyst = analyst.out[analyst.out.length - 1];
  for (const [i, p] of PROVINCES.entries()) await seedProvince(p, 600 + 200 * i);
}, 180_000);

afterAll(async () => {
  await national?.close();
  for (const db of Object.values(provinceDb)) await db.destroy();
  await nationalDb?.destroy();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("federation of provinces", () => {
  it("ranks the provinces with exactly each province's own pooled figures, down to its units", async () => {
    for (const p of PROVINCES) expect((await push(p)).code).toBe(0);
    const top = await nationalSummary(`${PERIOD}&unit=VN`);
    expect(top.units.map((u) => u.code).sort()).toEqual(PROVINCES);
    let total = 0;
    for (const p of PROVINCES) {
      const own = await buildSummary(provinceDb[p], parseSummaryQuery(new URLSearchParams(`${PERIOD}&unit=${p}`)), { unitId: null });
      const row = top.units.find((u) => u.code === p)!;
      expect(row.n).toBe(own.n);
      expect(row.index).toBe(own.index);
      total += own.n;
      // The province opened on the national instance: the same figures, unit by unit.
      const sub = await nationalSummary(`${PERIOD}&unit=${p}`);
      expect(sub.n).toBe(own.n);
      expect(sub.index).toBe(own.index);
      expect(sub.elements.map((e) => e.index)).toEqual(own.elements.map((e) => e.index));
      expect(sub.units.map((u) => [u.code, u.n, u.index])).toEqual(own.units.map((u) => [u.code, u.n, u.index]));
    }
    expect(top.n).toBe(total);
  });

  it("pushing twice changes nothing; a new month replaces only its own snapshot", async () => {
    const before = await dumpRollups(nationalDb);
    expect((await push("P2")).code).toBe(0);
    expect(await dumpRollups(nationalDb)).toBe(before);

    // More responses in P2: its next push replaces its snapshots, P1's figures stay.
    const p1 = await nationalSummary(`${PERIOD}&unit=P1`);
    const units = await provinceDb.P2.selectFrom("unit").select("id").where("code", "like", "P2-X%").execute();
    const services = await provinceDb.P2.selectFrom("service").select("id").execute();
    const version = (await loadPublishedVersion(provinceDb.P2, "sipas-2017"))!;
    await addResponses(provinceDb.P2, { unitIds: units.map((u) => u.id), serviceIds: services.map((x) => x.id), version }, 300, random, 300);
    expect((await push("P2")).code).toBe(0);
    const own = await buildSummary(provinceDb.P2, parseSummaryQuery(new URLSearchParams(`${PERIOD}&unit=P2`)), { unitId: null });
    const p2 = await nationalSummary(`${PERIOD}&unit=P2`);
    expect([p2.n, p2.index]).toEqual([own.n, own.index]);
    expect(await nationalSummary(`${PERIOD}&unit=P1`)).toEqual(p1);
  });

  it("refuses a wrong token, a foreign province, a unit of another province, an unknown version and negative counts, storing nothing", async () => {
    const before = await dumpRollups(nationalDb);
    const send = (body: unknown, token = tokens.P1) =>
      fetch(`${national.url}/api/v1/federation/snapshots`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const good = {
      province: "P1", survey: "sipas-2017", version: 1, month: "2026-03",
      units: [{ code: "P1-S1", name: "Sở", parent: "P1", level: "so" }],
      services: [],
      responses: [{ unit: "P1-S1", service: null, channel: "paper", count: 1 }],
      answers: [{ unit: "P1-S1", service: null, channel: "paper", question: "tc1", code: 5, count: 1 }],
    };
    expect((await send(good, "hlt_not-a-token")).status).toBe(401);
    expect((await send(good, tokens.analyst)).status).toBe(403);
    expect((await send(good, tokens.P2)).status).toBe(403);
    expect((await send({ ...good, units: [...good.units, { code: "P2-X1", name: "Xã", parent: "P1-S1", level: "xa" }] })).status).toBe(409);
    expect((await send({ ...good, version: 99 })).status).toBe(400);
    expect((await send({ ...good, responses: [{ ...good.responses[0], count: -5 }] })).status).toBe(400);
    expect((await send({ ...good, answers: [{ ...good.answers[0], unit: "P3-X1" }] })).status).toBe(400);
    expect((await push("P1", tokens.P3)).code).toBe(1);
    expect(await dumpRollups(nationalDb)).toBe(before);
  });
});
