import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

let app: TestApp;
let analystT: string;
let analystX2: string;
let designer: string;

// docs/method.md §10 in X1 (tc1, tc2 = access; tc5, tc6 = procedure), one extra respondent in X2.
const worked: Array<Record<string, number | null>> = [
  { tc1: 5, tc2: 4, tc5: 3, tc6: 4 },
  { tc1: 4, tc2: null, tc5: 2, tc6: 5 },
  { tc1: 3, tc2: 3, tc5: 4, tc6: 4 },
  { tc1: 5, tc2: 5, tc5: null, tc6: 1 },
];

async function submit(unit: string, answers: Record<string, number | null>, submittedAt: string, token: string) {
  const r = await api(app, "/api/v1/responses", {
    method: "POST",
    token,
    json: { id: randomUUID(), survey: "sipas-2017", version: 1, unit, channel: "paper", submittedAt, answers },
  });
  expect(r.status).toBe(201);
}

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  analystT = await createToken(app, "analyst", "T");
  analystX2 = await createToken(app, "analyst", "X2");
  designer = await createToken(app, "designer", null);
  const manager = await createToken(app, "admin", null);
  for (const answers of worked) await submit("X1", answers, "2026-03-02T09:00:00+07:00", manager);
  // 23:30 UTC on 31 March is 1 April in Vietnam: it belongs to April, not March.
  await submit("X2", { tc1: 1, tc5: 1 }, "2026-03-31T23:30:00Z", manager);
});
afterAll(async () => app?.stop());

const summary = (query: string, token?: string) => api(app, `/api/v1/reports/summary?${query}`, { token });

describe("GET /api/v1/reports/summary", () => {
  it("reproduces the hand-computed index of docs/method.md §10 for March", async () => {
    const r = await summary("survey=sipas-2017&from=2026-03-01&to=2026-03-31&unit=X1", analystT);
    expect(r.status).toBe(200);
    expect(r.body.n).toBe(4);
    expect(r.body.index).toBeCloseTo(62.5, 10);
    const el = Object.fromEntries(r.body.elements.map((e: { id: string }) => [e.id, e]));
    expect(el["tiep-can"].index).toBeCloseTo(70.8333, 4);
    expect(el["tiep-can"].n).toBe(4);
    expect(el["thu-tuc"].index).toBeCloseTo(54.1667, 4);
    expect(el["cong-chuc"].index).toBeNull();
    const tc2 = r.body.items.find((i: { id: string }) => i.id === "tc2");
    expect(tc2).toMatchObject({ valid: 3, satisfied: 2, distribution: { 1: 0, 2: 0, 3: 1, 4: 1, 5: 1 } });
    expect(tc2.ci95[0]).toBeLessThan(tc2.index);
    expect(r.body.smallSample).toBe(true);
    expect(r.body.target).toBe(95); // QĐ 282/QĐ-TTg, from 2026
    expect(r.body.meetsTarget).toBe(false);
  });

  it("gives the same figures from raw rows (partial months) as from roll-ups (whole months)", async () => {
    const months = await summary("survey=sipas-2017&from=2026-03-01&to=2026-03-31&unit=X1", analystT);
    const days = await summary("survey=sipas-2017&from=2026-02-15&to=2026-03-20&unit=X1", analystT);
    expect(days.body.n).toBe(months.body.n);
    expect(days.body.index).toBe(months.body.index);
    expect(days.body.items).toEqual(months.body.items);
    expect(days.body.elements).toEqual(months.body.elements);
  });

  it("files a response under its Vietnam date", async () => {
    const march = await summary("survey=sipas-2017&from=2026-03-01&to=2026-03-31&unit=X2", analystT);
    expect(march.body.n).toBe(0);
    expect(march.body.index).toBeNull();
    const april = await summary("survey=sipas-2017&from=2026-04-01&to=2026-04-01&unit=X2", analystT);
    expect(april.body.n).toBe(1);
    expect(april.body.index).toBe(0);
  });

  it("pools the subtree for the province and lists its children", async () => {
    const r = await summary("survey=sipas-2017&from=2026-01-01&to=2026-12-31", analystT);
    expect(r.status).toBe(200);
    expect(r.body.scope).toEqual({ unit: "T", service: null, channel: null, mapping: "as-was" });
    expect(r.body.n).toBe(5);
    // pooled: tc1 3/5 = 60, tc2 2/3; access = (60 + 66.67)/2; tc5 1/4 = 25, tc6 3/4 = 75 → 50
    expect(r.body.index).toBeCloseTo(((60 + 200 / 3) / 2 + 50) / 2, 10);
    const units = Object.fromEntries(r.body.units.map((u: { code: string }) => [u.code, u]));
    expect(units.X1).toMatchObject({ n: 4, smallSample: true, rank: null });
    expect(units.SNV).toMatchObject({ n: 0, index: null });
  });

  it("says 'no data' with null, never 0, for an empty period", async () => {
    const r = await summary("survey=sipas-2017&from=2025-01-01&to=2025-01-31", analystT);
    expect(r.body.n).toBe(0);
    expect(r.body.index).toBeNull();
    expect(r.body.items.every((i: { index: null }) => i.index === null)).toBe(true);
  });

  it("checks who asks and what they may see", async () => {
    expect((await summary("survey=sipas-2017&from=2026-01-01&to=2026-12-31")).status).toBe(401);
    expect((await summary("survey=sipas-2017&from=2026-01-01&to=2026-12-31", designer)).status).toBe(403);
    const outside = await summary("survey=sipas-2017&from=2026-01-01&to=2026-12-31&unit=X1", analystX2);
    expect(outside.status).toBe(403);
    const own = await summary("survey=sipas-2017&from=2026-01-01&to=2026-12-31", analystX2);
    expect(own.status).toBe(200);
    expect(own.body.scope.unit).toBe("X2");
  });

  it("rejects bad parameters with the API error shape", async () => {
    const after = await summary("survey=sipas-2017&from=2026-05-01&to=2026-04-01", analystT);
    expect(after.status).toBe(400);
    expect(after.body.error.fields.from).toBe("Ngày bắt đầu phải trước ngày kết thúc");
    const badDate = await summary("survey=sipas-2017&from=2026-02-30&to=2026-04-01", analystT);
    expect(badDate.status).toBe(400);
    expect(badDate.body.error.fields).toHaveProperty("from");
    const unknown = await summary("survey=khong-co&from=2026-01-01&to=2026-04-01&unit=ZZ", analystT);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("invalid");
  });
});

describe("GET /api/v1/surveys", () => {
  it("lists the published questionnaires and serves a definition with its index model", async () => {
    const list = await api(app, "/api/v1/surveys");
    expect(list.status).toBe(200);
    expect(list.body.map((s: { slug: string }) => s.slug)).toContain("sipas-2017");
    const one = await api(app, "/api/v1/surveys/sipas-2017?version=1");
    expect(one.body.indexModel.aspects[0].elements.map((e: { id: string }) => e.id)).toEqual(["tiep-can", "thu-tuc", "cong-chuc", "ket-qua", "gop-y"]);
    expect((await api(app, "/api/v1/surveys/sipas-2017?version=9")).status).toBe(404);
  });
});
