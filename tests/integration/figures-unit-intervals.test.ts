import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api, createToken, seedSmallProvince, startTestApp, type TestApp } from "../support/test-app";

// Issue 13.2: a unit's interval rests on its own respondents, not on those of it that fell in
// the province's 500-respondent sample. Ids are chosen so that none of X2's 100 respondents is
// in the province sample (its sample key, the id's last group, sorts after all of X1's):
// the old rule had nothing (or a handful) to bootstrap for X2.

let app: TestApp;
let token: string;
const idWith = (lead: string) => {
  const id = randomUUID();
  return `${id.slice(0, 24)}${lead}${id.slice(25)}`;
};

beforeAll(async () => {
  app = await startTestApp();
  await seedSmallProvince(app);
  token = await createToken(app, "admin", null);
  const body = (unit: string, lead: string, satisfied: boolean) => ({
    id: idWith(lead),
    survey: "sipas-2017",
    version: 1,
    unit,
    service: null,
    channel: "paper",
    submittedAt: "2026-03-10T09:00:00+07:00",
    answers: { tc1: satisfied ? 5 : 2, tc5: satisfied ? 4 : 3 },
  });
  // X1: 600 forms, 80% satisfied; X2: 100 forms, 90% satisfied.
  const all = [...Array.from({ length: 600 }, (_, k) => body("X1", "0", k % 5 !== 0)), ...Array.from({ length: 100 }, (_, k) => body("X2", "f", k % 10 !== 0))];
  for (let k = 0; k < all.length; k += 100) {
    const r = await api(app, "/api/v1/responses/batch", { method: "POST", token, json: { responses: all.slice(k, k + 100) } });
    expect(r.status).toBe(200);
  }
}, 120_000);
afterAll(async () => app?.stop());

describe("per-unit intervals", () => {
  it("X2's 95% interval comes from its own respondents: about ±5.9 around 90, never [90, 90]", async () => {
    const r = await api(app, "/api/v1/reports/summary?survey=sipas-2017&from=2026-03-01&to=2026-03-31&intervals=units", { token });
    expect(r.status).toBe(200);
    expect(r.body.n).toBe(700);
    expect(r.body.method.interval.sampled).toBe(500);
    const x2 = r.body.units.find((u: { code: string }) => u.code === "X2");
    expect(x2.index).toBeCloseTo(90, 9);
    expect(x2.ci95).not.toBeNull();
    const [lo, hi] = x2.ci95;
    expect(lo).toBeLessThan(90);
    expect(hi).toBeGreaterThan(90);
    // Binomial: 2 · 1.96 · √(0.09/100) ≈ 11.8 points wide.
    expect(hi - lo).toBeGreaterThan(6);
    expect(hi - lo).toBeLessThan(20);
  });
});
