import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Issue 13.9, once per dialect: X1 answered tc1 in January (20 of 50 satisfied) and in
// February (40 of 50); X2 the same 30 of 40 both months.

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  token = await createToken(app, "admin", null);
  const body = (unit: string, date: string, sat: boolean) => ({ id: randomUUID(), survey: "sipas-2017", version: 1, unit, service: null, channel: "paper", submittedAt: `${date}T09:00:00+07:00`, answers: { tc1: sat ? 5 : 1 } });
  const all = [
    ...Array.from({ length: 50 }, (_, k) => body("X1", "2026-01-15", k < 20)),
    ...Array.from({ length: 50 }, (_, k) => body("X1", "2026-02-15", k < 40)),
    ...Array.from({ length: 40 }, (_, k) => body("X2", "2026-01-15", k < 30)),
    ...Array.from({ length: 40 }, (_, k) => body("X2", "2026-02-15", k < 30)),
  ];
  const r = await api(app, "/api/v1/responses/batch", { method: "POST", token, json: { responses: all } });
  expect(r.status).toBe(200);
}, 60_000);
afterAll(async () => app?.stop());

describe("change against another period", () => {
  it("gives delta, ci95 and significant on the index, items and units", async () => {
    const r = await api(app, "/api/v1/reports/summary?survey=sipas-2017&from=2026-02-01&to=2026-02-28&compareFrom=2026-01-01&compareTo=2026-01-31&intervals=units", { token });
    expect(r.status).toBe(200);
    const s = r.body;
    expect(s.comparedWith).toEqual({ from: "2026-01-01", to: "2026-01-31" });
    // Index: 70/90 now, 50/90 before.
    expect(s.change.delta).toBeCloseTo((100 * 70) / 90 - (100 * 50) / 90, 9);
    expect(s.change.significant).toBe(s.change.ci95[0] > 0 || s.change.ci95[1] < 0);
    const tc1 = s.items.find((i: { id: string }) => i.id === "tc1");
    expect(tc1.change.delta).toBeCloseTo((100 * 70) / 90 - (100 * 50) / 90, 9);
    const x1 = s.units.find((u: { code: string }) => u.code === "X1");
    const x2 = s.units.find((u: { code: string }) => u.code === "X2");
    expect(x1.change.delta).toBeCloseTo(40, 9); // 80 − 40
    expect(x1.change.significant).toBe(true);
    expect(x1.change.ci95[0]).toBeGreaterThan(0);
    expect(x2.change).toMatchObject({ delta: 0, significant: false });
    expect(x2.change.ci95[0]).toBeLessThan(0);
    // X2 (75, n 40) and X1 (80, n 50) overlap: not distinguishable from the leader.
    expect([x1.tiedWithLeader, x2.tiedWithLeader]).toEqual([true, true]);
    // An element nobody answered has no change.
    expect(s.elements.find((e: { id: string }) => e.id === "thu-tuc").change).toBeNull();
  });

  it("compare=previous uses the period of the same length just before; without it nothing changes", async () => {
    const r = await api(app, "/api/v1/reports/summary?survey=sipas-2017&from=2026-02-01&to=2026-02-28&compare=previous", { token });
    expect(r.body.comparedWith).toEqual({ from: "2026-01-04", to: "2026-01-31" });
    const plain = await api(app, "/api/v1/reports/summary?survey=sipas-2017&from=2026-02-01&to=2026-02-28", { token });
    expect(plain.body.change).toBeUndefined();
    const bad = await api(app, "/api/v1/reports/summary?survey=sipas-2017&from=2026-02-01&to=2026-02-28&compareFrom=2026-01-01", { token });
    expect(bad.status).toBe(400);
  });
});
