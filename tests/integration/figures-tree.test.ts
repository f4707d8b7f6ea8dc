import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { upsertUnit } from "../../db/queries/units";
import { loadDashboard } from "~/server/dashboard.server";
import { publishDefinition } from "~/server/publish.server";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Issue 13.4 (mean-of-children at every depth) and 13.7 (the trend follows the service filter
// and the parent aggregation), once per dialect. March 2026, item tc1 only:
//   X1: 5 forms with service 1.001612, all satisfied; 5 without service, 3 satisfied → 80
//   D (district, no own forms): D1 40 forms, 36 satisfied (90); D2 10 forms, 5 satisfied (50)
//   → D = (90 + 50) / 2 = 70 by mean-of-children (pooled it would be 41/50 = 82)
//   → T = (80 + 70) / 2 = 75 (X2 and SNV have no data)

let app: TestApp;
let token: string;
const SURVEY = "sipas-moc";

async function send(unit: string, satisfied: boolean, service: string | null = null) {
  const json = { id: randomUUID(), survey: SURVEY, version: 1, unit, service, channel: "paper", submittedAt: "2026-03-10T09:00:00+07:00", answers: { tc1: satisfied ? 5 : 2 } };
  const r = await api(app, "/api/v1/responses", { method: "POST", token, json });
  expect(r.status).toBe(201);
}
const summary = async (q: string) => {
  const r = await api(app, `/api/v1/reports/summary?survey=${SURVEY}&from=2026-03-01&to=2026-03-31&${q}`, { token });
  expect(r.status).toBe(200);
  return r.body;
};
const many = async (unit: string, n: number, sat: number, service: string | null = null) => {
  for (let k = 0; k < n; k++) await send(unit, k < sat, service);
};

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  const now = new Date().toISOString();
  await app.t.db.transaction().execute(async (trx) => {
    await upsertUnit(trx, { code: "D", name: "Huyện D", level: "huyen", parentCode: "T" }, now);
    await upsertUnit(trx, { code: "D1", name: "Xã D1", level: "xa", parentCode: "D" }, now);
    await upsertUnit(trx, { code: "D2", name: "Xã D2", level: "xa", parentCode: "D" }, now);
  });
  const def = JSON.parse(fs.readFileSync(path.resolve("survey-definitions/sipas-2017.json"), "utf8"));
  expect(await publishDefinition(app.t.db, { ...def, slug: SURVEY, index: { parentAggregation: "mean-of-children" } }, "test")).toMatchObject({ ok: true });
  token = await createToken(app, "admin", null);
  await many("X1", 5, 5, "1.001612");
  await many("X1", 5, 3);
  await many("D1", 40, 36);
  await many("D2", 10, 5);
}, 60_000);
afterAll(async () => app?.stop());

describe("mean-of-children at every depth", () => {
  it("a district shows the same number on its page and in its parent's ranking", async () => {
    const province = await summary("unit=T");
    const district = await summary("unit=D");
    expect(district.index).toBeCloseTo(70, 9);
    expect(province.units.find((u: { code: string }) => u.code === "D").index).toBeCloseTo(70, 9);
    expect(province.units.find((u: { code: string }) => u.code === "X1").index).toBeCloseTo(80, 9);
    expect(province.index).toBeCloseTo(75, 9);
    // Raw rows (days outside whole months) give the same.
    const r = await api(app, `/api/v1/reports/summary?survey=${SURVEY}&from=2026-03-02&to=2026-03-30&unit=T`, { token });
    expect(r.body.index).toBeCloseTo(75, 9);
  });
});

describe("trend", () => {
  const user = { userId: 1, username: "t", role: "admin" as const, unitId: null, sessionHash: "", csrfToken: "" };
  const march = async (q: string) => {
    const d = await loadDashboard(app.server.services, user, new URLSearchParams(`survey=${SURVEY}&period=month&year=2026&part=3&unit=T${q}`), "vi", { trend: true });
    return { trend: d.trend!.find((p) => p.month === "2026-03")!, index: d.summary.index };
  };

  it("follows the parent aggregation: March is the summary's 75", async () => {
    const m = await march("");
    expect(m.trend.index).toBeCloseTo(75, 9);
    expect(m.trend.n).toBe(60);
  });

  it("follows the service filter: only X1's 5 forms of 1.001612 (100)", async () => {
    const m = await march("&service=1.001612");
    expect(m.index).toBeCloseTo(100, 9);
    expect(m.trend.index).toBeCloseTo(100, 9);
    expect(m.trend.n).toBe(5);
  });
});
